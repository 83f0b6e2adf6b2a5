import type { Migration } from '../database.js';

/**
 * The targets page may choose the improvement-aware rating scheme (report.md §4: beyond tolerance but
 * significantly better than the same quarter last year is Amber), so `targets.scheme` accepts it. SQLite
 * cannot alter a CHECK constraint, so it rebuilds the table with its rows; PostgreSQL swaps the constraint.
 */
export const migration: Migration = {
  id: '112-targets-improvement-aware',
  sql: `
CREATE TABLE targets_112 (
  la TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  target DOUBLE PRECISION,
  tolerance DOUBLE PRECISION,
  tolerance_unit TEXT NOT NULL CHECK (tolerance_unit IN ('points', 'percent-of-target')),
  kind TEXT NOT NULL CHECK (kind IN ('national', 'local')),
  scheme TEXT NOT NULL CHECK (scheme IN ('target-tolerance', 'improvement-aware', 'none')),
  rationale TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  PRIMARY KEY (la, indicator_id, financial_year)
);
INSERT INTO targets_112 (la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at)
  SELECT la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at FROM targets;
DROP TABLE targets;
ALTER TABLE targets_112 RENAME TO targets;
`,
  postgresSql: `
ALTER TABLE targets DROP CONSTRAINT targets_scheme_check;
ALTER TABLE targets ADD CONSTRAINT targets_scheme_check
  CHECK (scheme IN ('target-tolerance', 'improvement-aware', 'none'));
`,
};
