import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpCeased2yPlus as def } from './cp-ceased-2y-plus.js';
import { cpPlan, dataset, run, withVariants } from './lib/test-fixtures.js';

// Audit (indicators.md §2 cp-ceased-2y-plus; §1.1 bases; §1.2 days and "end before start"; §3 E3). The
// calendar variant's 29 February case is pinned in cp-repeat-2y.audit.test.ts.

function inNumerator(r: ReturnType<typeof run>): string[] {
  return r.members.filter((m) => m.inNumerator).map((m) => m.recordIds.join(','));
}

// "days(start, end) + 1 ≥ 730, that is end − start ≥ 729" across a leap day. From 2020-02-29 (a leap
// day): 2022-02-26 is 728 days on (729 counting both ends), not 2y+; 2022-02-27 is 729 on (730 counting
// both ends), 2y+. From 2022-03-01, the span holds 29 February 2024: 2024-02-27 is 728 on, not 2y+;
// 2024-02-28 is 729 on, 2y+ (the calendar date is a day short of two years: days, not months, decide).
// Elapsed variant (end − start ≥ 730): from 2020-02-29 first on 2022-02-28; from 2022-03-01 first on
// 2024-02-29.
test('audit: the 729-day threshold counts days across 29 February, default and elapsed', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('a', 'A', '2020-02-29', '2022-02-26'),
      cpPlan('b', 'B', '2020-02-29', '2022-02-27'),
      cpPlan('c', 'C', '2020-02-29', '2022-02-28'),
      cpPlan('d', 'D', '2022-03-01', '2024-02-27'),
      cpPlan('e', 'E', '2022-03-01', '2024-02-28'),
      cpPlan('f', 'F', '2022-03-01', '2024-02-29'),
    ],
  });
  const y1 = run(def, data, '2021-22-Q4', 'in-period');
  assert.deepEqual([y1.numerator, y1.denominator], [2, 3]);
  assert.deepEqual(inNumerator(y1), ['b', 'c']);
  assert.equal(y1.members.find((m) => m.childId === 'B')?.reason, 'plan lasted 730 days counting both ends');
  const y3 = run(def, data, '2023-24-Q4', 'in-period');
  assert.deepEqual(inNumerator(y3), ['e', 'f']);
  const elapsed = withVariants({ cpDuration: 'elapsed' });
  assert.deepEqual(inNumerator(run(def, data, '2021-22-Q4', 'in-period', elapsed)), ['c']);
  assert.deepEqual(inNumerator(run(def, data, '2023-24-Q4', 'in-period', elapsed)), ['f']);
});

// Period edges (§1.1, both ends included). 2021-22-Q3 in-period is [2021-10-01, 2021-12-31]; ytd is
// [2021-04-01, 2021-12-31]. Plans ending 2021-03-31 (previous year), 2021-04-01, 2021-09-30, 2021-10-01,
// 2021-12-31 and 2022-01-01 (next quarter), one open plan: in-period counts 10-01 and 12-31; ytd adds
// 04-01 and 09-30. The headline basis is ytd.
test('audit: the plan end decides the period, both ends included; open plans are out; ytd is the headline', () => {
  const ends = ['2021-03-31', '2021-04-01', '2021-09-30', '2021-10-01', '2021-12-31', '2022-01-01'];
  const data = dataset(['cp-plans'], {
    cpPlans: [
      ...ends.map((end, i) => cpPlan(`p${i}`, `C${i}`, '2019-01-01', end)),
      cpPlan('open', 'O', '2019-01-01', null),
    ],
  });
  const q = run(def, data, '2021-22-Q3', 'in-period');
  assert.deepEqual(
    q.members.map((m) => m.dates['planEnd']),
    ['2021-10-01', '2021-12-31'],
  );
  const ytd = run(def, data, '2021-22-Q3');
  assert.deepEqual(
    ytd.members.map((m) => m.dates['planEnd']),
    ['2021-04-01', '2021-09-30', '2021-10-01', '2021-12-31'],
  );
  // From 2019-01-01: 2021-04-01 is 821 days on (2y+), 2021-12-31 is 1095.
  assert.deepEqual([ytd.numerator, ytd.denominator], [4, 4]);
});

// "Each plan counted": a child whose two plans both end in the period counts twice (one 2y+, one not); a
// plan starting and ending the same day (CIN-CPP-SAMEDAY, a query) is a 1-day plan in the denominator;
// a plan ending before it starts leaves both figures (note invalidDates). (The reason read "1 days" before.) The member list is the
// denominator and its Y rows the numerator: 1 of 3.
test('audit: each plan ending counts (twice for one child); same-day plans count; invalid dates leave both', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('a1', 'A', '2019-06-01', '2021-10-15'),
      cpPlan('a2', 'A', '2021-10-20', '2021-12-01'),
      cpPlan('s', 'S', '2021-11-11', '2021-11-11'),
      cpPlan('x', 'X', '2021-12-01', '2021-11-30'),
    ],
  });
  const r = run(def, data, '2021-22-Q3', 'in-period');
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.recordIds.join(','), m.inNumerator]),
    [
      ['A', 'a1', true],
      ['A', 'a2', false],
      ['S', 's', false],
    ],
  );
  assert.deepEqual([r.numerator, r.denominator], [1, 3]);
  assert.equal(r.members[2]?.reason, 'plan lasted 1 day counting both ends');
  assert.deepEqual(r.notes, [{ code: 'invalidDates', count: 1 }]);
});
