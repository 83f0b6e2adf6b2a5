import type { Migration } from '../database.js';

/**
 * Append-only enforcement for `audit_log`: triggers refuse every UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL), so not even the application's own connection can rewrite history. Trigger syntax differs
 * between the two databases, so this migration gives PostgreSQL its own text (`postgresSql`).
 */
export const migration: Migration = {
  id: '091-web-audit-append-only',
  sql: `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
  postgresSql: `
CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
`,
};
