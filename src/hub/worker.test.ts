import { test } from 'node:test';
import assert from 'node:assert/strict';
import type PgBoss from 'pg-boss';
import { openDatabase } from '../store/open.js';
import { QUEUES, queueTiming } from './queue.js';
import { startWorker } from './worker.js';

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
