import type { Migration } from '../database.js';

/**
 * Published editions are immutable (report.md §8): triggers refuse every UPDATE and DELETE on `editions`
 * (and TRUNCATE on PostgreSQL), as 091 does for the audit log, so a published paper's frozen figures can
 * never be rewritten, even by the application's own connection. PostgreSQL has its own trigger text.
 */
export const migration: Migration = {
  id: '111-editions-append-only',
  sql: `
CREATE TRIGGER editions_no_update BEFORE UPDATE ON editions
BEGIN SELECT RAISE(ABORT, 'editions are append-only: a published edition never changes'); END;
CREATE TRIGGER editions_no_delete BEFORE DELETE ON editions
BEGIN SELECT RAISE(ABORT, 'editions are append-only: a published edition never changes'); END;
`,
  postgresSql: `
CREATE FUNCTION editions_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'editions are append-only: a published edition never changes'; END;
$$;
CREATE TRIGGER editions_no_update BEFORE UPDATE OR DELETE ON editions
FOR EACH ROW EXECUTE FUNCTION editions_refuse();
CREATE TRIGGER editions_no_truncate BEFORE TRUNCATE ON editions
FOR EACH STATEMENT EXECUTE FUNCTION editions_refuse();
`,
};
