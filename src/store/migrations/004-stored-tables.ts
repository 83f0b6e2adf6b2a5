import type { Migration } from '../database.js';
import { createTableSql } from '../records/record-table.js';
import { RECORD_TABLES } from '../records/record-tables.js';

/** Record tables this migration adds (002 creates the others). */
export const TABLES_004: readonly string[] = [
  'rec_ad1',
  'rec_placed_adoption',
  'rec_prev_perm',
  'rec_dolo',
  'rec_annex_a_cic',
  'rec_annex_a_rows',
];

/**
 * The stored SSDA903 tables (AD1, PlacedAdoption, PrevPerm, DoLo; inputs.md §2.1) and Annex A's own lists
 * (List 8 children in care; lists 10 and 11 as raw rows; §4), so every row they hold is loaded.
 * Once shipped, change these tables with a new migration.
 */
export const migration: Migration = {
  id: '004-stored-tables',
  sql: RECORD_TABLES.filter((t) => TABLES_004.includes(t.table))
    .map((t) => `${createTableSql(t)};`)
    .join('\n\n'),
};
