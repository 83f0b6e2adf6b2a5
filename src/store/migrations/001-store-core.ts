import type { Migration } from '../database.js';

/**
 * The store's bookkeeping (inputs.md §1.1, §6): LAs; imports and their validation issues; submissions
 * (LA, source, collection year, as-at) with their files; dataset versions per LA with the submissions each
 * holds and the dataset checks found on them. Timestamps are ISO text; dates are DATE.
 */
export const migration: Migration = {
  id: '001-store-core',
  sql: `
CREATE TABLE las (
  code TEXT PRIMARY KEY,
  name TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL REFERENCES las(code),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  status TEXT NOT NULL,
  pseudonymised INTEGER NOT NULL,
  dataset_id TEXT,
  files_json TEXT NOT NULL,
  counts_json TEXT NOT NULL,
  summary_json TEXT NOT NULL
);
CREATE INDEX imports_la ON imports (la, started_at);

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL REFERENCES las(code),
  source TEXT NOT NULL,
  collection_year TEXT,
  as_at DATE,
  range_start DATE,
  range_end DATE,
  identity TEXT NOT NULL,
  import_id TEXT NOT NULL REFERENCES imports(id),
  seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  tables_json TEXT NOT NULL,
  pseudonymised INTEGER NOT NULL,
  superseded_by TEXT REFERENCES submissions(id)
);
CREATE INDEX submissions_la_identity ON submissions (la, identity);
CREATE UNIQUE INDEX submissions_la_seq ON submissions (la, seq);

CREATE TABLE submission_files (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  file_no INTEGER NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  tables_json TEXT NOT NULL,
  PRIMARY KEY (submission_id, file_no)
);
CREATE INDEX submission_files_sha ON submission_files (sha256);

CREATE TABLE dataset_versions (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL REFERENCES las(code),
  seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  import_id TEXT REFERENCES imports(id),
  content_hash TEXT NOT NULL,
  extract_date DATE,
  as_at_json TEXT NOT NULL,
  row_counts_json TEXT NOT NULL,
  validation_json TEXT NOT NULL,
  checks_json TEXT NOT NULL
);
CREATE UNIQUE INDEX dataset_versions_la_seq ON dataset_versions (la, seq);

CREATE TABLE dataset_submissions (
  dataset_id TEXT NOT NULL REFERENCES dataset_versions(id),
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  PRIMARY KEY (dataset_id, submission_id)
);

CREATE TABLE validation_issues (
  import_id TEXT NOT NULL REFERENCES imports(id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  file TEXT,
  table_name TEXT,
  position TEXT,
  child_id TEXT,
  field TEXT,
  value TEXT,
  dfe_rule TEXT,
  message TEXT NOT NULL,
  PRIMARY KEY (import_id, seq)
);

CREATE TABLE dataset_checks (
  dataset_id TEXT NOT NULL REFERENCES dataset_versions(id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  file TEXT,
  table_name TEXT,
  position TEXT,
  child_id TEXT,
  field TEXT,
  value TEXT,
  dfe_rule TEXT,
  message TEXT NOT NULL,
  PRIMARY KEY (dataset_id, seq)
);
`,
};
