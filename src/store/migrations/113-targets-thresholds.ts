import type { Migration } from '../database.js';

/**
 * The targets page may choose the thresholds rating scheme (report.md §4 "thresholds (explicit amber/red
 * bounds)") and set an indicator's own "in line with" band (§4 "Options per indicator"): `targets` gains
 * `amber` and `red` (the bounds, both set exactly when the scheme is thresholds) and `in_line_band` (points;
 * null = the report's band), and `targets.scheme` accepts `thresholds`. SQLite cannot alter a CHECK
 * constraint, so it rebuilds the table with its rows, as 112 does; PostgreSQL adds the columns and swaps
 * the constraints.
 */
export const migration: Migration = {
  id: '113-targets-thresholds',
  sql: `
CREATE TABLE targets_113 (
  la TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  target DOUBLE PRECISION,
  tolerance DOUBLE PRECISION,
  tolerance_unit TEXT NOT NULL CHECK (tolerance_unit IN ('points', 'percent-of-target')),
  kind TEXT NOT NULL CHECK (kind IN ('national', 'local')),
  scheme TEXT NOT NULL CHECK (scheme IN ('target-tolerance', 'thresholds', 'improvement-aware', 'none')),
  rationale TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  amber DOUBLE PRECISION,
  red DOUBLE PRECISION,
  in_line_band DOUBLE PRECISION CHECK (in_line_band IS NULL OR in_line_band >= 0),
  CHECK ((scheme = 'thresholds') = (amber IS NOT NULL AND red IS NOT NULL)),
  PRIMARY KEY (la, indicator_id, financial_year)
);
INSERT INTO targets_113 (la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at)
  SELECT la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at FROM targets;
DROP TABLE targets;
ALTER TABLE targets_113 RENAME TO targets;
`,
  postgresSql: `
ALTER TABLE targets ADD COLUMN amber DOUBLE PRECISION;
ALTER TABLE targets ADD COLUMN red DOUBLE PRECISION;
ALTER TABLE targets ADD COLUMN in_line_band DOUBLE PRECISION CHECK (in_line_band IS NULL OR in_line_band >= 0);
ALTER TABLE targets DROP CONSTRAINT targets_scheme_check;
ALTER TABLE targets ADD CONSTRAINT targets_scheme_check
  CHECK (scheme IN ('target-tolerance', 'thresholds', 'improvement-aware', 'none'));
ALTER TABLE targets ADD CONSTRAINT targets_bounds_check
  CHECK ((scheme = 'thresholds') = (amber IS NOT NULL AND red IS NOT NULL));
`,
};
