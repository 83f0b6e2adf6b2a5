import type { Migration } from '../database.js';
import { createTableSql } from '../records/record-table.js';
import { RECORD_TABLES } from '../records/record-tables.js';

/**
 * One typed table per model record type, generated from `records/record-tables.ts`. Rows are read per
 * submission, so the primary key (submission_id, ord) is the index that loads one LA's version fast.
 * `record-tables.test.ts` pins this SQL: once shipped, change the tables with a new migration.
 */
export const migration: Migration = {
  id: '002-record-tables',
  sql: RECORD_TABLES.map((t) => `${createTableSql(t)};`).join('\n\n'),
};
