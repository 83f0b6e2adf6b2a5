/**
 * Audit of LA isolation on a hub (issue 7: a user of one LA can never read another LA's child-level data):
 * every table of the hub database, read as the LA reader of one LA, shows no row of another LA.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../calendar/period.js';
import { testStores } from '../store/test-stores.js';
import { computeAndStoreLa } from './compute-la.js';
import { importSmallLa } from './hub-fixtures.js';
import { enableLaIsolation, withLaScope } from './la-isolation.js';

const pg = testStores().find((s) => s.name === 'postgres')!;

test(
  'every table of a hub, read as LA 841, is closed or holds no row of LA 805 (records, issues, snapshots, results)',
  { skip: pg.skip },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 3);
      await importSmallLa(db, '805', 2);
      const period = parsePeriod('2021-22-Q3');
      await computeAndStoreLa(db, '841', period);
      await computeAndStoreLa(db, '805', period);
      await enableLaIsolation(db);
      const tables = await db.all<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'
          ORDER BY 1, 2`,
      );
      assert.ok(tables.length > 20, `the hub has its tables (${tables.length})`);
      const open: string[] = [];
      const leaks: string[] = [];
      for (const { schema, name } of tables) {
        const rows = await withLaScope(db, '841', (tx) =>
          tx.all<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${name}" t`),
        ).catch((e: unknown) => {
          assert.match(String(e), /permission denied/, `${schema}.${name}`);
          return null;
        });
        if (rows === null) continue;
        open.push(name);
        for (const r of rows) if (/805/.test(r.row)) leaks.push(`${schema}.${name}: ${r.row.slice(0, 120)}`);
      }
      assert.deepEqual(leaks, []);
      // The tables LA 841 reads its own data from are open to it, and hold its rows.
      for (const t of ['submissions', 'dataset_versions', 'rec_episodes', 'indicator_results'])
        assert.ok(open.includes(t), `${t} is readable in scope`);
      const own = await withLaScope(db, '841', (tx) =>
        tx.all<{ la: string }>('SELECT DISTINCT la FROM indicator_results'),
      );
      assert.deepEqual(own, [{ la: '841' }]);
    } finally {
      await cleanup();
    }
  },
);

// The scope was a setting (`cspi.la`) read by the policies, and a `SET LOCAL ROLE` of the owner's session: SQL
// sent in it could undo either. Each LA now has its own reader role and the policies read the role, so
// changing the setting changes nothing; this runs with and without the setting changed.
test(
  'SQL run in an LA scope cannot leave it by changing a setting (set_config of cspi.la)',
  { skip: pg.skip },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 1);
      await importSmallLa(db, '805', 1);
      await enableLaIsolation(db);
      const seen = await withLaScope(db, '841', async (tx) => {
        const before = await tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions');
        await tx.get("SELECT set_config('cspi.la', '805', true) AS la");
        const after = await tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions');
        const las = await tx.all<{ code: string }>('SELECT code FROM las');
        return { before, after, las };
      });
      assert.deepEqual(seen.before, [{ la: '841' }], 'the scope sees its own LA');
      assert.deepEqual(seen.after, [{ la: '841' }], "LA 805's rows after set_config('cspi.la', '805')");
      assert.deepEqual(seen.las, [{ code: '841' }]);
      // Another LA's scope on the same connection pool sees that LA only.
      const other = await withLaScope(db, '805', (tx) =>
        tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions'),
      );
      assert.deepEqual(other, [{ la: '805' }]);
      // Set-up run again (cspi hub init twice) keeps the isolation.
      await enableLaIsolation(db);
      const again = await withLaScope(db, '841', (tx) =>
        tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions'),
      );
      assert.deepEqual(again, [{ la: '841' }]);
    } finally {
      await cleanup();
    }
  },
);

// The role half stays open: the scope is a `SET LOCAL ROLE` of a connection whose user (the hub owner) may take
// on every LA's reader role, so `RESET ROLE` (back to the owner, who sees every LA) or `SET ROLE` to another
// LA's reader in fn reads another LA. It guards against a query that forgets its LA filter, not against
// hostile SQL; the dashboard limits a user to their LA in its routes (src/web/routes/scope.ts). A database
// boundary needs a login role per LA, with the dashboard connecting as the LA's role for its reads.
test(
  'SQL run in an LA scope cannot leave it by changing role (RESET ROLE, SET ROLE to another LA)',
  {
    skip: pg.skip,
    todo: "LA scope is a SET LOCAL ROLE of the owner's connection: RESET ROLE or SET ROLE cspi_la_reader_805 in fn reads another LA (needs a login role per LA)",
  },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 1);
      await importSmallLa(db, '805', 1);
      await enableLaIsolation(db);
      await withLaScope(db, '805', async () => undefined); // LA 805's reader role exists
      const read = (escape: string) =>
        withLaScope(db, '841', async (tx) => {
          await tx.exec(escape);
          return (await tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions')).map((r) => r.la);
        }).catch((): string[] => []);
      const leaks: string[] = [];
      for (const escape of ['RESET ROLE', 'SET LOCAL ROLE cspi_la_reader_805'])
        if ((await read(escape)).includes('805')) leaks.push(escape);
      assert.deepEqual(leaks, [], "LA 805's rows read from LA 841's scope");
    } finally {
      await cleanup();
    }
  },
);
