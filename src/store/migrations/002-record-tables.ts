import type { Migration } from '../database.js';
import { createTableSql } from '../records/record-table.js';
import { RECORD_TABLES } from '../records/record-tables.js';
import { TABLES_004 } from './004-stored-tables.js';
import { TABLES_009 } from './009-annex-a-cp.js';

/**
 * One typed table per model record type, generated from `records/record-tables.ts`. Rows are read per
 * submission, so the primary key (submission_id, ord) is the index that loads one LA's version fast.
 * Tables added later are left to their own migrations (004, 009). Once shipped, change the tables with a new migration.
 */
export const migration: Migration = {
  id: '002-record-tables',
  sql: RECORD_TABLES.filter((t) => !TABLES_004.includes(t.table) && !TABLES_009.includes(t.table))
    .map((t) => `${createTableSql(t)};`)
    .join('\n\n'),
};
