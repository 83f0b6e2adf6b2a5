import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDatasetVersion } from '../store/dataset-versions.js';
import { testStores } from '../store/test-stores.js';
import { computePriority, fanOutCompute, lasComputed, lasWithDatasets } from './fan-out.js';
import { computeAndStoreLa } from './compute-la.js';
import { parsePeriod } from '../calendar/period.js';
import { INDICATORS } from '../indicators/registry.js';
import { importSmallLa } from './hub-fixtures.js';
import { QUEUES, openQueue, queueTiming } from './queue.js';

const stores = testStores();
const pg = stores.find((s) => s.name === 'postgres')!;

for (const store of stores) {
  test(
    `${store.name}: LAs with datasets, in code order, with their current version's records`,
    {
      skip: store.skip,
    },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        await importSmallLa(db, '841', 3);
        await importSmallLa(db, '805', 7);
        await importSmallLa(db, '841', 5); // a new current version for 841
        const las = await lasWithDatasets(db);
        assert.deepEqual(
          las.map((l) => l.la),
          ['805', '841'],
        );
        for (const { la, records } of las) {
          const tables = (await getDatasetVersion(db, la))!.rowCounts.tables as Record<string, number>;
          assert.equal(
            records,
            Object.values(tables).reduce((a, b) => a + b, 0),
          );
        }
        // 5 children, 5 episodes and 5 referrals at least; 805's 7 each make it the larger.
        assert.ok(las[1]!.records >= 15);
        assert.ok(las[0]!.records > las[1]!.records);
      } finally {
        await cleanup();
      }
    },
  );
}

test('compute priority is the records in thousands, within what the queue can hold', () => {
  assert.equal(computePriority(0), 0);
  assert.equal(computePriority(999), 0);
  assert.equal(computePriority(1_234_567), 1234);
  assert.equal(computePriority(1e13), 2 ** 31 - 1);
});

test(
  'workers take the largest LA computation first, whatever order the jobs were queued in',
  {
    skip: pg.skip,
  },
  async () => {
    const { url, cleanup } = await pg.open();
    const boss = await openQueue(url, queueTiming({}));
    try {
      const las = [
        { la: '201', records: 4_000 },
        { la: '805', records: 900_000 },
        { la: '841', records: 60_000 },
      ];
      await fanOutCompute(boss, las, '2021-22-Q3', queueTiming({}));
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        const [job] = await boss.fetch<{ la: string }>(QUEUES.compute);
        order.push(job!.data.la);
      }
      assert.deepEqual(order, ['805', '841', '201']);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 });
      await cleanup();
    }
  },
);

for (const store of stores) {
  test(
    `${store.name}: a rerun of hub compute skips the LAs already computed for the period on their current dataset`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const q3 = parsePeriod('2021-22-Q3');
        for (const la of ['841', '805', '806']) await importSmallLa(db, la, 3);
        await computeAndStoreLa(db, '841', q3);
        await computeAndStoreLa(db, '805', q3);
        assert.deepEqual([...(await lasComputed(db, q3.id, INDICATORS.length))].sort(), ['805', '841']);
        assert.deepEqual([...(await lasComputed(db, '2021-22-Q2', INDICATORS.length))], [], 'another period');
        // 805 imports a new version: its figures are from an earlier one, so it is computed again.
        await importSmallLa(db, '805', 4);
        assert.deepEqual([...(await lasComputed(db, q3.id, INDICATORS.length))], ['841']);
        // A catalogue with more indicators than were stored (an upgrade) recomputes every LA.
        assert.deepEqual([...(await lasComputed(db, q3.id, INDICATORS.length + 1))], []);
      } finally {
        await cleanup();
      }
    },
  );
}
