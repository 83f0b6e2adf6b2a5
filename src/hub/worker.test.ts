import { test } from 'node:test';
import assert from 'node:assert/strict';
import type PgBoss from 'pg-boss';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '../calendar/period.js';
import { INDICATORS } from '../indicators/registry.js';
import { openDatabase } from '../store/open.js';
import { day } from '../synth/day-calendar.js';
import { runSynth } from '../synth/run-synth.js';
import { computeAndStoreLa } from './compute-la.js';
import { QUEUES, queueTiming } from './queue.js';
import { startWorker } from './worker.js';
import { cinXml, plainCinChildren } from '../ingest/test-fixtures.js';
import { testStores } from '../store/test-stores.js';
import { readAudit } from '../web/audit/audit-log.js';
import { createStoreServices } from '../web/real-services.js';

/** A stand-in for pg-boss recording what the worker asks of it (the queue itself is tested in hub.test.ts). */
function fakeBoss() {
  const handlers = new Map<string, (jobs: unknown[]) => Promise<void>>();
  const options = new Map<string, unknown>();
  const notified: string[] = [];
  const boss = {
    work: async (name: string, opts: unknown, handler: (jobs: unknown[]) => Promise<void>) => {
      handlers.set(name, handler);
      options.set(name, opts);
      return `worker-${name}`;
    },
    notifyWorker: (id: string) => notified.push(id),
  } as unknown as PgBoss;
  return { boss, handlers, options, notified };
}

test('a worker polls at CSPI_JOB_POLL_SECONDS and, after a job, fetches the next at once', async () => {
  const db = await openDatabase(':memory:', { env: {} });
  try {
    const { boss, handlers, options, notified } = fakeBoss();
    const logged: string[] = [];
    await startWorker(boss, db, (e) => logged.push(`${e.queue} ${e.la} ${e.outcome}`), {
      ...queueTiming({}),
      pollingIntervalSeconds: 7,
    });
    assert.deepEqual(options.get(QUEUES.compute), { batchSize: 1, pollingIntervalSeconds: 7 });
    assert.deepEqual(options.get(QUEUES.import), { batchSize: 1, pollingIntervalSeconds: 7 });
    assert.deepEqual(notified, [], 'no job yet: nothing to fetch again');
    await handlers.get(QUEUES.compute)!([{ id: 'j1', data: { la: '841', period: '2021-22-Q3' } }]);
    assert.deepEqual(logged, [`${QUEUES.compute} 841 no dataset`]);
    assert.deepEqual(notified, [`worker-${QUEUES.compute}`]);
    await handlers.get(QUEUES.compute)!([]);
    assert.equal(notified.length, 1, 'an empty fetch waits for the interval');
  } finally {
    await db.close();
  }
});

test('an import job with a period computes it from the dataset it imported: the figures of a compute job', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-worker-'));
  const db = await openDatabase(':memory:', { env: {} });
  try {
    await runSynth({
      out: dir,
      las: 1,
      years: 2,
      extract: day('2022-03-31'),
      seed: '5',
      scale: 0.1,
      faults: [],
    });
    const { boss, handlers } = fakeBoss();
    const logged: string[] = [];
    await startWorker(boss, db, (e) => logged.push(`${e.queue} ${e.la} ${e.outcome}`), queueTiming({}));
    const job = { la: '841', paths: [join(dir, '841')], computePeriod: '2021-22-Q3' };
    const figures = () =>
      db.all<{ indicator_id: string; dataset_id: string; result_json: string }>(
        'SELECT indicator_id, dataset_id, result_json FROM indicator_results ORDER BY indicator_id',
      );

    await handlers.get(QUEUES.import)!([{ id: 'j1', data: job }]);
    const n = INDICATORS.length;
    assert.deepEqual(logged, [`${QUEUES.import} 841 imported, ${n} indicators for 2021-22-Q3`]);
    const fromImport = await figures();
    assert.equal(fromImport.length, n);
    assert.ok(fromImport.every((r) => r.dataset_id === '841-v1'));
    assert.ok(
      fromImport.some((r) => (JSON.parse(r.result_json) as { status: string }).status === 'ok'),
      'figures were computed, not only marked unavailable',
    );

    // A compute job for the LA and period (loading the version) stores the same figures, byte for byte.
    await computeAndStoreLa(db, '841', parsePeriod('2021-22-Q3'));
    assert.deepEqual(await figures(), fromImport);

    // The same files again: nothing imported, the figures computed from the current version.
    await handlers.get(QUEUES.import)!([{ id: 'j2', data: job }]);
    assert.equal(logged[1], `${QUEUES.import} 841 unchanged, ${n} indicators for 2021-22-Q3`);
    assert.deepEqual(await figures(), fromImport);

    // A job without a period only imports.
    await handlers.get(QUEUES.import)!([{ id: 'j3', data: { la: '841', paths: job.paths } }]);
    assert.equal(logged[2], `${QUEUES.import} 841 unchanged`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// A hub import job's data-upload entry names who loaded the LA's dataset: `hub import (OS user who queued it)`,
// written in the import's transaction as `cspi import` writes its own (the dashboard's "Loaded by").
for (const store of testStores()) {
  test(
    `an import job records who queued it as the loader of the LA's version (${store.name})`,
    { skip: store.skip },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cspi-worker-'));
      const { db, cleanup } = await store.open();
      try {
        mkdirSync(join(dir, '841'));
        writeFileSync(join(dir, '841', 'cin_census.xml'), cinXml(plainCinChildren(3)));
        writeFileSync(join(dir, 'other.xml'), cinXml(plainCinChildren(1), { lea: '805' }));
        const { boss, handlers } = fakeBoss();
        await startWorker(boss, db, () => {}, queueTiming({}));
        const run = (id: string, data: object) => handlers.get(QUEUES.import)!([{ id, data }]);
        await run('j1', { la: '841', paths: [join(dir, '841')], queuedBy: 'jsmith' });
        // A job queued by an earlier cspi says nobody; its files are another LA's (refused).
        await run('j2', { la: '841', paths: [join(dir, 'other.xml')] });
        const entries = (await readAudit(db, { action: 'data-upload' })).entries.reverse();
        assert.deepEqual(
          entries.map((e) => [
            e.actor,
            e.ip,
            e.la,
            e.detail['files'],
            e.detail['refused'],
            e.detail['datasetVersion'],
          ]),
          [
            ['hub import (jsmith)', null, '841', 'cin_census.xml', false, '841-v1'],
            ['hub import (unknown)', null, '841', 'other.xml', true, null],
          ],
        );
        assert.doesNotMatch(JSON.stringify(entries), /\bC[123]\b/, 'no child id');
        assert.deepEqual(
          (await createStoreServices(db).datasets('841')).map((v) => v.createdBy),
          ['hub import (jsmith)'],
        );
      } finally {
        await cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}

// A hub operator (or the LA's own admin, who reads only its LA's entries) reading the audit log for one LA
// saw no entry for its figures being computed: `cspi hub compute` wrote one entry for the whole run, with no
// LA. Each LA's stored figures now have their own entry (`hub-compute-la`): who queued the job, the period,
// the dataset version computed from and counts only, written in the transaction that stores the figures.
for (const store of testStores()) {
  test(
    `each LA's figures computed by a hub job are audited for that LA: who queued it, the period and dataset version (${store.name})`,
    { skip: store.skip },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cspi-worker-'));
      const { db, cleanup } = await store.open();
      try {
        mkdirSync(join(dir, '841'));
        writeFileSync(join(dir, '841', 'cin_census.xml'), cinXml(plainCinChildren(3)));
        const { boss, handlers } = fakeBoss();
        await startWorker(boss, db, () => {}, queueTiming({}));
        const period = '2021-22-Q1';
        // An import job computing its period, then compute jobs: queued by a user, by an earlier cspi (no
        // user), and for an LA with no dataset (nothing computed, nothing audited).
        await handlers.get(QUEUES.import)!([
          {
            id: 'j1',
            data: { la: '841', paths: [join(dir, '841')], computePeriod: period, queuedBy: 'jsmith' },
          },
        ]);
        await handlers.get(QUEUES.compute)!([{ id: 'j2', data: { la: '841', period, queuedBy: 'asmith' } }]);
        await handlers.get(QUEUES.compute)!([{ id: 'j3', data: { la: '841', period } }]);
        await handlers.get(QUEUES.compute)!([{ id: 'j4', data: { la: '805', period, queuedBy: 'asmith' } }]);
        const withAValue = Number(
          (
            await db.get<{ n: number | string }>(
              'SELECT count(*) AS n FROM indicator_results WHERE la = ? AND value IS NOT NULL',
              ['841'],
            )
          )?.n,
        );
        assert.ok(withAValue > 0, 'figures were computed');
        const { entries } = await readAudit(db, { action: 'hub-compute-la' });
        const detail = (withImport: boolean) => ({
          period,
          datasetVersion: '841-v1',
          indicators: INDICATORS.length,
          withAValue,
          withImport,
        });
        assert.deepEqual(
          entries.reverse().map((e) => [e.actor, e.ip, e.la, e.detail]),
          [
            ['hub import (jsmith)', null, '841', detail(true)],
            ['hub compute (asmith)', null, '841', detail(false)],
            ['hub compute (unknown)', null, '841', detail(false)],
          ],
        );
        // Read for the LA, as its own admin reads the log: the entries are there.
        assert.equal((await readAudit(db, { la: '841', action: 'hub-compute-la' })).total, 3);
        // Stamped as the figures it records were (the latest computation's rows).
        const rows = await db.all<{ computed_at: string }>(
          'SELECT DISTINCT computed_at FROM indicator_results WHERE la = ?',
          ['841'],
        );
        assert.deepEqual(
          rows.map((r) => r.computed_at),
          [entries.at(-1)!.at],
        );
        assert.doesNotMatch(JSON.stringify(entries), /\bC[123]\b/, 'no child id');
      } finally {
        await cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}

test("an LA's figures are not stored without their audit entry: one transaction", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-worker-'));
  const db = await openDatabase(':memory:', { env: {} });
  try {
    mkdirSync(join(dir, '841'));
    writeFileSync(join(dir, '841', 'cin_census.xml'), cinXml(plainCinChildren(3)));
    const { boss, handlers } = fakeBoss();
    await startWorker(boss, db, () => {}, queueTiming({}));
    await handlers.get(QUEUES.import)!([{ id: 'j1', data: { la: '841', paths: [join(dir, '841')] } }]);
    // The audit log refuses this entry (as a full disk or a lost connection would, mid-transaction).
    await db.run(
      `CREATE TRIGGER refuse_compute_entry BEFORE INSERT ON audit_log WHEN NEW.action = 'hub-compute-la'
       BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    await assert.rejects(
      handlers.get(QUEUES.compute)!([
        { id: 'j2', data: { la: '841', period: '2021-22-Q3', queuedBy: 'jsmith' } },
      ]),
    );
    assert.deepEqual(await db.all('SELECT la FROM indicator_results'), [], 'no figures without their entry');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
