import type { Migration } from '../database.js';
import { compressWithLz4 } from './compress-with-lz4.js';

/**
 * Each LA's current dataset version, assembled, as one value (src/store/snapshot): loading a version for
 * the indicators, the report or the dashboard is one read instead of every record table and the merge.
 * A cache only: the records stay the truth, and a version without a snapshot (or with one written by
 * another assembly version) is assembled from them as before. PostgreSQL compresses the body with LZ4 where
 * the server has it (several times faster than its default, pglz, on a national import), else as usual.
 */
const TABLE = `
CREATE TABLE dataset_snapshots (
  dataset_id TEXT PRIMARY KEY REFERENCES dataset_versions(id),
  la TEXT NOT NULL,
  assembly INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX dataset_snapshots_la ON dataset_snapshots (la);
`;

export const migration: Migration = {
  id: '005-dataset-snapshots',
  sql: TABLE,
  postgresSql: `${TABLE}${compressWithLz4('dataset_snapshots', 'body')}`,
};
