import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referralsRereferral12m as def } from './referrals-rereferral-12m.js';
import { dataset, referral, run, withVariants } from './lib/test-fixtures.js';
import fc from 'fast-check';
import { fromDayNumber, isoDate, toDayNumber } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';

// indicators.md §3 E2.
const e2 = dataset(['cin-details'], {
  referrals: [
    referral('a1', 'A', '2020-11-15'),
    referral('a2', 'A', '2021-11-15'),
    referral('b1', 'B', '2020-11-14'),
    referral('b2', 'B', '2021-11-15'),
    referral('c1', 'C', '2021-10-04'),
    referral('c2', 'C', '2021-12-01'),
  ],
});

test('E2: 4 referrals in 2021-22-Q3, 2 re-referrals (A on exactly 12 months, C within the quarter)', () => {
  const c = run(def, e2, '2021-22-Q3');
  assert.equal(c.denominator, 4);
  assert.equal(c.numerator, 2);
  const inNum = c.members.filter((m) => m.inNumerator).map((m) => m.recordIds[0]);
  assert.deepEqual(inNum, ['a2', 'c2']);
  const b = c.members.find((m) => m.childId === 'B')!;
  assert.equal(b.inNumerator, false);
  assert.match(b.reason, /before 2020-11-15/);
});

test('365days variant: 2020-11-15 is 365 days before 2021-11-15, so A still counts; B does not', () => {
  const c = run(def, e2, '2021-22-Q3', 'in-period', withVariants({ 'rereferral.window': '365days' }));
  assert.equal(c.numerator, 2);
});

test('leap day: a referral on 2024-02-29 looks back to 2023-02-28', () => {
  const data = dataset(['cin-details'], {
    referrals: [
      referral('x1', 'X', '2023-02-28'),
      referral('x2', 'X', '2024-02-29'),
      referral('y1', 'Y', '2023-02-27'),
      referral('y2', 'Y', '2024-02-29'),
    ],
  });
  const c = run(def, data, '2023-24-Q4');
  assert.equal(c.denominator, 2);
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['X'],
  );
  // 365 days before 2024-02-29 is 2023-03-01: X's 2023-02-28 is then too early.
  const v = run(def, data, '2023-24-Q4', 'in-period', withVariants({ 'rereferral.window': '365days' }));
  assert.equal(v.numerator, 0);
});

test('same-date duplicates count once and are never their own previous referral', () => {
  const data = dataset(['cin-details'], {
    referrals: [referral('d1', 'D', '2021-11-01'), referral('d2', 'D', '2021-11-01')],
  });
  const c = run(def, data, '2021-22-Q3');
  assert.equal(c.denominator, 1);
  assert.equal(c.numerator, 0);
});

test('no referrals in the period: denominator 0 (no eligible cases)', () => {
  const c = run(def, e2, '2021-22-Q1');
  assert.equal(c.denominator, 0);
});

test('ytd basis reads 1 April to e', () => {
  const c = run(def, e2, '2021-22-Q3', 'ytd');
  assert.equal(c.denominator, 4);
});

test('historyIncomplete when the CIN history starts less than 12 months before s', () => {
  const late = { ...e2, historyStart: { cin: isoDate('2021-04-01'), ssda903: null } };
  assert.deepEqual(
    run(def, late, '2021-22-Q3').notes.map((n) => n.code),
    ['historyIncomplete'],
  );
  const early = { ...e2, historyStart: { cin: isoDate('2020-04-01'), ssda903: null } };
  assert.deepEqual(run(def, early, '2021-22-Q3').notes, []);
});

test('not available without the CIN census', () => {
  const c = run(def, dataset([]), '2021-22-Q3');
  assert.equal(c.status, 'not-available');
  assert.match(c.notes[0]!.detail!, /needs the CIN census/);
});

test('property: agrees with a brute-force reading of the definition', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.constantFrom('P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W'), fc.integer({ min: 0, max: 490 })),
        {
          maxLength: 30,
        },
      ),
      (rows) => {
        const base = toDayNumber(isoDate('2020-09-01'));
        const referrals = rows.map(([child, off], i) => referral(`r${i}`, child, fromDayNumber(base + off)));
        const c = run(def, dataset(['cin-details'], { referrals }), '2021-22-Q3');
        const w = { start: '2021-10-01', end: '2021-12-31' };
        const unique = new Map(referrals.map((r) => [`${r.childId}|${r.referralDate}`, r]));
        let num = 0;
        let den = 0;
        for (const r of unique.values()) {
          if (r.referralDate < w.start || r.referralDate > w.end) continue;
          den++;
          const from = addMonths(r.referralDate, -12);
          if (
            [...unique.values()].some(
              (p) => p.childId === r.childId && p.referralDate >= from && p.referralDate < r.referralDate,
            )
          )
            num++;
        }
        return c.numerator === num && c.denominator === den;
      },
    ),
    { numRuns: 300 },
  );
});
