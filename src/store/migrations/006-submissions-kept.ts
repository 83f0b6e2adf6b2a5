import type { Migration } from '../database.js';

/**
 * Submissions are kept for ever (every dataset version must stay reproducible), and the record tables stop
 * checking their `submission_id` row by row on PostgreSQL.
 *
 * - Both databases: triggers refuse DELETE on `submissions` (and TRUNCATE on PostgreSQL), so a record can
 *   never lose its submission. Nothing in cspi deletes one; this makes it a rule of the store.
 * - PostgreSQL: the `rec_*` tables' foreign keys to `submissions` are dropped. PostgreSQL checks a foreign
 *   key with a trigger and a locking look-up per inserted row, which made copying records in 2.3 times as
 *   dear (313,031 allocation rows: 2.3 s against 1.0 s), on a national import several minutes of the
 *   server's CPU. Records are only ever written by `writeRecords` in the same transaction that has just
 *   inserted their submission, and with submissions never deleted the check could not fail. SQLite keeps its
 *   foreign keys: it checks one with an index probe, at no measurable cost.
 */
export const migration: Migration = {
  id: '006-submissions-kept',
  sql: `
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are kept: a dataset version must stay reproducible'); END;
`,
  postgresSql: `
CREATE FUNCTION submissions_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'submissions are kept: a dataset version must stay reproducible'; END;
$$;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
FOR EACH ROW EXECUTE FUNCTION submissions_refuse_delete();
CREATE TRIGGER submissions_no_truncate BEFORE TRUNCATE ON submissions
FOR EACH STATEMENT EXECUTE FUNCTION submissions_refuse_delete();
DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT conname, conrelid::regclass AS tbl FROM pg_constraint
    WHERE contype = 'f' AND confrelid = 'submissions'::regclass AND conrelid::regclass::text LIKE 'rec\\_%'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tbl, c.conname);
  END LOOP;
END $$;
`,
};
