/**
 * Audit of cic-health-assessments (and the chain code it shares with cic-dental-checks, lib/health-chain.ts)
 * against indicators.md (branch audit-e): hand-worked cases from the spec text.
 * §2: "Per period of care; a₀ = its start. next(a, 1) = addwd(a, 20) is the initial assessment: it anchors
 * the chain but is not counted. next(a, k ≥ 2) = a + 6 months if the child is under 5 at a, else a + 12
 * months. Events = cla_health rows with check_type IHA or RHA and check_outcome = completed. End = its end.
 * Denominator: Children with at least one review due (k ≥ 2) in [fy, e]. Numerator: Children all of whose
 * review dues in [fy, e] were met (on time)." §1.6 runs the chain; §1.8: a due on or after the chain's end
 * is not counted; a child with no date of birth is 5 or over. Working days were counted by hand against
 * data/bank-holidays-england-and-wales.csv.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isoDate } from '../calendar/iso-date.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { LaDataset } from '../model/la-dataset.js';
import { cicHealthAssessments as indicator, healthAssessmentDue } from './cic-health-assessments.js';
import { cicDentalChecks } from './cic-dental-checks.js';
import { child, ctxOf, dataset, healthCheck, inputOf, uasc } from './lib/chain-test-fixtures.js';

const TABLES = ['episodes', 'cla-health', 'header'] as const;
const rows = (data: LaDataset, period: string, variants = {}, more = {}) =>
  indicator
    .compute(inputOf(data), ctxOf(period, 'ytd', variants, more))
    .members.map((m) => [m.childId, m.dates['due'], m.inNumerator]);

// In care from Mon 2022-12-05 (aged 10). The initial assessment is due addwd(2022-12-05, 20): 6–9 Dec (4),
// 12–16 (9), 19–23 (14), 26 and 27 Dec holidays, 28–30 (17), 2 Jan holiday, 3–5 Jan (20) = Thu 2023-01-05.
// A: IHA on the due date: a = 2023-01-05, the review is due 2024-01-05; RHA on 2024-01-05: met.
// B: IHA a day late (2023-01-06): the first due is missed but the IHA restarts the clock (it lies in
//    (D1, D1 + 12 months]), so the review is due 2024-01-06; RHA that day: met.
// C: IHA on time, RHA on 2024-01-06, the day after its due: missed (counts only by period end).
// D: "IHA" on the day care started: an event on the anchor day meets nothing (§1.6), so D1 is missed, and
//    the next check, the RHA on 2024-01-05, is the earliest event in (D1, next(D1, 2)] = (2023-01-05,
//    2024-01-05]: it restarts the clock as a late initial assessment, the next due is 2025-01-05, and D
//    has no review due in 2023-24 (§1.6 as written: a late event restarts the clock but meets no due).
function christmas(): LaDataset {
  const ids = ['A', 'B', 'C', 'D'];
  return dataset([...TABLES], {
    children: ids.map((id) => child(id, '2012-06-01')),
    episodes: ids.map((id) => ep({ id: `E${id}`, childId: id, decom: '2022-12-05' })),
    healthChecks: [
      healthCheck('HA1', 'A', 'IHA', '2023-01-05'),
      healthCheck('HA2', 'A', 'RHA', '2024-01-05'),
      healthCheck('HB1', 'B', 'IHA', '2023-01-06'),
      healthCheck('HB2', 'B', 'RHA', '2024-01-06'),
      healthCheck('HC1', 'C', 'IHA', '2023-01-05'),
      healthCheck('HC2', 'C', 'RHA', '2024-01-06'),
      healthCheck('HD1', 'D', 'IHA', '2022-12-05'),
      healthCheck('HD2', 'D', 'RHA', '2024-01-05'),
    ],
  });
}

test('audit §2/§1.6: the IHA due 20 working days after care starts (over Christmas) anchors the review due date', () => {
  assert.deepEqual(rows(christmas(), '2023-24-Q4'), [
    ['A', '2024-01-05', true],
    ['B', '2024-01-06', true],
    ['C', '2024-01-05', false],
  ]);
  const r = indicator.compute(inputOf(christmas()), ctxOf('2023-24-Q4', 'ytd'));
  assert.equal(r.numerator, 2);
  assert.equal(r.denominator, 3);
  // The IHA dues (January 2023) are anchors only: nothing is due in 2022-23, nor in 2023-24 before January.
  assert.equal(indicator.compute(inputOf(christmas()), ctxOf('2022-23-Q4', 'ytd')).denominator, 0);
  assert.equal(indicator.compute(inputOf(christmas()), ctxOf('2023-24-Q3', 'ytd')).denominator, 0);
  // By period end (variant), C's review a day late counts.
  assert.deepEqual(
    rows(christmas(), '2023-24-Q4', { 'health.completion': 'byPeriodEnd' }).map(([, , ok]) => ok),
    [true, true, true],
  );
});

test('audit §1.2 inclusive working days: the day care starts counts, so the IHA is due a working day earlier', () => {
  // Counting Mon 2022-12-05 itself, the 20th working day is Wed 2023-01-04; B's IHA on 6 January is
  // late and restarts the clock as before, A's on the 5th is now late too (review due 2024-01-05 either way).
  const r = indicator.compute(
    inputOf(christmas()),
    ctxOf('2023-24-Q4', 'ytd', {}, { workingDays: 'inclusive' }),
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.dates['due'], m.inNumerator]),
    [
      ['A', '2024-01-05', true],
      ['B', '2024-01-06', true],
      ['C', '2024-01-05', false],
      // D: no check in (2022-12-05, 2023-01-04] nor in the restart window up to 2024-01-04, so a =
      // 2023-01-04 and the review is due 2024-01-04: the RHA on 2024-01-05 is a day late.
      ['D', '2024-01-04', false],
    ],
  );
});

test('audit §2: 6 months while under 5 at the anchor, 12 months from the 5th birthday; 29 February birthdays', () => {
  const next = healthAssessmentDue(isoDate('2018-07-01'), 'elapsed');
  assert.equal(next(isoDate('2023-06-30'), 2), '2023-12-30'); // aged 4
  assert.equal(next(isoDate('2023-07-01'), 2), '2024-07-01'); // the 5th birthday: aged 5
  assert.equal(next(isoDate('2023-08-31'), 3), '2024-08-31');
  const leap = healthAssessmentDue(isoDate('2016-02-29'), 'elapsed');
  assert.equal(leap(isoDate('2021-02-28'), 2), '2021-08-28'); // birthday falls on 1 March: still 4
  assert.equal(leap(isoDate('2021-03-01'), 2), '2022-03-01'); // 5 on 1 March 2021
  assert.equal(leap(isoDate('2020-08-31'), 2), '2021-02-28'); // 31 August + 6 months clamps (§1.2)
  assert.equal(healthAssessmentDue(null, 'elapsed')(isoDate('2020-08-31'), 2), '2021-08-31');
});

test('audit §2: the interval follows the age at each anchor (child turning 5 between assessments)', () => {
  // Born 2018-07-01; in care from Tue 2023-05-02: addwd(·, 20) skips 8 May (coronation) and 29 May:
  // 3–5 May (3), 9–12 (7), 15–19 (12), 22–26 (17), 30 May–1 Jun (20) = Thu 2023-06-01.
  // Y: IHA 2023-06-01 (aged 4): review due 2023-12-01, met on the day; then 5, so the next is 2024-12-01.
  // Z: IHA late on Sat 2023-07-01, the 5th birthday: restarts the clock at 5, review due 2024-07-01,
  //    outside 2023-24, so Z is in no 2023-24 denominator.
  const data = dataset([...TABLES], {
    children: [child('Y', '2018-07-01'), child('Z', '2018-07-01')],
    episodes: [
      ep({ id: 'EY', childId: 'Y', decom: '2023-05-02' }),
      ep({ id: 'EZ', childId: 'Z', decom: '2023-05-02' }),
    ],
    healthChecks: [
      healthCheck('HY1', 'Y', 'IHA', '2023-06-01'),
      healthCheck('HY2', 'Y', 'RHA', '2023-12-01'),
      healthCheck('HZ1', 'Z', 'IHA', '2023-07-01'),
    ],
  });
  assert.deepEqual(rows(data, '2023-24-Q3'), [['Y', '2023-12-01', true]]);
  assert.deepEqual(rows(data, '2023-24-Q4'), [['Y', '2023-12-01', true]]);
});

test('audit §1.1 ytd edges: a review due on fy or on e is in the year; one due the day before fy is not', () => {
  // In care from Mon 2022-03-07: IHA due addwd(·, 20) = 8–11 Mar (4), 14–18 (9), 21–25 (14), 28 Mar–1 Apr
  // (19), 4 Apr (20) = 2022-04-04. IHAs on 2022-03-30 (P), 2022-03-31 (Q) and 2022-04-01 (R) are on time;
  // the reviews fall due 2023-03-30, 2023-03-31 (e of 2022-23) and 2023-04-01 (fy of 2023-24). None done.
  const ids = ['P', 'Q', 'R'];
  const data = dataset([...TABLES], {
    children: ids.map((id) => child(id, '2010-01-01')),
    episodes: ids.map((id) => ep({ id: `E${id}`, childId: id, decom: '2022-03-07' })),
    healthChecks: [
      healthCheck('HP', 'P', 'IHA', '2022-03-30'),
      healthCheck('HQ', 'Q', 'IHA', '2022-03-31'),
      healthCheck('HR', 'R', 'IHA', '2022-04-01'),
    ],
  });
  assert.deepEqual(rows(data, '2022-23-Q4'), [
    ['P', '2023-03-30', false],
    ['Q', '2023-03-31', false],
  ]);
  assert.deepEqual(rows(data, '2023-24-Q1'), [['R', '2023-04-01', false]]);
});

test('audit §1.8: a review due on the day the period of care ends is not counted; a day before the end it is', () => {
  const data = (dec: string) =>
    dataset([...TABLES], {
      children: [child('G', '2012-06-01')],
      episodes: [ep({ id: 'EG', childId: 'G', decom: '2022-12-05', dec, rec: 'E4A' })],
      healthChecks: [healthCheck('HG', 'G', 'IHA', '2023-01-05')],
    });
  assert.deepEqual(rows(data('2024-01-05'), '2023-24-Q4'), []);
  assert.deepEqual(rows(data('2024-01-06'), '2023-24-Q4'), [['G', '2024-01-05', false]]);
});

test('audit §2: one member per child across periods of care; every review due in the year must be met', () => {
  // H, born 2020-01-01 (under 5 throughout). Period 1 from Tue 2022-04-05: IHA due 2022-05-06 (Easter and
  // 2 May skipped), done that day; reviews 2022-11-06 (done that day) and 2023-05-06 (done 2023-05-05);
  // the next, 2023-11-05, is after period 1 ends on 2023-06-01. Period 2 from Mon 2023-06-05: IHA due
  // 2023-07-03, done that day; review due 2024-01-03, not done.
  const data = dataset([...TABLES], {
    children: [child('H', '2020-01-01')],
    episodes: [
      ep({ id: 'EH1', childId: 'H', decom: '2022-04-05', dec: '2023-06-01', rec: 'E4A' }),
      ep({ id: 'EH2', childId: 'H', decom: '2023-06-05' }),
    ],
    healthChecks: [
      healthCheck('H1', 'H', 'IHA', '2022-05-06'),
      healthCheck('H2', 'H', 'RHA', '2022-11-06'),
      healthCheck('H3', 'H', 'RHA', '2023-05-05'),
      healthCheck('H4', 'H', 'IHA', '2023-07-03'),
    ],
  });
  assert.deepEqual(rows(data, '2023-24-Q3'), [['H', '2023-05-06', true]]);
  const q4 = indicator.compute(inputOf(data), ctxOf('2023-24-Q4', 'ytd'));
  assert.deepEqual(
    q4.members.map((m) => [m.childId, m.dates['periodStart'], m.dates['due'], m.inNumerator, m.reason]),
    [
      [
        'H',
        '2023-06-05',
        '2024-01-03',
        false,
        'review health assessment due 03/01/2024 missed; none completed by period end',
      ],
    ],
  );
  assert.deepEqual(q4.members[0]!.recordIds, ['EH1', 'EH2', 'H3']);
  assert.equal(q4.denominator, 1);
});

test('audit §1.4/§1.5: short breaks only is not a child in care; UASC with DUC on e is not UASC on e', () => {
  const data = (more: Partial<LaDataset>) => ({ ...christmas(), ...more });
  const shortBreak = data({
    episodes: [
      ep({ id: 'EA', childId: 'A', decom: '2022-12-05' }),
      ep({ id: 'EB', childId: 'B', decom: '2022-12-05', ls: 'V3' }),
    ],
  });
  assert.deepEqual(
    rows(shortBreak, '2023-24-Q4').map(([c]) => c),
    ['A'],
  );
  const u = (duc: string) =>
    indicator.compute(
      inputOf(data({ uasc: [uasc('A', duc)] })),
      ctxOf('2023-24-Q4', 'ytd', {}, { excludeUasc: true }),
    );
  assert.deepEqual(
    u('2024-03-31').members.map((m) => m.childId),
    ['A', 'B', 'C'],
  );
  assert.deepEqual(
    u('2024-04-01').members.map((m) => m.childId),
    ['B', 'C'],
  );
});

test('audit §1.8 as-at: a review due after the cla_health as-at date is not counted; e after it is provisional', () => {
  const data = {
    ...christmas(),
    asAt: { cin: null, ssda903: isoDate('2024-03-31'), local: { 'cla-health': isoDate('2024-01-05') } },
  };
  const r = indicator.compute(inputOf(data), ctxOf('2023-24-Q4', 'ytd'));
  // B's review (due 2024-01-06) is after the as-at date; A's and C's (due 2024-01-05) are counted.
  assert.deepEqual(
    r.members.map((m) => m.childId),
    ['A', 'C'],
  );
  assert.ok(r.notes.some((n) => n.code === 'provisional'));
});

test('audit --members: a missed review names the earliest later check, whatever the file order (shared with dental)', () => {
  // C's review due 2024-01-05 is missed; two later checks, listed latest first. The chain restarts on the
  // earliest (§1.6 step 3), and the member's reason and event date should name that one too.
  const data = {
    ...christmas(),
    healthChecks: [
      healthCheck('HC1', 'C', 'IHA', '2023-01-05'),
      healthCheck('HC3', 'C', 'RHA', '2024-02-20'),
      healthCheck('HC2', 'C', 'RHA', '2024-01-08'),
    ],
  };
  const c = indicator
    .compute(inputOf(data), ctxOf('2023-24-Q4', 'ytd'))
    .members.find((m) => m.childId === 'C')!;
  assert.equal(c.reason, 'review health assessment due 05/01/2024 missed; completed 08/01/2024');
  assert.equal(c.dates['event'], '2024-01-08');
  // Dental (completed by period end by default): in care from 2022-12-05, due 2023-12-05, checks listed
  // latest first; the member names the earliest check after the due.
  const dental = {
    ...christmas(),
    healthChecks: [
      healthCheck('D2', 'A', 'DENTAL', '2024-03-01'),
      healthCheck('D1', 'A', 'DENTAL', '2023-12-20'),
    ],
  };
  const a = cicDentalChecks
    .compute(inputOf(dental), ctxOf('2023-24-Q4', 'ytd'))
    .members.find((m) => m.childId === 'A')!;
  assert.equal(a.inNumerator, true);
  assert.equal(a.dates['event'], '2023-12-20');
});

test('audit --members: the figures equal the member list (numerator members, denominator members)', () => {
  const r = indicator.compute(inputOf(christmas()), ctxOf('2023-24-Q4', 'ytd'));
  assert.equal(r.members.length, r.denominator);
  assert.equal(r.members.filter((m) => m.inNumerator).length, r.numerator);
});

test('audit: a shared input asked for the latest quarter first gives each quarter what a fresh input gives', () => {
  const s = isoDate('2021-11-15');
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 900 })), { maxLength: 15 }),
      fc.array(fc.option(fc.integer({ min: 30, max: 900 }), { nil: null }), { minLength: 3, maxLength: 3 }),
      (checks, ends) => {
        const data = dataset([...TABLES], {
          children: [child('C0', '2019-05-01'), child('C1', '2012-06-01'), child('C2', null)],
          episodes: ends.map((len, i) =>
            ep({
              id: `E${i}`,
              childId: `C${i}`,
              decom: addDays(s, i * 40),
              dec: len === null ? null : addDays(s, i * 40 + len),
              rec: len === null ? null : 'E4A',
            }),
          ),
          healthChecks: checks.map(([c, o], i) =>
            healthCheck(`H${i}`, `C${c}`, i % 3 === 0 ? 'IHA' : 'RHA', addDays(s, o)),
          ),
        });
        const shared = inputOf(data);
        for (const period of ['2023-24-Q4', '2023-24-Q2', '2022-23-Q4', '2022-23-Q1', '2023-24-Q1']) {
          const a = indicator.compute(shared, ctxOf(period, 'ytd'));
          const b = indicator.compute(inputOf(data), ctxOf(period, 'ytd'));
          assert.deepEqual(a, b);
        }
      },
    ),
    { numRuns: 60 },
  );
});
