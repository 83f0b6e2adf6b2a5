import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticLa } from '../../../bench/store.js';
import { importDataset } from '../import-dataset.js';
import { getDatasetVersion } from '../dataset-versions.js';
import { versionSubmissions } from '../stored-submissions.js';
import { testStores } from '../test-stores.js';
import { ingestResult } from '../test-records.js';
import { readRecords } from './record-io.js';
import { readVersionRecords } from './read-version.js';

for (const store of testStores()) {
  test(
    `one query per table reads what a read per submission reads, on ${store.name}`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        // Five yearly 903 and CIN submissions and a local one: dates, flags, numbers, JSON lists, nulls.
        const r = await importDataset(db, ingestResult('841', syntheticLa('841', 7, { cla: 30, cin: 150 })), {
          la: '841',
        });
        assert.equal(r.kind, 'imported');
        await importDataset(db, ingestResult('842', syntheticLa('842', 8, { cla: 10, cin: 40 })), {
          la: '842',
        });
        const version = (await getDatasetVersion(db, '841'))!;
        const subs = await versionSubmissions(db, version.id);
        assert.equal(subs.length, 11);
        const all = await readVersionRecords(db, subs);
        assert.deepEqual([...all.keys()].sort(), subs.map((s) => s.id).sort());
        let rows = 0;
        for (const s of subs) {
          const one = await readRecords(db, s.id, s.tableKeys);
          assert.deepEqual(all.get(s.id), one, s.id);
          for (const list of Object.values(one)) rows += (list as unknown[]).length;
        }
        assert.ok(rows > 1000, `${rows} rows`);
      } finally {
        await cleanup();
      }
    },
  );
}
