/**
 * Audit of assessments-45wd against indicators.md (branch audit-e): hand-worked cases from the spec text.
 * §2: "Denominator: Assessments with AssessmentAuthorisationDate in the period. Unauthorised assessments
 * are not in the cohort. Numerator: wd(AssessmentActualStartDate, AssessmentAuthorisationDate) ≤ 45."
 * §1.2: wd(a, b) counts working days d with a < d ≤ b (holidays from the shared table); the inclusive
 * variant counts a ≤ d ≤ b; an end before its start leaves both counts (note `invalidDates`).
 * The dates below were counted by hand against shared/data/bank-holidays-england-and-wales.csv.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { assessments45wd as def } from './assessments-45wd.js';
import { assessment, dataset, referral, run, withVariants } from './lib/test-fixtures.js';

// Christmas 2022: Mon 26 and Tue 27 December and Mon 2 January 2023 are holidays. From Mon 2022-11-07 the
// 45 working days are 8–11 Nov (4), 14–18 (9), 21–25 (14), 28 Nov–2 Dec (19), 5–9 Dec (24), 12–16 (29),
// 19–23 (34), 28–30 Dec (37), 3–6 Jan (41), 9–12 Jan (45): the 45th is Thu 2023-01-12.
const XMAS_START = '2022-11-07';
// Easter 2023: Good Friday 7 April and Easter Monday 10 April. From Fri 2023-02-10: 13 Feb–31 Mar is 35,
// 3–6 Apr 39, 11–14 Apr 43, 17 and 18 Apr 45: the 45th is Tue 2023-04-18.
const EASTER_START = '2023-02-10';

function xmasAndEaster() {
  return dataset(['assessments'], {
    assessments: [
      assessment('x44', 'A', XMAS_START, '2023-01-11'),
      assessment('x45', 'B', XMAS_START, '2023-01-12'),
      assessment('x46', 'C', XMAS_START, '2023-01-13'),
      assessment('e45', 'D', EASTER_START, '2023-04-18'),
      assessment('e46', 'E', EASTER_START, '2023-04-19'),
    ],
  });
}

test('audit §2/§1.2: 44 and 45 working days across Christmas 2022 are within, 46 is not', () => {
  const c = run(def, xmasAndEaster(), '2022-23-Q4', 'in-period');
  assert.equal(c.denominator, 3);
  assert.equal(c.numerator, 2);
  assert.deepEqual(
    c.members.map((m) => [m.recordIds[0], m.inNumerator, m.reason]),
    [
      ['x44', true, 'authorised 44 working days after start'],
      ['x45', true, 'authorised 45 working days after start'],
      ['x46', false, 'authorised 46 working days after start'],
    ],
  );
});

test('audit §2/§1.2: 45 working days across Easter 2023 (Good Friday, Easter Monday) is within, 46 is not', () => {
  const c = run(def, xmasAndEaster(), '2023-24-Q1', 'in-period');
  assert.deepEqual(
    c.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['D', true],
      ['E', false],
    ],
  );
  assert.equal(c.numerator, 1);
  assert.equal(c.denominator, 2);
});

test('audit §1.2 inclusive variant: the start day counts, so the Christmas 45th working day becomes the 46th', () => {
  const c = run(def, xmasAndEaster(), '2022-23-Q4', 'in-period', { workingDays: 'inclusive' });
  assert.deepEqual(
    c.members.map((m) => [m.recordIds[0], m.inNumerator]),
    [
      ['x44', true],
      ['x45', false],
      ['x46', false],
    ],
  );
  // A start on a Saturday is not itself a working day: inclusive and elapsed agree.
  const sat = dataset(['assessments'], {
    // From Sat 2022-11-05, Mon 7 Nov is the first working day, so the 45th is Wed 2023-01-11 either way.
    assessments: [
      assessment('s45', 'F', '2022-11-05', '2023-01-11'),
      assessment('s46', 'G', '2022-11-05', '2023-01-12'),
    ],
  });
  for (const settings of [{ workingDays: 'inclusive' as const }, {}]) {
    assert.deepEqual(
      run(def, sat, '2022-23-Q4', 'in-period', settings).members.map((m) => [m.childId, m.inNumerator]),
      [
        ['F', true],
        ['G', false],
      ],
    );
  }
});

test('audit §1.1 period edges: authorised on s and on e are in the period, the day before s and after e are not', () => {
  const data = dataset(['assessments'], {
    assessments: [
      assessment('before', 'A', '2022-12-01', '2022-12-31'), // Q3's last day
      assessment('first', 'B', '2022-12-01', '2023-01-01'), // Q4's first day (a Sunday)
      assessment('last', 'C', '2023-02-01', '2023-03-31'), // Q4's last day
      assessment('after', 'D', '2023-02-01', '2023-04-01'), // 2023-24
    ],
  });
  const q4 = run(def, data, '2022-23-Q4', 'in-period');
  assert.deepEqual(
    q4.members.map((m) => m.recordIds[0]),
    ['first', 'last'],
  );
  // ytd (the headline basis) runs from fy = 2022-04-01: Q3's last day joins, 2023-24 does not.
  const ytd = run(def, data, '2022-23-Q4');
  assert.deepEqual(
    ytd.members.map((m) => m.recordIds[0]),
    ['before', 'first', 'last'],
  );
  // Start Wed 2023-02-01 to 2023-03-31: 1 Feb is not counted, 2–3 Feb (2), then the 8 weeks from 6 Feb to
  // 31 Mar (40): 42 working days, within.
  assert.equal(q4.members[1]!.reason, 'authorised 42 working days after start');
});

test('audit §1.7 units: each assessment counts, a child assessed twice counts twice; same-day authorisation is 0', () => {
  const data = dataset(['assessments'], {
    assessments: [
      assessment('a1', 'A', '2022-10-03', '2022-10-03'),
      assessment('a2', 'A', '2022-10-10', null), // not authorised: not in the cohort at all
      assessment('a3', 'A', '2022-10-17', '2022-12-30'),
    ],
  });
  const c = run(def, data, '2022-23-Q3', 'in-period');
  assert.equal(c.denominator, 2);
  // 2022-10-17 → 2022-12-30: 18–21 Oct (4), then 9 full weeks to 23 Dec (49): over 45 already.
  assert.equal(c.numerator, 1);
  assert.equal(c.members[0]!.reason, 'authorised 0 working days after start');
});

test('audit §1.2 end before start: leaves both counts and is noted invalidDates, also under the referral anchor', () => {
  const data = dataset(['assessments', 'cin-details'], {
    referrals: [referral('ref-a1', 'A', '2022-11-10'), referral('ref-a2', 'B', '2022-10-01')],
    assessments: [
      assessment('a1', 'A', '2022-11-01', '2022-11-07'), // authorised before its referral
      assessment('a2', 'B', '2022-11-20', '2022-11-18'), // authorised before its start
    ],
  });
  const byStart = run(def, data, '2022-23-Q3', 'in-period');
  assert.equal(byStart.denominator, 1);
  assert.deepEqual(byStart.notes, [{ code: 'invalidDates', count: 1 }]);
  const byReferral = run(
    def,
    data,
    '2022-23-Q3',
    'in-period',
    withVariants({ 'assessment.anchor': 'referral' }),
  );
  // a1 is now the invalid one (2022-11-07 < referral 2022-11-10); a2 measures from 2022-10-01.
  assert.deepEqual(
    byReferral.members.map((m) => [m.recordIds[0], m.dates['referralDate']]),
    [['a2', '2022-10-01']],
  );
  assert.deepEqual(byReferral.notes, [{ code: 'invalidDates', count: 1 }]);
});

test('audit --members: the member list is the denominator, its numerator members are the numerator', () => {
  const c = run(def, xmasAndEaster(), '2022-23', 'in-period');
  assert.equal(c.members.length, c.denominator);
  assert.equal(c.members.filter((m) => m.inNumerator).length, c.numerator);
  assert.equal(c.denominator, 3); // the April 2023 authorisations are in 2023-24
  assert.deepEqual(c.members[1]!.dates, { authorised: '2023-01-12', start: '2022-11-07' });
});

test('audit §1.1: a period ending after the CIN as-at date is provisional', () => {
  const data = { ...xmasAndEaster(), asAt: { cin: isoDate('2023-02-15'), ssda903: null, local: {} } };
  const c = run(def, data, '2022-23-Q4', 'in-period');
  assert.ok(c.notes.some((n) => n.code === 'provisional'));
  assert.ok(!run(def, data, '2022-23-Q3', 'in-period').notes.some((n) => n.code === 'provisional'));
});
