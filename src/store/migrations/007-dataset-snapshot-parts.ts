import type { Migration } from '../database.js';
import { compressWithLz4 } from './compress-with-lz4.js';

/**
 * A dataset snapshot (src/store/snapshot) in parts: `dataset_snapshots.body` keeps the head (layout,
 * dictionaries, scalars) and this table one JSON value per part (a column of a table's records, a table
 * kept as it is, the checks). Reading or writing a large LA's snapshot as one value of 200 MB made the
 * database client grow and copy one buffer of that size (reading it cost 3 CPU-s, in parts 1.2), and
 * meant one string of that size to parse. PostgreSQL compresses the parts with LZ4 where it can, as 005.
 */
const TABLE = `
CREATE TABLE dataset_snapshot_parts (
  dataset_id TEXT NOT NULL REFERENCES dataset_versions(id),
  la TEXT NOT NULL,
  part INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (dataset_id, part)
);
CREATE INDEX dataset_snapshot_parts_la ON dataset_snapshot_parts (la);
`;

export const migration: Migration = {
  id: '007-dataset-snapshot-parts',
  sql: TABLE,
  postgresSql: `${TABLE}${compressWithLz4('dataset_snapshot_parts', 'body')}`,
};
