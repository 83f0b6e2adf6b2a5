import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATORS, indicatorById } from '../indicators/registry.js';
import { resolveTarget } from '../indicators/targets.js';
import { memoryDatabase } from '../web/testing/sqlite-memory.js';
import { storedTargets } from './targets.js';

async function insert(
  db: Awaited<ReturnType<typeof memoryDatabase>>,
  row: [string, string, string, number | null, number | null, string, string, string],
): Promise<void> {
  await db.run(
    "INSERT INTO targets (la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'why', 'admin', '2022-01-01T00:00:00Z')",
    row,
  );
}

test('no targets set for the LA and year gives null (the catalogue applies)', async () => {
  const db = await memoryDatabase();
  assert.equal(await storedTargets(db, '841', '2021-22'), null);
});

test('the dashboard targets become the engine TargetSet, resolved as a targets file would be', async () => {
  const db = await memoryDatabase();
  await insert(db, ['841', 'assessments-45wd', '2021-22', 85, 5, 'points', 'local', 'target-tolerance']);
  await insert(db, [
    '841',
    'referrals-rereferral-12m',
    '2021-22',
    18,
    null,
    'percent-of-target',
    'national',
    'target-tolerance',
  ]);
  await insert(db, ['841', 'icpc-15wd', '2021-22', 90, null, 'percent-of-target', 'local', 'none']);
  await insert(db, [
    '841',
    'assessments-45wd',
    '2022-23',
    70,
    null,
    'percent-of-target',
    'local',
    'target-tolerance',
  ]);
  await insert(db, [
    '805',
    'assessments-45wd',
    '2021-22',
    60,
    null,
    'percent-of-target',
    'local',
    'target-tolerance',
  ]);
  const set = await storedTargets(db, '841', '2021-22');
  assert.ok(set);
  assert.equal(set.la, '841');
  assert.equal(set.year, '2021-22');
  assert.deepEqual(
    set.overrides.map((o) => o.indicator),
    ['assessments-45wd', 'icpc-15wd', 'referrals-rereferral-12m'],
  );
  const ids = new Set(INDICATORS.map((d) => d.id));
  for (const o of set.overrides) assert.ok(ids.has(o.indicator), o.indicator);
  // 85 ± 5 points, local.
  assert.deepEqual(resolveTarget(indicatorById('assessments-45wd')!, set), {
    target: 85,
    kind: 'local',
    tolerance: 5,
    scheme: 'target-tolerance',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
  // Default tolerance 10% of 18 = 1.8, national as set.
  assert.deepEqual(resolveTarget(indicatorById('referrals-rereferral-12m')!, set), {
    target: 18,
    kind: 'national',
    tolerance: 1.8,
    scheme: 'target-tolerance',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
  // The scheme "none": not rated.
  assert.equal(resolveTarget(indicatorById('icpc-15wd')!, set).target, null);
});
