import type { Migration } from '../database.js';

/**
 * The Word documents of each published edition (report.md §8 "`--edition ID` re-renders an edition byte for
 * byte"), kept as 122 keeps the HTML, CSV and JSON: one row per edition, version (`public` or `full`) and
 * format (`docx`, the only binary output kept), the bytes whose SHA-256 `editions.output_hashes_json` freezes
 * (`public.docx`, `full.docx`). A separate table because the bytes are binary (a BLOB, a BYTEA), where 122's
 * are text. Why they are kept rather than re-rendered: a DOCX cannot be rendered again byte for byte (the
 * Word library stamps each file with the time it was made), and a later cspi may word or lay it out
 * differently, while a committee's Word paper must never change once published.
 *
 * Append-only and closed to LA-scoped reads on a hub, exactly as 122's table is: triggers refuse every
 * UPDATE and DELETE (and TRUNCATE on PostgreSQL); the LA reader role is granted nothing on it.
 */
export const migration: Migration = {
  id: '123-edition-documents',
  sql: `
CREATE TABLE edition_documents (
  edition_id TEXT NOT NULL REFERENCES editions (id),
  version TEXT NOT NULL CHECK (version IN ('public', 'full')),
  format TEXT NOT NULL CHECK (format IN ('docx')),
  body BLOB NOT NULL,
  PRIMARY KEY (edition_id, version, format)
);
CREATE TRIGGER edition_documents_no_update BEFORE UPDATE ON edition_documents
BEGIN SELECT RAISE(ABORT, 'edition outputs are append-only: a published edition never changes'); END;
CREATE TRIGGER edition_documents_no_delete BEFORE DELETE ON edition_documents
BEGIN SELECT RAISE(ABORT, 'edition outputs are append-only: a published edition never changes'); END;
`,
  // A DOCX is a zip already: stored out of line without a second, futile compression.
  postgresSql: `
CREATE TABLE edition_documents (
  edition_id TEXT NOT NULL REFERENCES editions (id),
  version TEXT NOT NULL CHECK (version IN ('public', 'full')),
  format TEXT NOT NULL CHECK (format IN ('docx')),
  body BYTEA NOT NULL,
  PRIMARY KEY (edition_id, version, format)
);
ALTER TABLE edition_documents ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TRIGGER edition_documents_no_update BEFORE UPDATE OR DELETE ON edition_documents
FOR EACH ROW EXECUTE FUNCTION edition_outputs_refuse();
CREATE TRIGGER edition_documents_no_truncate BEFORE TRUNCATE ON edition_documents
FOR EACH STATEMENT EXECUTE FUNCTION edition_outputs_refuse();
`,
};
