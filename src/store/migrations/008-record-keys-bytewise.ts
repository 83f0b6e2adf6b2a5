import type { Migration } from '../database.js';
import { RECORD_TABLES } from '../records/record-tables.js';
import { TABLES_009 } from './009-annex-a-cp.js';

/**
 * PostgreSQL: the record tables' `submission_id` compares bytewise (`COLLATE "C"`), so the primary key
 * (submission_id, ord) that every record row is inserted into costs memcmp per comparison instead of the
 * database's locale (strcoll). Measured on this machine's `C.UTF-8` cluster, inserting 403,971 contact rows:
 * the key cost 0.6–0.7 s with the locale and 0.15 s bytewise, next to 0.7–0.9 s for the rows themselves;
 * the national set writes about 60 million record rows. A locale such as en_GB.UTF-8 costs more still.
 *
 * Nothing changes for cspi: record rows are only ever looked up and grouped by `submission_id`, equal or
 * not, and an id is ASCII, where byte order is every locale's code-point order (an analyst's own
 * `ORDER BY submission_id` on a record table sorts bytewise). Changing a column's type rewrites the table and
 * its key, once: on a hub that already holds records this migration takes a while. A row-level security
 * policy on a record table (src/hub/la-isolation.ts) would block the change, so it is dropped and created
 * again as it was, in the same transaction. SQLite already compares text bytewise (BINARY): nothing to do.
 * Tables created later (009) are created bytewise and are left out.
 */
export const migration: Migration = {
  id: '008-record-keys-bytewise',
  sql: 'SELECT 1',
  postgresSql: `
DO $$
DECLARE
  t text;
  p record;
  had boolean;
BEGIN
  FOREACH t IN ARRAY ARRAY[${RECORD_TABLES.filter((r) => !TABLES_009.includes(r.table))
    .map((r) => `'${r.table}'`)
    .join(', ')}] LOOP
    SELECT policyname, roles, qual INTO p FROM pg_policies
      WHERE schemaname = current_schema() AND tablename = t AND policyname = 'la_only' AND cmd = 'SELECT';
    had := FOUND;
    IF had THEN
      EXECUTE format('DROP POLICY la_only ON %I', t);
    END IF;
    EXECUTE format('ALTER TABLE %I ALTER COLUMN submission_id TYPE TEXT COLLATE "C"', t);
    IF had THEN
      EXECUTE format('CREATE POLICY la_only ON %I FOR SELECT TO %s USING (%s)', t,
        (SELECT string_agg(quote_ident(r), ', ') FROM unnest(p.roles) AS r), p.qual);
    END IF;
  END LOOP;
END $$;
`,
};
