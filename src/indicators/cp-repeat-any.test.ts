import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpRepeatAny as def } from './cp-repeat-any.js';
import { cpPlan, dataset, run } from './lib/test-fixtures.js';

const data = dataset(['cp-plans'], {
  cpPlans: [
    cpPlan('a0', 'A', '2015-01-01', '2016-01-01'),
    cpPlan('a1', 'A', '2021-11-01', null, { numberOfPreviousCpp: 1 }), // both agree
    cpPlan('b1', 'B', '2021-11-01', null, { numberOfPreviousCpp: 2 }), // census only: mismatch, counted
    cpPlan('c0', 'C', '2018-01-01', '2019-01-01'),
    cpPlan('c1', 'C', '2021-11-01', null, { numberOfPreviousCpp: 0 }), // history only: mismatch, counted
    cpPlan('d1', 'D', '2021-11-01', null, { numberOfPreviousCpp: 0 }), // first plan
    cpPlan('e1', 'E', '2021-11-01', null), // blank count, no history: not counted, no mismatch
  ],
});

test('a repeat when NumberOfPreviousCPP ≥ 1 or the history holds an earlier plan; disagreements noted', () => {
  const c = run(def, data, '2021-22-Q3', 'in-period');
  assert.equal(c.denominator, 5);
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['A', 'B', 'C'],
  );
  assert.deepEqual(c.notes, [{ code: 'previousCppMismatch', count: 2 }]);
  assert.equal(
    c.members.find((m) => m.childId === 'C')!.reason,
    'NumberOfPreviousCPP 0; earlier plan from 2018-01-01',
  );
});

test('ytd basis includes plans from 1 April', () => {
  assert.equal(run(def, data, '2021-22-Q3', 'ytd').denominator, 5);
  assert.equal(run(def, data, '2021-22-Q2', 'ytd').denominator, 0);
});
