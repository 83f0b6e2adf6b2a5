import { ran, type Rule } from '../rule.js';
import { DUP_TABLES, describeDuplicate, duplicateHits, naturalKey } from './dup-keys.js';
import { ANNEX_A_KEY_CELL, ANNEX_A_LISTS } from '../../ingest/annex-a/annex-a-lists.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * GEN-DUP-KEY (inputs.md §1.1): two records of one file share a natural key (two episodes of a child with the
 * same DECOM; two Annex A List 8 rows of a child with one start date). The first in file order is loaded; each
 * later one is an error naming both rows, so a row read is loaded or listed (§6), never dropped at the merge.
 * An Annex A repeat is reported at its key's cell (the key date's, or for List 9 the Child Unique ID's: §6
 * `Sheet!Cell`), with that column as the field and the cell's value, and names the first row's key cell.
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
      duplicateHits(ctx, 'every', (table, { first, record }) => {
        const keyCell = ctx.extras(record)?.[ANNEX_A_KEY_CELL];
        if (!keyCell)
          return {
            field: null,
            value: naturalKey(table, record),
            message: describeDuplicate(table, record, first),
          };
        const list = ANNEX_A_LISTS.find((l) => keyCell.startsWith(`List ${l.number}!`));
        const column = list?.columns.find((c) => c.key === (list.keyDate ?? 'childId'));
        const childId = String((record as { childId?: unknown }).childId);
        const key = naturalKey(table, record);
        const date = key.slice(childId.length + 1);
        return {
          position: keyCell,
          field: column?.label ?? null,
          value: list?.keyDate && /^\d{4}-\d{2}-\d{2}$/.test(date) ? ukDate(date) : childId,
          message: describeDuplicate(
            table,
            record,
            first,
            ctx.extras(first)?.[ANNEX_A_KEY_CELL] ?? undefined,
          ),
        };
      }),
    ),
};
