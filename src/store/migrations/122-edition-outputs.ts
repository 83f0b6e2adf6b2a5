import type { Migration } from '../database.js';

/**
 * The exact documents of each published edition (report.md §8 "`--edition ID` re-renders an edition byte
 * for byte"): one row per edition, version (`public` or `full`) and format (`html`, `csv`, `json`), the
 * output whose SHA-256 `editions.output_hashes_json` freezes, as text (UTF-8, the bytes hashed). Written in
 * the same transaction as the edition's row; `cspi report --edition` and the dashboard serve these bytes
 * (checked against the hash) instead of re-rendering with whatever software is installed later. Editions
 * published before this table have no rows and are re-rendered (src/report/edition/edition-outputs.ts).
 *
 * Append-only as 111 makes `editions`: triggers refuse every UPDATE and DELETE (and TRUNCATE on PostgreSQL).
 * Not in the hub's row-level-security lists (src/hub/la-isolation.ts), as `editions` is not: the LA reader
 * role is granted no SELECT on it, so LA-scoped reads cannot see it at all; editions are read by the
 * owner's connection, and the dashboard serves an edition only to users of its LA (`e.la`).
 */
export const migration: Migration = {
  id: '122-edition-outputs',
  sql: `
CREATE TABLE edition_outputs (
  edition_id TEXT NOT NULL REFERENCES editions (id),
  version TEXT NOT NULL CHECK (version IN ('public', 'full')),
  format TEXT NOT NULL CHECK (format IN ('html', 'csv', 'json')),
  body TEXT NOT NULL,
  PRIMARY KEY (edition_id, version, format)
);
CREATE TRIGGER edition_outputs_no_update BEFORE UPDATE ON edition_outputs
BEGIN SELECT RAISE(ABORT, 'edition outputs are append-only: a published edition never changes'); END;
CREATE TRIGGER edition_outputs_no_delete BEFORE DELETE ON edition_outputs
BEGIN SELECT RAISE(ABORT, 'edition outputs are append-only: a published edition never changes'); END;
`,
  postgresSql: `
CREATE TABLE edition_outputs (
  edition_id TEXT NOT NULL REFERENCES editions (id),
  version TEXT NOT NULL CHECK (version IN ('public', 'full')),
  format TEXT NOT NULL CHECK (format IN ('html', 'csv', 'json')),
  body TEXT NOT NULL,
  PRIMARY KEY (edition_id, version, format)
);
CREATE FUNCTION edition_outputs_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'edition outputs are append-only: a published edition never changes'; END;
$$;
CREATE TRIGGER edition_outputs_no_update BEFORE UPDATE OR DELETE ON edition_outputs
FOR EACH ROW EXECUTE FUNCTION edition_outputs_refuse();
CREATE TRIGGER edition_outputs_no_truncate BEFORE TRUNCATE ON edition_outputs
FOR EACH STATEMENT EXECUTE FUNCTION edition_outputs_refuse();
`,
};
