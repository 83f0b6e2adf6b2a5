import type { Migration } from '../database.js';

/**
 * Officer commentary edited on the dashboard (report.md §5 "Editing", §8 "commentary and its history", §9
 * reports page): one row per edit of one LA's commentary on one indicator for one period, never changed
 * afterwards. The latest row of an (la, period, indicator_id) is the commentary in force; the rows before it
 * are its history. Columns hold the fields of a commentary file's entry (`parseCommentary`): `text`, `mode`,
 * `section` and `reason`, the action (`action_what`, `action_who`, `action_by_when`), `outside_control`,
 * `scorecard` and `internal`; `written_by` and `written_at` say who and when; `kind` is `edit` or `confirm`
 * (an officer confirmed the text still holds after the figure under it changed); `figure` is the figure
 * the text was written or confirmed against (JSON: status, value, numerator, denominator), so an edit goes
 * stale when the figure changes. Ids are the application's sortable ids (no autoincrement, which differs
 * between the databases).
 *
 * Append-only as 091 and 111 make the audit log and editions: triggers refuse every UPDATE and DELETE (and
 * TRUNCATE on PostgreSQL), so the history of a published paper's text cannot be rewritten.
 */
export const migration: Migration = {
  id: '120-commentary',
  sql: `
CREATE TABLE commentary (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  period TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('edit', 'confirm')),
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL,
  text TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('follow', 'replace')),
  section TEXT CHECK (section IN ('performing-well', 'areas-for-focus', 'omit')),
  reason TEXT,
  action_what TEXT,
  action_who TEXT,
  action_by_when TEXT,
  outside_control INTEGER NOT NULL,
  scorecard TEXT,
  internal INTEGER NOT NULL,
  figure TEXT NOT NULL
);
CREATE INDEX commentary_la_period ON commentary (la, period, indicator_id, id);
CREATE TRIGGER commentary_no_update BEFORE UPDATE ON commentary
BEGIN SELECT RAISE(ABORT, 'commentary is append-only: an edit adds a row'); END;
CREATE TRIGGER commentary_no_delete BEFORE DELETE ON commentary
BEGIN SELECT RAISE(ABORT, 'commentary is append-only: an edit adds a row'); END;
`,
  postgresSql: `
CREATE TABLE commentary (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  period TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('edit', 'confirm')),
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL,
  text TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('follow', 'replace')),
  section TEXT CHECK (section IN ('performing-well', 'areas-for-focus', 'omit')),
  reason TEXT,
  action_what TEXT,
  action_who TEXT,
  action_by_when TEXT,
  outside_control INTEGER NOT NULL,
  scorecard TEXT,
  internal INTEGER NOT NULL,
  figure TEXT NOT NULL
);
CREATE INDEX commentary_la_period ON commentary (la, period, indicator_id, id);
CREATE FUNCTION commentary_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'commentary is append-only: an edit adds a row'; END;
$$;
CREATE TRIGGER commentary_no_update BEFORE UPDATE OR DELETE ON commentary
FOR EACH ROW EXECUTE FUNCTION commentary_refuse();
CREATE TRIGGER commentary_no_truncate BEFORE TRUNCATE ON commentary
FOR EACH STATEMENT EXECUTE FUNCTION commentary_refuse();
`,
};
