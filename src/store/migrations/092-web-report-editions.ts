import type { Migration } from '../database.js';

/**
 * Report drafts and published editions made from the dashboard: the IndicatorReport they were built from
 * (targets applied) is frozen as JSON when drafted, so a published edition re-renders the same figures
 * (report.md §8). A trigger refuses any change to a published edition and any deletion.
 */
export const migration: Migration = {
  id: '092-web-report-editions',
  sql: `
CREATE TABLE web_report_editions (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  period TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  dataset_id TEXT NOT NULL,
  report_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  published_at TEXT,
  published_by TEXT
);
CREATE INDEX web_report_editions_la ON web_report_editions (la, created_at);
CREATE TRIGGER web_report_editions_frozen BEFORE UPDATE ON web_report_editions
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'a published edition never changes'); END;
CREATE TRIGGER web_report_editions_no_delete BEFORE DELETE ON web_report_editions
BEGIN SELECT RAISE(ABORT, 'report editions are kept'); END;
`,
  postgresSql: `
CREATE TABLE web_report_editions (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  period TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  dataset_id TEXT NOT NULL,
  report_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  published_at TEXT,
  published_by TEXT
);
CREATE INDEX web_report_editions_la ON web_report_editions (la, created_at);
CREATE FUNCTION web_report_editions_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'report editions are kept'; END IF;
  IF OLD.status = 'published' THEN RAISE EXCEPTION 'a published edition never changes'; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER web_report_editions_frozen BEFORE UPDATE OR DELETE ON web_report_editions
FOR EACH ROW EXECUTE FUNCTION web_report_editions_refuse();
`,
};
