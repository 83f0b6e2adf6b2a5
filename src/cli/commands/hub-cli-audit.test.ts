// The hub's command-line changes are in the audit log, each naming the OS user who ran the command, as the
// other cspi commands' entries do (`command line (jsmith)`): cspi hub init, compute and settings; cspi hub
// import hands the OS user to its jobs, whose workers record it as the loader of each LA's version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { enableLaIsolation } from '../../hub/la-isolation.js';
import { type ComputeJob, type ImportJob, QUEUES, openQueue, queueTiming } from '../../hub/queue.js';
import { cinXml, plainCinChildren } from '../../ingest/test-fixtures.js';
import { testStores } from '../../store/test-stores.js';
import { readAudit } from '../../web/audit/audit-log.js';

const CLI = fileURLToPath(new URL('../../../bin/cspi.js', import.meta.url));
const pg = testStores().find((s) => s.name === 'postgres')!;
const OS_USER = userInfo().username;
const CLI_ACTOR = `command line (${OS_USER})`;

/** A fresh hub database (one per test), `cspi hub …` run on it, and its audit entries of one action. */
async function hub(init: boolean) {
  const store = await pg.open();
  if (init) await enableLaIsolation(store.db);
  const cspi = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'hub', ...args, '--db', store.url], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
  };
  const entries = async (action: string) =>
    (await readAudit(store.db, { action })).entries.map((e) => [e.actor, e.ip, e.la, e.detail]);
  return { ...store, cspi, entries };
}

test('cspi hub init is audited, naming the OS user', { skip: pg.skip }, async () => {
  const { cspi, entries, cleanup } = await hub(false);
  try {
    cspi('init');
    assert.deepEqual(await entries('hub-init'), [[CLI_ACTOR, null, null, { laIsolation: true }]]);
  } finally {
    await cleanup();
  }
});

// Each job carries who queued it; the worker's entry names them (worker.test.ts).
test(
  'cspi hub import hands the OS user to its jobs, and --compute is audited',
  { skip: pg.skip },
  async () => {
    const { url, cspi, entries, cleanup } = await hub(true);
    const root = mkdtempSync(join(tmpdir(), 'cspi-hub-audit-'));
    try {
      mkdirSync(join(root, '841'));
      writeFileSync(join(root, '841', 'cin_census.xml'), cinXml(plainCinChildren(2)));
      cspi('import', root, '--no-wait');
      // Without --compute no computation was asked for: no hub-compute entry.
      assert.deepEqual(await entries('hub-compute'), []);
      cspi('import', root, '--compute', '2021-22-Q3', '--no-wait');
      // With it, the computation asked for is recorded as cspi hub compute records its own.
      assert.deepEqual(await entries('hub-compute'), [
        [
          CLI_ACTOR,
          null,
          null,
          { period: '2021-22-Q3', queued: 1, skipped: 0, force: false, withImport: true },
        ],
      ]);
      const boss = await openQueue(url, queueTiming({}));
      try {
        const [job] = await boss.fetch<ImportJob>(QUEUES.import);
        assert.deepEqual([job!.data.la, job!.data.queuedBy], ['841', OS_USER]);
      } finally {
        await boss.stop({ graceful: false, wait: true, timeout: 5000 });
      }
    } finally {
      await cleanup();
      rmSync(root, { recursive: true, force: true });
    }
  },
);

// The run is audited when its jobs are queued; each LA's figures are audited by its job when stored
// (`hub-compute-la`, worker.test.ts), naming who queued it: the jobs carry the OS user (they did not).
test(
  'cspi hub compute is audited, naming the OS user, and hands the OS user to its jobs',
  { skip: pg.skip },
  async () => {
    const { db, url, cspi, entries, cleanup } = await hub(true);
    try {
      await importSmallLa(db, '841', 4);
      cspi('compute', '--period', '2021-22-Q3', '--no-wait');
      assert.deepEqual(await entries('hub-compute'), [
        [CLI_ACTOR, null, null, { period: '2021-22-Q3', queued: 1, skipped: 0, force: false }],
      ]);
      const boss = await openQueue(url, queueTiming({}));
      try {
        const [job] = await boss.fetch<ComputeJob>(QUEUES.compute);
        assert.deepEqual(
          [job!.data.la, job!.data.period, job!.data.queuedBy],
          ['841', '2021-22-Q3', OS_USER],
        );
      } finally {
        await boss.stop({ graceful: false, wait: true, timeout: 5000 });
      }
    } finally {
      await cleanup();
    }
  },
);

// The actor was the bare OS user, or whatever --by said (then the OS user was in no entry).
test('cspi hub settings audits the OS user as the actor, whatever --by says', { skip: pg.skip }, async () => {
  const { db, cspi, entries, cleanup } = await hub(false);
  try {
    cspi('settings', '--min-other-las', '4');
    cspi('settings', '--min-other-las', '5', '--by', 'hub-admin');
    assert.deepEqual(await entries('hub-setting-change'), [
      [CLI_ACTOR, null, null, { setting: 'sharing.minOtherLas', old: 4, new: 5, by: 'hub-admin' }],
      [CLI_ACTOR, null, null, { setting: 'sharing.minOtherLas', old: 3, new: 4, by: OS_USER }],
    ]);
    assert.deepEqual(await db.all('SELECT set_by FROM hub_settings'), [{ set_by: 'hub-admin' }]);
  } finally {
    await cleanup();
  }
});
