import type { Migration } from '../database.js';

/**
 * Published report editions (report.md §8): immutable once written. `frozen_json` holds the frozen
 * IndicatorReport (every figure with numerator, denominator, RAG and direction), each indicator's definition
 * version, targets/tolerances and settings, the report options (suppression, in-line band), the commentary
 * and the final narrative; `output_hashes_json` the SHA-256 of each rendered output.
 */
export const migration: Migration = {
  id: '110-editions',
  sql: `
CREATE TABLE editions (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  period TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT,
  dataset_id TEXT NOT NULL,
  dataset_hash TEXT NOT NULL,
  software_version TEXT NOT NULL,
  frozen_json TEXT NOT NULL,
  output_hashes_json TEXT NOT NULL
);
CREATE INDEX editions_la_period ON editions (la, period, published_at);
`,
};
