import type { Migration } from '../database.js';

/**
 * Computed indicator results, one row per (LA, period, dataset version, indicator): what a hub's workers
 * write and its benchmarks read. The primary key makes a retried computation replace, never duplicate.
 * `result_json` is the indicator's `IndicatorResult` (figures only: no child-level members).
 */
export const migration: Migration = {
  id: '100-indicator-results',
  sql: `
CREATE TABLE indicator_results (
  la TEXT NOT NULL REFERENCES las(code),
  period TEXT NOT NULL,
  dataset_id TEXT NOT NULL REFERENCES dataset_versions(id),
  indicator_id TEXT NOT NULL,
  status TEXT NOT NULL,
  value DOUBLE PRECISION,
  numerator INTEGER,
  denominator INTEGER,
  result_json TEXT NOT NULL,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (la, period, dataset_id, indicator_id)
);
CREATE INDEX indicator_results_period ON indicator_results (period, indicator_id);
`,
};
