import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { day } from '../synth/day-calendar.js';
import { runSynth } from '../synth/run-synth.js';
import { testStores } from '../store/test-stores.js';
import { loadDataset } from '../store/load-dataset.js';
import { parsePeriod } from '../calendar/period.js';
import { INDICATORS } from '../indicators/registry.js';
import { enableLaIsolation, withLaScope } from './la-isolation.js';
import { importSmallLa } from './hub-fixtures.js';
import { computeAndStoreLa } from './compute-la.js';
import { currentFigures } from './indicator-results.js';
import { fanOutCompute, lasWithDatasets, waitForJobs } from './fan-out.js';
import { QUEUES, openQueue, type QueueTiming } from './queue.js';

const pg = testStores().find((s) => s.name === 'postgres')!;
const CLI = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));

test('LA isolation: a query as LA A returns nothing of LA B’s children', { skip: pg.skip }, async () => {
  const { db, cleanup } = await pg.open();
  try {
    await importSmallLa(db, '841', 3);
    await importSmallLa(db, '805', 2);
    await enableLaIsolation(db);
    await withLaScope(db, '841', async (tx) => {
      assert.equal(await loadDataset(tx, '805'), undefined, 'LA B’s dataset is invisible');
      const own = await loadDataset(tx, '841');
      assert.deepEqual(own?.children.map((c) => c.childId).sort(), ['841-C1', '841-C2', '841-C3']);
      // Whatever SQL is sent, rows of the other LA are filtered out by the database.
      const ids = await tx.all<{ child_id: string }>('SELECT child_id FROM rec_episodes');
      assert.equal(ids.length, 3);
      assert.ok(ids.every((r) => r.child_id.startsWith('841-')));
      const subs = await tx.all<{ la: string }>('SELECT DISTINCT la FROM submissions');
      assert.deepEqual(subs, [{ la: '841' }]);
    });
    // The hub's own processes see both LAs.
    assert.equal((await loadDataset(db, '805'))?.children.length, 2);
  } finally {
    await cleanup();
  }
});

test(
  'compute for an LA stores one row per indicator; recomputing replaces, never duplicates',
  { skip: pg.skip },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 4);
      const period = parsePeriod('2021-22-Q3');
      await computeAndStoreLa(db, '841', period);
      await computeAndStoreLa(db, '841', period);
      const figures = await currentFigures(db, period.id);
      assert.equal(figures.length, INDICATORS.length);
      assert.equal(new Set(figures.map((f) => f.indicatorId)).size, INDICATORS.length);
    } finally {
      await cleanup();
    }
  },
);

function startWorker(url: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [CLI, 'worker', '--db', url, '--json'], {
    env: { ...process.env, ...env, CSPI_TEST: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

test(
  'a worker killed during a job: the job is retried by another worker, results complete and not duplicated',
  { skip: pg.skip, timeout: 120_000 },
  async () => {
    const { db, url, cleanup } = await pg.open();
    await enableLaIsolation(db); // cspi hub init: workers refuse a database without it
    const timing: QueueTiming = {
      expireInSeconds: 3,
      maintenanceIntervalSeconds: 1,
      retryLimit: 3,
      pollingIntervalSeconds: 1,
    };
    const env = {
      CSPI_JOB_EXPIRE_SECONDS: '3',
      CSPI_JOB_MAINTENANCE_SECONDS: '1',
      CSPI_JOB_POLL_SECONDS: '1',
    };
    const workers: ChildProcess[] = [];
    const boss = await openQueue(url, timing);
    try {
      const las = ['841', '805', '806'];
      for (const la of las) await importSmallLa(db, la, 3);
      // Worker 1 hangs on LA 805's job: it is killed while that job is active.
      const w1 = startWorker(url, { ...env, CSPI_TEST_HANG_LA: '805' });
      workers.push(w1);
      const ids = await fanOutCompute(boss, await lasWithDatasets(db), '2021-22-Q3', timing);
      assert.equal(ids.size, 3);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const job = await boss.getJobById(QUEUES.compute, ids.get('805')!);
        if (job?.state === 'active') break;
        assert.ok(Date.now() < deadline, 'the 805 job never became active');
        await new Promise((r) => setTimeout(r, 200));
      }
      w1.kill('SIGKILL');
      const w2 = startWorker(url, env);
      workers.push(w2);
      const done = await waitForJobs(boss, QUEUES.compute, ids, () => {}, 90_000, 500);
      assert.equal(done.completed, 3, JSON.stringify(done));
      assert.equal(done.failed, 0);
      assert.ok(done.retried >= 1, 'the killed job was retried');
      const figures = await currentFigures(db, '2021-22-Q3');
      assert.equal(figures.length, 3 * INDICATORS.length, 'one row per LA and indicator');
      for (const la of las) assert.equal(figures.filter((f) => f.la === la).length, INDICATORS.length);
    } finally {
      for (const w of workers) w.kill('SIGKILL');
      await boss.stop({ graceful: false, wait: true, timeout: 2000 });
      await cleanup();
    }
  },
);

test(
  'cspi hub import --compute: each LA imported by a worker has the period computed, as a compute job would',
  { skip: pg.skip, timeout: 120_000 },
  async () => {
    const { db, url, cleanup } = await pg.open();
    await enableLaIsolation(db); // cspi hub init: workers refuse a database without it
    const dir = mkdtempSync(join(tmpdir(), 'cspi-hub-compute-'));
    const worker = startWorker(url, { CSPI_JOB_POLL_SECONDS: '1' });
    try {
      await runSynth({
        out: dir,
        las: 2,
        years: 2,
        extract: day('2022-03-31'),
        seed: '6',
        scale: 0.05,
        faults: [],
      });
      const run = spawnSync(
        process.execPath,
        [CLI, 'hub', 'import', dir, '--compute', '2021-22-Q3', '--db', url, '--json', '--timeout', '1'],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { completed: number }).completed, 2);
      const figures = await currentFigures(db, '2021-22-Q3');
      const las = [...new Set(figures.map((f) => f.la))].sort();
      assert.deepEqual(las, ['840', '841']);
      for (const la of las) assert.equal(figures.filter((f) => f.la === la).length, INDICATORS.length);
      // Computing again the usual way (loading each version) gives the same figures.
      const before = await db.all(
        'SELECT la, indicator_id, result_json FROM indicator_results ORDER BY 1, 2',
      );
      for (const la of las) await computeAndStoreLa(db, la, parsePeriod('2021-22-Q3'));
      assert.deepEqual(
        await db.all('SELECT la, indicator_id, result_json FROM indicator_results ORDER BY 1, 2'),
        before,
      );
    } finally {
      worker.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      await cleanup();
    }
  },
);
