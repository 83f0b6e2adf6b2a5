import { ran, type AnyRecord, type Rule, type RuleHit } from '../rule.js';
import { DUP_TABLES, content, keyRepeats } from './dup-keys.js';
import { humanPosition, sourceOf } from '../record-place.js';

/**
 * GEN-DUP-ROW (inputs.md §1.1, §6): an exact repeat of an earlier row (same natural key, same values).
 * Error: the repeat is not loaded; the record counts once.
 */
export const genDupRow: Rule = {
  code: 'GEN-DUP-ROW',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local'],
  tables: DUP_TABLES,
  fields: [],
  message: 'A row repeats an earlier row exactly.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const table of DUP_TABLES) {
      const records = ctx.tables[table] as readonly AnyRecord[] | undefined;
      if (!records) continue;
      for (const { first, record: r } of keyRepeats(table, records)) {
        if (content(first) === content(r)) {
          const at = sourceOf(first);
          hits.push({
            table,
            record: r,
            field: null,
            value: null,
            message: `this repeats ${at ? humanPosition(at.position) : 'an earlier row'} exactly`,
          });
        }
      }
    }
    return ran(hits);
  },
};
