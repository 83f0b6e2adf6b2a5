/**
 * Audit of cic-missing against indicators.md (branch audit-e): hand-worked cases from the spec text.
 * §2: "Denominator: Children looked after on at least one day of the period. Numerator: Children with at
 * least one Missing row with MISSING = M, MIS_START ≤ e and (MIS_END blank or MIS_END ≥ s). Any length
 * counts. Also output episodes: the number of such rows, with duplicate child + MIS_START rows counted
 * once. stillMissing: rows open at e (MIS_END blank or > e). away: the same three figures for MISSING = A,
 * reported separately and never added to missing." §1.8: "value = numerator = the count … its denominator
 * is the children looked after on at least one day of the period, it also outputs percent, and only
 * children in that denominator can be counted; Missing rows are de-duplicated on (child, MIS_START)
 * separately within M and within A." §1.4 step 3: looked after on d = DECOM ≤ d and (DEC blank or DEC > d).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { MissingEpisode } from '../model/episode.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import { indicator } from './cic-missing.js';
import { displayValue } from './engine/indicator-value.js';
import { type EngineComputation, runIndicator } from './engine/run-indicator.js';
import { buildIndicatorInput } from './input.js';
import { parsePeriod } from '../calendar/period.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { IndicatorSettings } from './types.js';
import { childOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

/** The engine's run (as `cspi indicators` runs it), with its status for the display value. */
function run(
  def: typeof indicator,
  data: LaDataset,
  periodId: string,
  basis: 'in-period' | 'ytd',
  settings: Partial<IndicatorSettings> = {},
): EngineComputation {
  return runIndicator(def, buildIndicatorInput(data), parsePeriod(periodId), basis, {
    ...DEFAULT_SETTINGS,
    ...settings,
  });
}

function row(
  id: string,
  childId: string,
  missing: 'M' | 'A',
  start: string,
  end: string | null,
): MissingEpisode {
  return {
    id,
    childId,
    missing,
    start: isoDate(start),
    end: end === null ? null : isoDate(end),
    source: TEST_SOURCE,
  };
}

// 2021-22-Q3: s = 2021-10-01, e = 2021-12-31.
// K1 in care throughout: two M rows starting 5 Oct (one missing episode) and an A row the same day (its own).
// K2 in care throughout: away only (A), open at e: not in the numerator.
// K3 came into care on e: looked after on e; M row starting and open on e (still missing).
// K4 ceased on s: not looked after on any day of Q3 (§1.4 step 3), so its October M row is not counted.
// K5 ceased on 2 October (looked after on 1 October): an M row that ended on s counts.
// K6 in care throughout: M rows ending the day before s and starting the day after e: neither counts.
// K7 in care throughout: an M row ending on e (not still missing) and one ending after e (still missing).
// K9 in care in Q1 only, missing in May: outside Q3, inside the year to date.
function q3(): LaDataset {
  const open = (id: string, decom = '2021-01-01') => ep({ id: `E${id}`, childId: id, decom });
  return {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'missing', 'header'),
    children: ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K9'].map((id) => childOf(id, '2008-01-01')),
    episodes: [
      open('K1'),
      open('K2'),
      open('K3', '2021-12-31'),
      ep({ id: 'EK4', childId: 'K4', decom: '2021-01-01', dec: '2021-10-01', rec: 'E4A' }),
      ep({ id: 'EK5', childId: 'K5', decom: '2021-01-01', dec: '2021-10-02', rec: 'E4A' }),
      open('K6'),
      open('K7'),
      ep({ id: 'EK9', childId: 'K9', decom: '2021-04-01', dec: '2021-06-30', rec: 'E4A' }),
    ],
    missingEpisodes: [
      row('r1', 'K1', 'M', '2021-10-05', '2021-10-06'),
      row('r2', 'K1', 'M', '2021-10-05', '2021-10-07'),
      row('r3', 'K1', 'A', '2021-10-05', '2021-10-06'),
      row('r4', 'K2', 'A', '2021-11-01', null),
      row('r5', 'K3', 'M', '2021-12-31', null),
      row('r6', 'K4', 'M', '2021-10-15', '2021-10-16'),
      row('r7', 'K5', 'M', '2021-09-20', '2021-10-01'),
      row('r8', 'K6', 'M', '2021-09-01', '2021-09-30'),
      row('r9', 'K6', 'M', '2022-01-01', null),
      row('r10', 'K7', 'M', '2021-11-01', '2021-12-31'),
      row('r11', 'K7', 'M', '2021-12-01', '2022-01-01'),
      row('r12', 'K9', 'M', '2021-05-01', '2021-05-02'),
    ],
  };
}

test('audit §2/§1.8 in-period: cohort, numerator, episodes, stillMissing and away, by hand', () => {
  const c = run(indicator, q3(), '2021-22-Q3', 'in-period');
  // Denominator K1, K2, K3, K5, K6, K7 = 6; numerator K1, K3, K5, K7 = 4 (value = the count).
  assert.equal(c.denominator, 6);
  assert.equal(c.numerator, 4);
  assert.equal(displayValue(indicator, c), 4);
  assert.deepEqual(c.extra, {
    awayChildren: 2, // K1, K2: never added to missing
    awayEpisodes: 2,
    awayStillMissing: 1, // K2's open row
    childrenWith3PlusEpisodes: 0,
    episodes: 5, // K1 1 (duplicate start counted once), K3 1, K5 1, K7 2
    percent: 66.7, // 4/6 rounded half up
    stillMissing: 2, // K3's open row, K7's row ending 2022-01-01
  });
  assert.deepEqual(
    c.notes.find((n) => n.code === 'missingOutsideCare'),
    {
      code: 'missingOutsideCare',
      count: 1,
      detail: 'Missing rows of children not looked after in the period',
    },
  );
});

test('audit --members: the cohort is the member list, the numerator its members with an M row', () => {
  const c = run(indicator, q3(), '2021-22-Q3', 'in-period');
  assert.deepEqual(
    c.members.map((m) => [m.childId, m.inNumerator, m.recordIds]),
    [
      ['K1', true, ['r1']],
      ['K2', false, []],
      ['K3', true, ['r5']],
      ['K5', true, ['r7']],
      ['K6', false, []],
      ['K7', true, ['r10', 'r11']],
    ],
  );
  assert.equal(c.members.length, c.denominator);
  assert.equal(c.members.filter((m) => m.inNumerator).length, c.numerator);
  assert.equal(
    c.members.find((m) => m.childId === 'K2')!.reason,
    'Looked after in the period; no missing episode; 1 away without authorisation',
  );
});

test('audit §1.1 ytd: [fy, e] brings in K4 (in care April–September), K6’s September row and K9', () => {
  const c = run(indicator, q3(), '2021-22-Q3', 'ytd');
  assert.equal(c.denominator, 8);
  assert.equal(c.numerator, 7); // all but K2
  assert.equal(c.extra!['episodes'], 8); // K1 1, K3 1, K4 1, K5 1, K6 1 (not the January row), K7 2, K9 1
  assert.equal(c.extra!['percent'], 87.5);
  assert.equal(
    c.notes.find((n) => n.code === 'missingOutsideCare'),
    undefined,
  );
});

test('audit §1.8: M and A are de-duplicated separately on child + MIS_START, never across kinds', () => {
  const data: LaDataset = {
    ...q3(),
    missingEpisodes: [
      row('a1', 'K1', 'A', '2021-10-05', '2021-10-06'),
      row('a2', 'K1', 'A', '2021-10-05', null), // same child and start, A: one away episode
      row('m1', 'K1', 'M', '2021-10-05', null), // same start, M: its own missing episode
      row('m2', 'K2', 'M', '2021-10-05', '2021-10-05'), // another child, same start: its own
    ],
  };
  const c = run(indicator, data, '2021-22-Q3', 'in-period');
  assert.equal(c.numerator, 2);
  assert.equal(c.extra!['episodes'], 2);
  assert.equal(c.extra!['stillMissing'], 1);
  assert.equal(c.extra!['awayChildren'], 1);
  assert.equal(c.extra!['awayEpisodes'], 1);
});

test('audit §1.5: excludeUasc removes a child UASC at e from both counts; DUC on e is no longer UASC', () => {
  const withUasc = (duc: string | null): LaDataset => ({
    ...q3(),
    tables: tablesOf('episodes', 'missing', 'header', 'uasc'),
    uasc: [
      { id: 'u1', childId: 'K7', dob: null, duc: duc === null ? null : isoDate(duc), source: TEST_SOURCE },
    ],
  });
  const excl = run(indicator, withUasc(null), '2021-22-Q3', 'in-period', { excludeUasc: true });
  assert.equal(excl.denominator, 5);
  assert.equal(excl.numerator, 3);
  assert.equal(excl.extra!['episodes'], 3);
  assert.deepEqual(
    excl.notes.find((n) => n.code === 'excludeUasc'),
    { code: 'excludeUasc', count: 1, detail: 'excluding UASC (1 removed)' },
  );
  const ducOnE = run(indicator, withUasc('2021-12-31'), '2021-22-Q3', 'in-period', { excludeUasc: true });
  assert.equal(ducOnE.denominator, 6);
  // Included by default whatever the UASC table says.
  assert.equal(run(indicator, withUasc(null), '2021-22-Q3', 'in-period').denominator, 6);
});

test('audit §1.7: percent is rounded half up in integer arithmetic (1 of 16 = 6.25 → 6.3); 0 looked after → null', () => {
  const ids = Array.from({ length: 16 }, (_, i) => `P${String(i).padStart(2, '0')}`);
  const data: LaDataset = {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'missing'),
    episodes: ids.map((id) => ep({ id: `E${id}`, childId: id, decom: '2021-01-01' })),
    missingEpisodes: [row('x', 'P00', 'M', '2021-11-11', '2021-11-12')],
  };
  const c = run(indicator, data, '2021-22-Q3', 'in-period');
  assert.equal(c.extra!['percent'], 6.3);
  const none = run(indicator, { ...data, episodes: [] }, '2021-22-Q3', 'in-period');
  assert.equal(none.denominator, 0);
  assert.equal(none.extra!['percent'], null);
  // A count indicator: 0 is a figure (value 0), not "no eligible cases".
  assert.equal(displayValue(indicator, none), 0);
});

test('audit §2/§1.8 decided reading: a child in the cohort counts for an M row on a day after they left care', () => {
  // K5 left care on 2 October (in the Q3 cohort); a Missing row dated in December, when K5 was no longer
  // looked after, still counts: the spec's numerator rule asks only that the child be in the denominator
  // and the row overlap the period (see the doc comment of cic-missing.ts).
  const data: LaDataset = { ...q3(), missingEpisodes: [row('late', 'K5', 'M', '2021-12-01', '2021-12-02')] };
  const c = run(indicator, data, '2021-22-Q3', 'in-period');
  assert.deepEqual(
    c.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['K5'],
  );
  assert.equal(
    c.notes.find((n) => n.code === 'missingOutsideCare'),
    undefined,
  );
});

test('audit §1.4 step 3: a period of care that starts and ends on the same day is no day looked after, on s or later', () => {
  // Looked after on d = DECOM ≤ d and (DEC blank or DEC > d): with DECOM = DEC = d the child is looked
  // after on no day at all, as K4 (ceased on s) is not looked after on s. Same-day periods on s and on
  // 10 November must therefore be treated alike: neither child is in the Q3 cohort.
  const data: LaDataset = {
    ...q3(),
    episodes: [
      ...q3().episodes,
      ep({ id: 'ES1', childId: 'S1', decom: '2021-10-01', dec: '2021-10-01', rec: 'E4A' }),
      ep({ id: 'ES2', childId: 'S2', decom: '2021-11-10', dec: '2021-11-10', rec: 'E4A' }),
    ],
    missingEpisodes: [...q3().missingEpisodes, row('s2', 'S2', 'M', '2021-11-10', '2021-11-10')],
  };
  const c = run(indicator, data, '2021-22-Q3', 'in-period');
  assert.deepEqual(
    c.members.map((m) => m.childId).filter((id) => id.startsWith('S')),
    [],
  );
  assert.equal(c.denominator, 6);
  assert.equal(c.numerator, 4);
});
