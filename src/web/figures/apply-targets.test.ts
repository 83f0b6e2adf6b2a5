import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeServices } from '../testing/fake-services.js';
import { applyTargets } from './apply-targets.js';
import type { TargetSetting } from '../targets/target-store.js';

const setting = (over: Partial<TargetSetting>): TargetSetting => ({
  la: '841',
  indicatorId: 'cp-visits-10wd',
  financialYear: '2021-22',
  target: 50,
  tolerance: null,
  toleranceUnit: 'points',
  kind: 'local',
  scheme: 'target-tolerance',
  rationale: 'test',
  setBy: 'admin',
  setAt: '2022-01-01T00:00:00.000Z',
  ...over,
});

test('a local target re-rates the indicator and leaves the others alone', async () => {
  const report = (await createFakeServices().scorecard('841', '2021-22-Q3'))!;
  const before = report.indicators.find((r) => r.id === 'cp-visits-10wd')!;
  assert.ok(before.value !== null && before.value > 50);
  const after = applyTargets(report, [setting({ target: 50 })]);
  const r = after.indicators.find((x) => x.id === 'cp-visits-10wd')!;
  assert.equal(r.target, 50);
  assert.equal(r.tolerance, 5);
  assert.equal(r.targetKind, 'local');
  assert.equal(r.rag, 'green');
  const red = applyTargets(report, [setting({ target: 100, tolerance: 0.5 })]).indicators.find(
    (x) => x.id === 'cp-visits-10wd',
  )!;
  assert.equal(red.rag, before.value === 100 ? 'green' : before.value! >= 99.5 ? 'amber' : 'red');
  assert.deepEqual(
    after.indicators.filter((x) => x.id !== 'cp-visits-10wd'),
    report.indicators.filter((x) => x.id !== 'cp-visits-10wd'),
  );
});

test('scheme none removes the target and the rating', async () => {
  const report = (await createFakeServices().scorecard('841', '2021-22-Q3'))!;
  const r = applyTargets(report, [setting({ scheme: 'none', target: null })]).indicators.find(
    (x) => x.id === 'cp-visits-10wd',
  )!;
  assert.equal(r.rag, null);
  assert.equal(r.target, null);
});
