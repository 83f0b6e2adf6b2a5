import { ran, type Rule } from '../rule.js';
import { DUP_TABLES, describeDuplicate, duplicateHits, naturalKey } from './dup-keys.js';

/**
 * GEN-DUP-KEY (inputs.md §1.1): two records of one file share a natural key (two episodes of a child with the
 * same DECOM; two Annex A List 8 rows of a child with one start date). The first in file order is loaded; each
 * later one is an error naming both rows, so a row read is loaded or listed (§6), never dropped at the merge.
 */
export const genDupKey: Rule = {
  code: 'GEN-DUP-KEY',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local', 'annex-a'],
  tables: DUP_TABLES,
  fields: [],
  message: 'A record repeats the natural key of an earlier one; the first is kept.',
  check: (ctx) =>
    ran(
      duplicateHits(ctx, (table, { first, record }) => ({
        field: null,
        value: naturalKey(table, record),
        message: describeDuplicate(table, record, first),
      })),
    ),
};
