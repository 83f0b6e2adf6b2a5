import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpAllocatedSw as def } from './cp-allocated-sw.js';
import { allocation, cpPlan, dataset, run } from './lib/test-fixtures.js';

// Snapshot at e = 2021-12-31.
const data = dataset(['cp-plans', 'allocations'], {
  cpPlans: [
    cpPlan('a', 'A', '2021-06-01', null),
    cpPlan('a2', 'A', '2021-09-01', null), // a second open plan: A still counts once
    cpPlan('b', 'B', '2021-06-01', '2021-12-31'), // ends on e: not open at e
    cpPlan('c', 'C', '2021-12-31', '2022-03-01'), // starts on e, ends after: open
    cpPlan('d', 'D', '2021-06-01', null),
    cpPlan('f', 'F', '2021-06-01', null),
  ],
  allocations: [
    allocation('al-a', 'A', 'w1', '2021-01-01', null),
    allocation('al-b', 'B', 'w1', '2021-01-01', null),
    allocation('al-c', 'C', 'w2', '2021-06-01', '2021-12-31'), // ends on e: still open (≥ e)
    allocation('al-d', 'D', 'w3', '2021-01-01', null, 'other'), // other role: does not count
    allocation('al-f', 'F', 'w4', '2022-01-01', null), // starts after e
  ],
});

test('children with a plan open at e, each once; allocated when a social-worker allocation is open at e', () => {
  const c = run(def, data, '2021-22-Q3');
  assert.deepEqual(
    c.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['A', true],
      ['C', true],
      ['D', false],
      ['F', false],
    ],
  );
  assert.equal(c.numerator, 2);
  assert.equal(c.denominator, 4);
  assert.deepEqual(c.members[0]!.recordIds, ['a', 'a2', 'al-a']);
  assert.equal(c.members[2]!.reason, 'no open social-worker allocation at 2021-12-31');
});

test('without allocations the indicator is not available', () => {
  const c = run(def, dataset(['cp-plans']), '2021-22-Q3');
  assert.equal(c.status, 'not-available');
  assert.deepEqual(c.missing, ['allocations.csv']);
});
