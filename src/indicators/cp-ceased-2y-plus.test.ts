import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpCeased2yPlus as def, lastedTwoYears } from './cp-ceased-2y-plus.js';
import { cpPlan, dataset, run, withVariants } from './lib/test-fixtures.js';

// indicators.md §3 E3: plan start 2020-01-10.
const e3 = dataset(['cp-plans'], {
  cpPlans: [
    cpPlan('p1', 'A', '2020-01-10', '2022-01-07'), // 729 days inclusive: not 2y+
    cpPlan('p2', 'B', '2020-01-10', '2022-01-08'), // 730 inclusive: 2y+
    cpPlan('p3', 'C', '2020-01-10', '2022-01-09'), // first under elapsed
    cpPlan('p4', 'D', '2020-01-10', '2022-01-10'), // first under calendar
    cpPlan('p5', 'E', '2021-06-01', null), // open
    cpPlan('p6', 'F', '2022-02-01', '2022-01-31'), // ends before it starts
  ],
});

test('E3: 729 days inclusive is not 2y+; 730 is (default rule)', () => {
  const c = run(def, e3, '2021-22-Q4', 'in-period');
  assert.equal(c.denominator, 4);
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['B', 'C', 'D'],
  );
  assert.equal(c.members[0]!.reason, 'plan lasted 729 days counting both ends');
  assert.deepEqual(c.notes, [{ code: 'invalidDates', count: 1 }]);
});

test('E3 variants: elapsed first qualifies on 2022-01-09, calendar on 2022-01-10', () => {
  const elapsed = run(def, e3, '2021-22-Q4', 'in-period', withVariants({ cpDuration: 'elapsed' }));
  assert.deepEqual(
    elapsed.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['C', 'D'],
  );
  const calendar = run(def, e3, '2021-22-Q4', 'in-period', withVariants({ cpDuration: 'calendar' }));
  assert.deepEqual(
    calendar.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['D'],
  );
  assert.equal(lastedTwoYears('2020-01-10' as never, '2022-01-09' as never, 'calendar'), false);
});

test('E3: the plans fall in 2021-22-Q4 and in ytd 2021-22, not in Q3', () => {
  assert.equal(run(def, e3, '2021-22-Q4', 'ytd').denominator, 4);
  assert.equal(run(def, e3, '2021-22-Q3', 'ytd').denominator, 0);
});
