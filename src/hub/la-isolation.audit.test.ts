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
import { randomBytes } from 'node:crypto';
import pgClient from 'pg';
import {
  enableLaIsolation,
  laPassword,
  laReaderRole,
  readerRoleSql,
  scramVerifier,
  withLaScope,
} from './la-isolation.js';

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

// The scope was a `SET LOCAL ROLE` of the hub owner's connection, whose user may take on every LA's reader role:
// `RESET ROLE` (back to the owner, who sees every LA) or `SET ROLE` to another LA's reader in fn read another
// LA. Each LA now has a login role, and the scope runs on a connection that logged in as it: RESET ROLE returns
// to the LA's own role, which is a member of no other LA's role (nor of the owner's).
test(
  'SQL run in an LA scope cannot leave it by changing role (RESET ROLE, SET ROLE to another LA)',
  { skip: pg.skip },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 1);
      await importSmallLa(db, '805', 1);
      await enableLaIsolation(db);
      const owner = (await db.get<{ u: string }>('SELECT current_user::text AS u'))!.u;
      await withLaScope(db, '805', async () => undefined); // LA 805's role exists and logs in
      const read = (escape: string) =>
        withLaScope(db, '841', async (tx) => {
          await tx.exec(escape);
          const who = await tx.get<{ u: string }>('SELECT current_user::text AS u');
          const las = await tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions ORDER BY la');
          return `${who!.u} sees ${las.map((r) => r.la).join(',') || 'nothing'}`;
        }).catch((e: unknown) => `refused: ${String(e)}`);
      const seen = {
        reset: await read('RESET ROLE'),
        sessionReset: await read('SET SESSION AUTHORIZATION DEFAULT'),
        other: await read('SET LOCAL ROLE cspi_la_reader_805'),
        owner: await read(`SET LOCAL ROLE "${owner}"`),
        shared: await read('SET LOCAL ROLE cspi_la_reader'),
      };
      assert.equal(seen.reset, 'cspi_la_reader_841 sees 841', 'RESET ROLE returns to the LA’s own role');
      assert.equal(seen.sessionReset, 'cspi_la_reader_841 sees 841', 'the session is the LA’s own');
      assert.match(seen.other, /^refused: .*permission denied to set role "cspi_la_reader_805"/);
      assert.match(seen.owner, new RegExp(`^refused: .*permission denied to set role "${owner}"`));
      assert.equal(seen.shared, 'cspi_la_reader sees nothing', 'the shared role sees no LA');
      // A role set for the whole session in one scope does not carry to the next scope on that connection.
      await withLaScope(db, '841', (tx) => tx.exec('SET SESSION ROLE cspi_la_reader'));
      for (let i = 0; i < 3; i++)
        assert.deepEqual(
          await withLaScope(db, '841', (tx) => tx.all('SELECT DISTINCT la FROM submissions')),
          [{ la: '841' }],
        );
    } finally {
      await cleanup();
    }
  },
);

// Least privilege: an LA's login role is a member of the shared reader role only (its SELECT grants and
// policies), and of no other LA's role nor of the owner's; no other role is made a member of it by the
// set-up. The server keeps the SCRAM verifier of the password the hub derives (the one withLaScope sends). Set-up again, and a hub set up before the LA roles logged in, end
// the same way; the LA's pool holds at most 2 connections and is closed with the store.
test(
  "each LA logs in as a role of its own, a member of the shared reader role only, with the hub's password",
  { skip: pg.skip },
  async () => {
    const { db, url, cleanup } = await pg.open();
    const admin = new pgClient.Client({ connectionString: process.env['CSPI_TEST_PG_URL'] });
    await admin.connect();
    // An LA code no other test uses: its role is this test's alone (roles belong to the server).
    const code = `T${randomBytes(4).toString('hex')}`;
    const role = laReaderRole(code);
    let closed = false;
    try {
      // A hub set up before the LA roles logged in: the role exists, NOLOGIN, a member of the shared role.
      await admin.query(readerRoleSql());
      await admin.query(`CREATE ROLE "${role}" NOLOGIN; GRANT cspi_la_reader TO "${role}"`);
      await db.run("INSERT INTO las (code, name, created_at) VALUES (?, 'Test LA', '2022-01-01')", [code]);
      await enableLaIsolation(db);
      await enableLaIsolation(db); // cspi hub init twice
      const r = await admin.query<{ login: boolean; member_of: string[]; members: string[] }>(
        `SELECT r.rolcanlogin AS login,
                ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                       WHERE m.member = r.oid ORDER BY 1) AS member_of,
                ARRAY(SELECT u.rolname::text FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member
                       WHERE m.roleid = r.oid ORDER BY 1) AS members
           FROM pg_roles r WHERE r.rolname = $1`,
        [role],
      );
      assert.deepEqual(r.rows, [{ login: true, member_of: ['cspi_la_reader'], members: [] }]);
      const shared = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
          WHERE r.rolname = 'cspi_la_reader'`,
      );
      assert.equal(shared.rows[0]!.n, 0, 'the shared reader role is a member of nothing');
      const attrs = await admin.query(
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1`,
        [role],
      );
      assert.deepEqual(Object.values(attrs.rows[0] as object), [false, false, false, false, false]);

      // The server keeps the SCRAM verifier of the password the hub derives from its key.
      const key = Buffer.from(
        (await db.get<{ value: string }>("SELECT value FROM web_secrets WHERE name = 'la-login-key'"))!.value,
        'base64',
      );
      const stored = (
        await admin.query<{ p: string }>('SELECT rolpassword AS p FROM pg_authid WHERE rolname = $1', [role])
      ).rows[0]!.p;
      const [, head] = stored.split('$');
      const [iterations, salt] = head!.split(':');
      assert.equal(
        stored,
        scramVerifier(laPassword(key, role), Buffer.from(salt!, 'base64'), Number(iterations)),
      );
      // The scope reads as that role: the LA's own rows.
      assert.deepEqual(
        await withLaScope(db, code, (tx) => tx.all('SELECT current_user::text AS u, code FROM las')),
        [{ u: role, code }],
      );

      // At most 2 connections per LA, however many reads at once; none once the store is closed.
      const database = new URL(url).pathname.slice(1);
      const connections = async () =>
        (
          await admin.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND usename = 'cspi_la_reader_841'`,
            [database],
          )
        ).rows[0]!.n;
      let most = 0;
      await Promise.all(
        Array.from({ length: 6 }, () =>
          withLaScope(db, '841', async (tx) => {
            await tx.get('SELECT pg_sleep(0.05)');
            most = Math.max(most, await connections());
          }),
        ),
      );
      assert.ok(most >= 1 && most <= 2, `LA 841 held ${most} connections at once`);
      await db.close();
      closed = true;
      for (let i = 0; i < 50 && (await connections()) > 0; i++) await new Promise((w) => setTimeout(w, 20));
      assert.equal(await connections(), 0, "LA 841's pool is closed with the store");
    } finally {
      if (!closed) await db.close().catch(() => undefined);
      await cleanup().catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS "${role}"`);
      await admin.end();
    }
  },
);
