import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { referralsDecided1wd as def } from './referrals-decided-1wd.js';
import { referralsDecidedOver3wd as over3 } from './referrals-decided-over-3wd.js';
import { contact, dataset, run, withVariants } from './lib/test-fixtures.js';

// Q1 2022-23. 2 and 3 June 2022 are bank holidays.
const data = dataset(['contacts'], {
  asAt: { cin: null, ssda903: null, local: { contacts: isoDate('2022-06-30') } },
  contacts: [
    contact('c1', '2022-06-01', '2022-06-06'), // E1: Wed → Mon across the Jubilee = 1 working day
    contact('c2', '2022-06-04', '2022-06-06'), // Saturday → Monday = 1
    contact('c3', '2022-06-06', '2022-06-08'), // 2
    contact('c4', '2022-06-06', '2022-06-09'), // 3: not over 3
    contact('c5', '2022-06-06', '2022-06-10'), // 4: over 3
    contact('c6', '2022-06-06', '2022-06-07', 'nfa'), // not a referral
    contact('c7', '2022-06-10', '2022-06-09'), // decided before received: invalid
    contact('c8', '2022-06-20', null, 'referral'), // awaiting
    contact('c9', '2022-06-27', null, null), // awaiting, blank outcome
    contact('c10', '2022-03-30', '2022-04-01'), // received in Q4, decided in Q1: 2 working days
  ],
});

test('E1 screening: received Wed 2022-06-01, decided Mon 2022-06-06 is within 1 working day', () => {
  const c = run(def, data, '2022-23-Q1');
  const m = c.members.find((x) => x.recordIds[0] === 'c1')!;
  assert.equal(m.inNumerator, true);
  assert.equal(m.reason, 'decided 1 working day after receipt');
});

test('cohort by decision date: 6 referrals decided in Q1, 2 within 1 working day', () => {
  const c = run(def, data, '2022-23-Q1');
  assert.equal(c.denominator, 6);
  assert.equal(c.numerator, 2);
  assert.deepEqual(c.notes, [
    { code: 'awaitingDecision', count: 2, detail: 'oldest 8 working days' },
    { code: 'invalidDates', count: 1 },
  ]);
  assert.deepEqual(
    c.breakdowns!['timeliness']!.map((r) => [r.key, r.numerator, r.denominator]),
    [
      ['within-1', 2, 6],
      ['over-1-to-3', 3, 6],
      ['over-3', 1, 6],
    ],
  );
});

test('over 3 working days: 3 is not over, 4 is', () => {
  const c = run(over3, data, '2022-23-Q1');
  assert.equal(c.denominator, 6);
  assert.equal(c.numerator, 1);
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.recordIds[0]),
    ['c5'],
  );
});

test('inclusive working days: Saturday → Monday counts 1, Wednesday → Monday counts 2', () => {
  const c = run(def, data, '2022-23-Q1', 'ytd', { workingDays: 'inclusive' });
  const within = c.members.filter((m) => m.inNumerator).map((m) => m.recordIds[0]);
  assert.deepEqual(within, ['c2']);
});

test('cohortBy received: rows undecided at as-at count as late once more than 1 working day old', () => {
  const c = run(def, data, '2022-23-Q1', 'ytd', withVariants({ 'screening.cohortBy': 'received' }));
  // c1–c5 decided (c6 nfa out, c7 invalid), c8 (8 wd) and c9 (3 wd) undecided and late; c10 received in Q4.
  assert.equal(c.denominator, 7);
  assert.equal(c.numerator, 2);
  const late = c.members.filter((m) => m.dates['decided'] === null).map((m) => m.recordIds[0]);
  assert.deepEqual(late, ['c8', 'c9']);
  // over-3wd has the same cohort (indicators.md §2): c9 (3 wd) is in its denominator but not yet over 3;
  // c5 (4 wd) and c8 (8 wd undecided) are.
  const o = run(over3, data, '2022-23-Q1', 'ytd', withVariants({ 'screening.cohortBy': 'received' }));
  assert.equal(o.denominator, 7);
  assert.deepEqual(
    o.members.filter((m) => m.inNumerator).map((m) => m.recordIds[0]),
    ['c5', 'c8'],
  );
});

test('no contacts decided in the period: denominator 0', () => {
  assert.equal(run(def, data, '2022-23-Q3', 'in-period').denominator, 0);
});

test('without a contacts file the indicator is not available (never 0)', () => {
  const c = run(def, dataset(['cin-details']), '2022-23-Q1');
  assert.equal(c.status, 'not-available');
  assert.deepEqual(c.notes, [{ code: 'notAvailable', detail: 'needs contacts.csv' }]);
});
