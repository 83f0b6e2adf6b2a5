import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryDatabase } from './testing/sqlite-memory.js';
import { createStoreServices, latestQuarter } from './real-services.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { parsePeriod } from '../calendar/period.js';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { computeReport } from '../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS } from '../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import { loadDatasetVersion } from '../store/load-dataset.js';
import { storedTargets } from '../store/targets.js';
import { signIn, testApp } from './testing/harness.js';
import { testStores } from '../store/test-stores.js';
import {
  enableLaIsolation,
  LaIsolationUnavailable,
  laIsolationEnabled,
  withLaScope,
} from '../hub/la-isolation.js';
import { openPostgres } from '../store/postgres.js';
import type { Database } from '../store/database.js';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pgClient from 'pg';

test('the latest quarter is the last one the extract covers whole', () => {
  assert.equal(latestQuarter('2021-12-31' as IsoDate).id, '2021-22-Q3');
  assert.equal(latestQuarter('2022-01-14' as IsoDate).id, '2021-22-Q3');
  assert.equal(latestQuarter('2022-03-31' as IsoDate).id, '2021-22-Q4');
});

test('an empty store has no LAs or periods; an unreadable upload is refused through the import path', async () => {
  const db = await memoryDatabase();
  const s = createStoreServices(db);
  assert.deepEqual(await s.las(), []);
  assert.deepEqual(await s.periods('841'), []);
  assert.equal(await s.scorecard('841', '2021-22-Q3', null), null);
  const out = await s.importFiles(
    '841',
    [{ name: 'notes.csv', bytes: new TextEncoder().encode('hello,world\n1,2\n') }],
    'jo',
  );
  assert.equal(out.refused, true);
  assert.equal(out.datasetId, null);
  assert.ok(out.issues.some((i) => i.severity === 'structural' && i.code.startsWith('S-')));
  assert.equal((await db.all('SELECT * FROM dataset_versions')).length, 0, 'nothing loaded');
});

test('an upload of a file already loaded unchanged says whether its stored copy holds the row in error, as cspi import does', async () => {
  const db = await memoryDatabase();
  const s = createStoreServices(db);
  const contacts = [
    'contact_id,child_id,received_at,decided_at,outcome,source',
    'K1,C1,1922-06-01T09:00,2021-06-02T09:00,referral,1A',
    'K2,C2,2021-06-02T09:00,2021-06-03T09:00,referral,1A',
    'K3,C3,2021-06-03T09:00,2021-06-04T09:00,referral,1A',
    '',
  ].join('\n');
  const upload = () =>
    s.importFiles('841', [{ name: 'contacts.csv', bytes: new TextEncoder().encode(contacts) }], 'jo');
  const first = await upload();
  assert.match(first.issues.find((i) => i.code === 'GEN-PAST')!.message, /; this row was not loaded\.$/);
  // Uploaded again unchanged, the file is skipped: "this row was not loaded" was said of a row never loaded now.
  const again = await upload();
  assert.equal(again.refused, false);
  assert.match(
    again.issues.find((i) => i.code === 'GEN-PAST')!.message,
    /; this row is not stored: the file is identical to the copy already loaded \(so it was skipped\), which left it out too\.$/,
  );
  // The data page labels such an error by the file skipped, not as a row this upload left out.
  assert.deepEqual(again.skippedFiles, ['contacts.csv']);
  assert.deepEqual(first.skippedFiles, []);
});

test('the dashboard rates with the targets set on it, through the engine (as a targets file would)', async () => {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 40);
  const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
  const { app } = await testApp(services, db);
  const admin = await signIn(app, 'admin');
  const before = (await (await admin.get('/api/scorecard?period=2021-22-Q3')).json()) as {
    indicators: { id: string; value: number | null; target: number | null; rag: string | null }[];
  };
  const cic = before.indicators.find((r) => r.id === 'cic-count')!;
  assert.ok(cic.value !== null && cic.value > 0);
  const r = await admin.post('/targets/referrals-rereferral-12m?la=841', {
    year: '2021-22',
    target: '1',
    tolerance: '',
    toleranceUnit: 'percent-of-target',
    kind: 'local',
    scheme: 'target-tolerance',
    rationale: 'Test: a target nobody meets',
  });
  assert.equal(r.status, 303);
  const targets = await storedTargets(db, '841', '2021-22');
  const data = (await loadDatasetVersion(db, '841'))!;
  const engine = computeReport(
    {
      input: buildIndicatorInput(data.dataset),
      period: parsePeriod('2021-22-Q3'),
      settings: DEFAULT_SETTINGS,
      targets,
      dataset: { id: data.version.id, hash: data.version.contentHash, asAt: data.version.extractDate },
    },
    INDICATORS,
  );
  const after = (await (await admin.get('/api/scorecard?period=2021-22-Q3')).json()) as typeof before;
  const rr = after.indicators.find((x) => x.id === 'referrals-rereferral-12m')!;
  assert.equal(rr.target, 1);
  const expected = engine.indicators.find((x) => x.id === 'referrals-rereferral-12m')!;
  assert.equal(rr.rag, expected.rag);
  assert.deepEqual(
    after.indicators.map((x) => [x.id, x.value, x.target, x.rag]),
    engine.indicators.map((x) => [x.id, x.value, x.target, x.rag]),
  );
});

test('the dashboard holds at most heldLas datasets in memory, letting go of the least recently used', async () => {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 20);
  await importSmallLa(db, '805', 20);
  let reads = 0;
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'all' || prop === 'get') reads++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const readsFor = async (s: ReturnType<typeof createStoreServices>, la: string) => {
    const before = reads;
    assert.ok(await s.members(la, '2021-22-Q3', 'cic-count'));
    return reads - before;
  };
  for (const [heldLas, reloads] of [
    [1, true],
    [2, false],
  ] as const) {
    const s = createStoreServices(counted, { heldLas, freshMs: 60_000 });
    assert.ok((await readsFor(s, '841')) > 0, 'first view loads the dataset');
    assert.ok((await readsFor(s, '805')) > 0);
    const again = await readsFor(s, '841');
    assert.equal(again > 0, reloads, `heldLas ${heldLas}: 841 ${reloads ? 'reloaded' : 'still held'}`);
  }
  await db.close();
});

test("a child-level list carries the indicator's title under the LA's settings (CP visits every 15 working days)", async () => {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 20);
  const every15 = { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } };
  const list = await createStoreServices(db, { settings: every15 }).members(
    '841',
    '2021-22-Q3',
    'cp-visits-10wd',
  );
  assert.equal(list?.title, 'Statutory CP visits within 15 working days');
  const plain = await createStoreServices(db).members('841', '2021-22-Q3', 'cp-visits-10wd');
  assert.equal(plain?.title, 'Statutory CP visits within 10 working days');
});

const pg = testStores().find((s) => s.name === 'postgres')!;

test(
  'on a hub, the dashboard reads child-level data in the LA’s row-level-security scope: a snapshot or validation report pointing at another LA’s rows shows none of them',
  { skip: pg.skip },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 3);
      await importSmallLa(db, '805', 5);
      assert.equal(await laIsolationEnabled(db), false, 'not before cspi hub init');
      await enableLaIsolation(db);
      assert.equal(await laIsolationEnabled(db), true);
      assert.equal(await laIsolationEnabled(await memoryDatabase()), false, 'never on SQLite');
      const id = async (la: string) =>
        (await db.get<{ id: string; import_id: string }>(
          'SELECT id, import_id FROM dataset_versions WHERE la = ? ORDER BY seq DESC LIMIT 1',
          [la],
        ))!;
      const [own, other] = [await id('841'), await id('805')];
      // A bug of the kind row-level security is there for: LA 841's version id on LA 805's snapshot, and its
      // validation report on LA 805's import.
      await db.exec(`DELETE FROM dataset_snapshot_parts WHERE la = '841'`);
      await db.exec(`DELETE FROM dataset_snapshots WHERE la = '841'`);
      await db.run('UPDATE dataset_snapshots SET dataset_id = ? WHERE la = ?', [own.id, '805']);
      await db.run('UPDATE dataset_snapshot_parts SET dataset_id = ? WHERE la = ?', [own.id, '805']);
      await db.run(
        `INSERT INTO validation_issues (import_id, seq, code, severity, file, table_name, position, child_id, field, value, dfe_rule, message)
       VALUES (?, 1, 'GEN-DATE', 'error', 'episodes.csv', 'episodes', 'line 2', '805-C1', 'DECOM', 'x', NULL, 'not a date')`,
        [other.import_id],
      );
      await db.run('UPDATE dataset_versions SET import_id = ? WHERE id = ?', [other.import_id, own.id]);

      const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
      const list = await services.members('841', '2021-22-Q3', 'cic-count');
      assert.deepEqual(
        list?.members.map((m) => m.childId).sort(),
        ['841-C1', '841-C2', '841-C3'],
        'assembled from 841’s own records',
      );
      assert.deepEqual(await services.validationIssues('841', own.id), []);
    } finally {
      await cleanup();
    }
  },
);

// Fail closed (issue 7): `cspi hub init` run by a superuser, the dashboard connecting as the database's
// non-superuser owner, who bypasses row-level security on its own tables (an unscoped read sees every LA). The
// owner needs no right on the LA roles: it logs in as the LA's own role, with the password derived from the
// hub's key. Where that cannot be done (an LA loaded since whose role the owner may not create, or a role
// that may not log in) the dashboard refuses, naming the roles and the fix; it never reads unscoped.
test(
  "on a hub whose dashboard user may not create an LA's login role, the dashboard refuses to read rather than read unscoped",
  { skip: pg.skip },
  async () => {
    const { db, url, cleanup } = await pg.open();
    const owner = `cspi_test_owner_${randomBytes(4).toString('hex')}`;
    // An LA code no other test uses: its role is this test's alone (roles belong to the server).
    const late = `T${randomBytes(4).toString('hex')}`;
    let asOwner: Database | null = null;
    try {
      await importSmallLa(db, '841', 3);
      await importSmallLa(db, '805', 5);
      await enableLaIsolation(db);
      const version = async (la: string) =>
        (await db.get<{ id: string }>(
          'SELECT id FROM dataset_versions WHERE la = ? ORDER BY seq DESC LIMIT 1',
          [la],
        ))!.id;
      // The kind of bug row-level security is there for: LA 841's version id on LA 805's snapshot.
      const own = await version('841');
      await db.exec(`DELETE FROM dataset_snapshot_parts WHERE la = '841'`);
      await db.exec(`DELETE FROM dataset_snapshots WHERE la = '841'`);
      await db.run('UPDATE dataset_snapshots SET dataset_id = ? WHERE la = ?', [own, '805']);
      await db.run('UPDATE dataset_snapshot_parts SET dataset_id = ? WHERE la = ?', [own, '805']);
      // A non-superuser login role that owns the database and its tables, without the LA reader roles.
      await db.exec(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEROLE`);
      const database = new URL(url).pathname.slice(1);
      await db.exec(`ALTER DATABASE ${database} OWNER TO ${owner}; ALTER SCHEMA public OWNER TO ${owner};`);
      const owned = await db.all<{ kind: string; name: string }>(
        `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END AS kind, c.relname AS name
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v')`,
      );
      for (const o of owned) await db.exec(`ALTER ${o.kind} "${o.name}" OWNER TO ${owner}`);
      const u = new URL(url);
      u.username = owner;
      asOwner = openPostgres(u.toString(), { max: 2 });
      const unscoped = await asOwner.all<{ la: string }>('SELECT DISTINCT la FROM dataset_snapshots');
      assert.deepEqual(
        unscoped,
        [{ la: '805' }],
        'the owner bypasses row-level security: a read unscoped sees 805',
      );

      const services = createStoreServices(asOwner, { now: () => new Date('2022-01-14T10:00:00Z') });
      // The dashboard reads LA 841 as LA 841's login role: its own children only, with no grant to the owner.
      assert.equal(await laIsolationEnabled(asOwner), true);
      const list = await services.members('841', '2021-22-Q3', 'cic-count');
      assert.deepEqual(
        list?.members.map((m) => m.childId).sort(),
        ['841-C1', '841-C2', '841-C3'],
        'assembled from 841’s own records',
      );
      assert.deepEqual(
        await withLaScope(asOwner, '805', (tx) => tx.all('SELECT DISTINCT la FROM submissions')),
        [{ la: '805' }],
      );

      // An LA loaded after cspi hub init, whose login role the owner may not create: refused, at its read and at
      // the dashboard's start (exit 2), naming the role and the fix.
      await db.run("INSERT INTO las (code, name, created_at) VALUES (?, 'Late LA', '2022-01-01')", [late]);
      const lateRole = `cspi_la_reader_${late}`;
      const refusal = (e: unknown) => {
        assert.ok(e instanceof LaIsolationUnavailable);
        assert.deepEqual(e.roles, [lateRole]);
        assert.match(
          e.message,
          new RegExp(`its user "${owner}" may not create the LA login role ${lateRole}`),
        );
        assert.match(e.message, /run cspi hub init --db <hub url> again as a user who may create roles/);
        return true;
      };
      await assert.rejects(laIsolationEnabled(asOwner), refusal);
      await assert.rejects(
        withLaScope(asOwner, late, async () => 'read'),
        refusal,
      );
      const serve = spawnSync(
        process.execPath,
        ['bin/cspi.js', 'serve', '--port', '0', '--db', u.toString()],
        { encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(serve.status, 2, serve.stderr);
      assert.match(serve.stderr, new RegExp(`may not create the LA login role ${lateRole}`));
      assert.doesNotMatch(serve.stdout, /cspi dashboard on/);

      // cspi hub init again (by the superuser) makes it; then a role that may no longer log in is refused at
      // the login, and the owner, who may not let it log in again, says so rather than read unscoped.
      await enableLaIsolation(db);
      assert.equal(await withLaScope(asOwner, late, async () => 'read'), 'read');
      await db.exec(`ALTER ROLE "${lateRole}" NOLOGIN`);
      // Its pooled connection ended too (NOLOGIN stops new logins only), and the pool told of it.
      await db.run('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?', [lateRole]);
      const held = async () =>
        (await db.get<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = ?', [
          lateRole,
        ]))!.n;
      for (let i = 0; i < 50 && (await held()) > 0; i++) await new Promise((w) => setTimeout(w, 20));
      await new Promise((w) => setTimeout(w, 200));
      await assert.rejects(
        withLaScope(asOwner, late, async () => 'read'),
        (e: unknown) => {
          assert.ok(e instanceof LaIsolationUnavailable);
          assert.match(
            e.message,
            new RegExp(
              `cspi cannot log in to it as the LA login role ${lateRole} \\(role "${lateRole}" is not permitted to log in\\)`,
            ),
          );
          assert.match(e.message, /pg_hba\.conf/);
          return true;
        },
      );
    } finally {
      await asOwner?.close();
      await cleanup();
      const admin = new pgClient.Client({ connectionString: process.env['CSPI_TEST_PG_URL'] });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${owner}`);
      await admin.query(`DROP ROLE IF EXISTS "cspi_la_reader_${late}"`);
      await admin.end();
    }
  },
);
