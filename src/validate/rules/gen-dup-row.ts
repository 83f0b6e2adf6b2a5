import { ran, type Rule } from '../rule.js';
import { DUP_TABLES, duplicateHits } from './dup-keys.js';
import { humanPosition, sourceOf } from '../record-place.js';

/**
 * GEN-DUP-ROW (inputs.md §1.1, §6): an exact repeat of an earlier row (same natural key, same values).
 * Error: the repeat is not loaded; the record counts once.
 */
export const genDupRow: Rule = {
  code: 'GEN-DUP-ROW',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local', 'annex-a'],
  tables: DUP_TABLES,
  fields: [],
  message: 'A row repeats an earlier row exactly.',
  check: (ctx) =>
    ran(
      duplicateHits(ctx, 'exact', (_table, { first }) => {
        const at = sourceOf(first);
        return {
          field: null,
          value: null,
          message: `this repeats ${at ? humanPosition(at.position) : 'an earlier row'} exactly`,
        };
      }),
    ),
};
