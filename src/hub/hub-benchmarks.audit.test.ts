import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeOtherLas } from '../web/testing/hub-figures-fixture.js';
import { memoryDatabase } from '../web/testing/sqlite-memory.js';
import { hubBenchmarksForOperator } from './hub-benchmarks.js';

// Audit (README, Running a hub, Benchmarks: "its SN mean leaves it out"; `cspi hub benchmarks` is the
// operator's view of the same figures). With `--la`, the statistical-neighbour group an LA takes its SN mean
// from is printed as that LA's dashboard and report use it: without the LA. An LA without a group of its own
// takes the plain "statistical-neighbours" group, which may list it; the operator checking 840's dashboard
// SN average for re-referrals, 20.7%, read 20.9, the mean with 840 in it.

const GROUPS = { 'statistical-neighbours': ['841', '840', '805', '806'] };

test('audit: cspi hub benchmarks --la 840 gives the plain SN group as 840 sees it, without 840', async () => {
  const db = await memoryDatabase();
  await storeOtherLas(db, { '841': 80, '840': 90, '805': 70, '806': 100 });
  const row = async (la?: string) =>
    (await hubBenchmarksForOperator(db, '2021-22-Q3', GROUPS, la)).benchmarks.find(
      (b) => b.indicatorId === 'assessments-45wd',
    )!;
  const for840 = (await row('840')).groups['statistical-neighbours']!;
  // (80 + 70 + 100) / 3, without 840's own 90.
  assert.equal(for840.n, 3);
  assert.equal(for840.mean, 83.3);
  assert.equal((await row('840')).all.n, 4, 'all LAs loaded still include 840');
  assert.equal((await row('840')).positions.find((p) => p.la === '840')!.rank, 2);
  // Without --la, the group as listed (the operator's view of every group).
  assert.equal((await row()).groups['statistical-neighbours']!.mean, 85);
});
