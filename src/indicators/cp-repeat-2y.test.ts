import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromDayNumber, isoDate, toDayNumber } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { cpRepeat2y as def } from './cp-repeat-2y.js';
import { cpPlan, dataset, run, withVariants } from './lib/test-fixtures.js';

// indicators.md §3 E3 repeat check: new plan 2022-01-10.
const data = dataset(['cp-plans'], {
  cpPlans: [
    cpPlan('a0', 'A', '2019-06-01', '2020-01-10'),
    cpPlan('a1', 'A', '2022-01-10', null), // previous ended exactly 24 months before: repeat
    cpPlan('b0', 'B', '2019-06-01', '2020-01-09'),
    cpPlan('b1', 'B', '2022-01-10', null), // one day too early: not a repeat
    cpPlan('c1', 'C', '2022-02-01', null), // first plan
  ],
});

test('E3: a plan ending 2020-01-10 makes a 2022-01-10 start a repeat (boundary included); 2020-01-09 does not', () => {
  const c = run(def, data, '2021-22-Q4', 'in-period');
  assert.equal(c.denominator, 3);
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['A'],
  );
  const a = c.members.find((m) => m.childId === 'A')!;
  assert.deepEqual(a.recordIds, ['a1', 'a0']);
  assert.equal(a.reason, 'previous plan ended 2020-01-10, on or after 2020-01-10');
});

test('730days variant: 2022-01-10 − 730 days = 2020-01-11, so neither is a repeat', () => {
  const c = run(def, data, '2021-22-Q4', 'in-period', withVariants({ 'repeat.window': '730days' }));
  assert.equal(c.numerator, 0);
});

test('729 vs 730 days under the 730days variant', () => {
  const d = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('x0', 'X', '2019-01-01', '2020-01-11'),
      cpPlan('x1', 'X', '2022-01-10', null), // 730 days after: in
      cpPlan('y0', 'Y', '2019-01-01', '2020-01-10'),
      cpPlan('y1', 'Y', '2022-01-10', null), // 731 days after: out
    ],
  });
  const c = run(def, d, '2021-22-Q4', 'in-period', withVariants({ 'repeat.window': '730days' }));
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['X'],
  );
});

test('a plan still open or ending after the new start is not a previous plan', () => {
  const d = dataset(['cp-plans'], {
    cpPlans: [cpPlan('z0', 'Z', '2021-01-01', null), cpPlan('z1', 'Z', '2022-01-10', null)],
  });
  assert.equal(run(def, d, '2021-22-Q4', 'in-period').numerator, 0);
});

test('historyIncomplete when the CIN history starts less than 24 months before the window', () => {
  const late = { ...data, historyStart: { cin: isoDate('2020-04-01'), ssda903: null } };
  assert.deepEqual(
    run(def, late, '2021-22-Q4', 'ytd').notes.map((n) => n.code),
    ['historyIncomplete'],
  );
  const ok = { ...data, historyStart: { cin: isoDate('2019-04-01'), ssda903: null } };
  assert.deepEqual(run(def, ok, '2021-22-Q4', 'ytd').notes, []);
});

test('property: agrees with a brute-force reading of the definition', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom('P', 'Q'),
          fc.integer({ min: 0, max: 1200 }),
          fc.option(fc.integer({ min: 0, max: 400 })),
        ),
        { maxLength: 25 },
      ),
      (rows) => {
        const base = toDayNumber(isoDate('2019-01-01'));
        const seen = new Set<string>();
        const plans = rows
          .filter(([child, off]) => !seen.has(`${child}${off}`) && seen.add(`${child}${off}`))
          .map(([child, off, len], i) =>
            cpPlan(
              `p${i}`,
              child,
              fromDayNumber(base + off),
              len === null ? null : fromDayNumber(base + off + len),
            ),
          );
        const c = run(def, dataset(['cp-plans'], { cpPlans: plans }), '2021-22-Q3', 'ytd');
        let num = 0;
        let den = 0;
        for (const p of plans) {
          if (p.startDate < '2021-04-01' || p.startDate > '2021-12-31') continue;
          den++;
          const from = addMonths(p.startDate, -24);
          if (
            plans.some(
              (q) =>
                q.id !== p.id &&
                q.childId === p.childId &&
                q.endDate !== null &&
                q.endDate >= from &&
                q.endDate <= p.startDate,
            )
          )
            num++;
        }
        return c.numerator === num && c.denominator === den;
      },
    ),
  );
});
