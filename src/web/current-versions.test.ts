import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentVersionsCache, readCurrentVersions } from './current-versions.js';
import { memoryDatabase } from './testing/sqlite-memory.js';
import type { Database } from '../store/database.js';

async function addVersion(db: Database, la: string, seq: number, extract: string | null): Promise<void> {
  await db.run('INSERT INTO las (code, name, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING', [
    la,
    la === '841' ? 'Darlington' : null,
    '2024-01-01T00:00:00Z',
  ]);
  await db.run(
    `INSERT INTO dataset_versions (id, la, seq, created_at, content_hash, extract_date, as_at_json,
       row_counts_json, validation_json, checks_json) VALUES (?, ?, ?, ?, 'h', ?, '{}', '{}', '{}', '[]')`,
    [`${la}-v${seq}`, la, seq, '2024-01-01T00:00:00Z', extract],
  );
}

test('the current version of each LA is its highest seq, with the LA name and extract date', async () => {
  const db = await memoryDatabase();
  await addVersion(db, '841', 1, '2022-03-31');
  await addVersion(db, '841', 2, '2022-06-30');
  await addVersion(db, '805', 1, null);
  const v = await readCurrentVersions(db);
  assert.deepEqual([...v.keys()], ['805', '841'], 'in LA code order');
  assert.deepEqual(v.get('841'), { la: '841', name: 'Darlington', id: '841-v2', extractDate: '2022-06-30' });
  assert.deepEqual(v.get('805'), { la: '805', name: null, id: '805-v1', extractDate: null });
  await db.close();
});

test('the cache answers from memory within freshMs, reads again after it or after clear()', async () => {
  const db = await memoryDatabase();
  await addVersion(db, '841', 1, '2022-03-31');
  let t = 0;
  const cache = currentVersionsCache(db, 1000, () => t);
  assert.equal((await cache.get()).get('841')?.id, '841-v1');
  await addVersion(db, '841', 2, '2022-06-30');
  t = 999;
  assert.equal((await cache.get()).get('841')?.id, '841-v1', 'still fresh: not read again');
  t = 1000;
  assert.equal((await cache.get()).get('841')?.id, '841-v2', 'stale: read again');
  await addVersion(db, '841', 3, '2022-09-30');
  cache.clear();
  assert.equal((await cache.get()).get('841')?.id, '841-v3', 'cleared: read again at once');
  await db.close();
});
