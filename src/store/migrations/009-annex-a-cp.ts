import type { Migration } from '../database.js';
import { createTableSql } from '../records/record-table.js';
import { RECORD_TABLES } from '../records/record-tables.js';

/** Record tables this migration adds (002, 004 and 008 leave them alone). */
export const TABLES_009: readonly string[] = ['rec_annex_a_cp'];

const tables = RECORD_TABLES.filter((t) => TABLES_009.includes(t.table));

/**
 * Annex A List 7's allocations (CP plans with their Allocated Team and Worker, inputs.md §4): the fallback
 * of cp-allocated-sw when no allocations.csv is loaded, as List 8 is cic-allocated-sw's.
 *
 * PostgreSQL gets the table as 006 and 008 left the other record tables: no foreign key to `submissions`,
 * `submission_id` compared bytewise. On a hub whose record tables already carry the LA isolation policy
 * (src/hub/la-isolation.ts), the new table gets the same grant and policy, so an LA-scoped read can load it
 * before `cspi hub init` is run again. Once shipped, change these tables with a new migration.
 */
export const migration: Migration = {
  id: '009-annex-a-cp',
  sql: tables.map((t) => `${createTableSql(t)};`).join('\n\n'),
  postgresSql: `${tables
    .map(
      (t) =>
        `${createTableSql(t).replace(
          'submission_id TEXT NOT NULL REFERENCES submissions(id)',
          'submission_id TEXT COLLATE "C" NOT NULL',
        )};`,
    )
    .join('\n\n')}
DO $$
DECLARE
  t text;
  p record;
BEGIN
  SELECT roles, qual INTO p FROM pg_policies
    WHERE schemaname = current_schema() AND tablename = 'rec_annex_a_cic' AND policyname = 'la_only' AND cmd = 'SELECT';
  IF NOT FOUND THEN
    RETURN;
  END IF;
  FOREACH t IN ARRAY ARRAY[${tables.map((r) => `'${r.table}'`).join(', ')}] LOOP
    EXECUTE format('GRANT SELECT ON %I TO %s', t,
      (SELECT string_agg(quote_ident(r), ', ') FROM unnest(p.roles) AS r));
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY la_only ON %I FOR SELECT TO %s USING (%s)', t,
      (SELECT string_agg(quote_ident(r), ', ') FROM unnest(p.roles) AS r), p.qual);
  END LOOP;
END $$;
`,
};
