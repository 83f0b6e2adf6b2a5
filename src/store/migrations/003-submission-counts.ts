import type { Migration } from '../database.js';

/** Each submission keeps its files' row accounting (read = loaded + rejected), so a version can list it per file. */
export const migration: Migration = {
  id: '003-submission-counts',
  sql: 'ALTER TABLE submissions ADD COLUMN counts_json TEXT',
};
