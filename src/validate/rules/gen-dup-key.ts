import { ran, type AnyRecord, type Rule, type RuleHit } from '../rule.js';
import { DUP_TABLES, describeDuplicate, keyRepeats, naturalKey } from './dup-keys.js';

/**
 * GEN-DUP-KEY (inputs.md §1.1): two records of one file share a natural key (two episodes of a child with the
 * same DECOM). The first in file order is loaded; each later one is an error naming both lines.
 */
export const genDupKey: Rule = {
  code: 'GEN-DUP-KEY',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local'],
  tables: DUP_TABLES,
  fields: [],
  message: 'A record repeats the natural key of an earlier one; the first is kept.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const table of DUP_TABLES) {
      const records = ctx.tables[table] as readonly AnyRecord[] | undefined;
      if (!records) continue;
      for (const { first, record: r } of keyRepeats(table, records))
        hits.push({
          table,
          record: r,
          field: null,
          value: naturalKey(table, r),
          message: describeDuplicate(table, r, first),
        });
    }
    return ran(hits);
  },
};
