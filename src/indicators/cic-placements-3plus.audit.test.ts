import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { parsePeriod } from '../calendar/period.js';
import { episodeFixture as ep, type EpisodeFixtureFields } from '../model/episode-fixture.js';
import type { LaDataset } from '../model/la-dataset.js';
import { indicator } from './cic-placements-3plus.js';
import { runIndicator } from './engine/run-indicator.js';
import { buildIndicatorInput } from './input.js';
import { noteWords } from '../report/model/note-text.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { dataset, run } from './lib/test-fixtures.js';
import { childOf, TEST_SOURCE } from './lib/test-input.js';

// Audit (indicators.md §2 cic-placements-3plus; §1.4 placements, §1.5 short breaks, §1.8 placement edge
// cases; inputs.md §2.3). Hand-worked at e = 2021-12-31 (2021-22-Q3), window [w, e] = [2021-01-01,
// 2021-12-31] (§1.1 rolling-12m) unless stated. Numerator: at least 3 placements with start ≤ e and (end
// blank or end > w), across all the child's periods of care. Every case runs through the engine.

function data(episodes: readonly EpisodeFixtureFields[], more: Partial<LaDataset> = {}): LaDataset {
  const eps = episodes.map((f) => ep(f));
  return dataset(['episodes', 'uasc'], {
    historyStart: { cin: null, ssda903: isoDate('2019-04-01') },
    children: [...new Set(eps.map((e) => e.childId))].map((id) => childOf(id, '2010-01-01')),
    episodes: eps,
    ...more,
  });
}

function member(r: ReturnType<typeof run>, childId: string) {
  return r.members.find((m) => m.childId === childId);
}

// Boundaries at e. A: placements from 2020-05-01 and 2021-06-01, and a third (new carer, RNE P) starting
// on e itself: start ≤ e, so 3 and in the numerator. B: the same, but the episode starting on e is a T1
// hospital stay, which is no placement (§1.4 step 5): 2. C: three placements but ceases (E4A) on e: not
// looked after at e (§1.4 step 3), so in neither figure. Result 1 of 2.
test('audit: a third placement starting on e counts; a temporary episode starting on e does not; a child ceasing on e is out', () => {
  const r = run(
    indicator,
    data([
      { childId: 'A', decom: '2020-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2021-06-01' },
      { childId: 'A', decom: '2021-06-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-12-31' },
      { childId: 'A', decom: '2021-12-31', rne: 'P', plPost: 'DL3 3CC' },
      { childId: 'B', decom: '2020-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2021-06-01' },
      { childId: 'B', decom: '2021-06-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-12-31' },
      { childId: 'B', decom: '2021-12-31', rne: 'P', place: 'T1', plPost: null },
      { childId: 'C', decom: '2020-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2021-03-01' },
      { childId: 'C', decom: '2021-03-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-06-01' },
      { childId: 'C', decom: '2021-06-01', rne: 'P', plPost: 'DL3 3CC', dec: '2021-12-31', rec: 'E4A' },
    ]),
    '2021-22-Q3',
  );
  assert.deepEqual([r.numerator, r.denominator], [1, 2]);
  assert.equal(member(r, 'A')?.reason, '3 placements since 01/01/2021: 01/05/2020, 01/06/2021, 31/12/2021');
  assert.equal(member(r, 'B')?.reason, '2 placements since 01/01/2021: 01/05/2020, 01/06/2021');
  assert.equal(member(r, 'C'), undefined);
});

// What counts as a placement (§1.4 step 4): RNE P and B start one; L (legal status only), T and U (same
// carer) continue it, whatever else the episode changes.
// L: S, L (C1 → C2), P, L, L: 2 placements. The LS changes are not moves.
// M: S, B (legal status, placement and carer change), U (placement change, same carer), P: 3.
// N: S, T (new PLACE and postcode but RNE T, same carer), U, L: 1.
// O: RNE S inside an X1 chain (§1.8, a warning at import): continues the placement: 1, and it is not an
// episodeChainErrors anomaly. Result 1 of 4 (M).
test('audit: legal-status-only (L) and same-carer (T, U) episodes are not new placements; P and B are', () => {
  const r = run(
    indicator,
    data([
      { childId: 'L', decom: '2020-05-01', rne: 'S', ls: 'C1', dec: '2021-02-01' },
      { childId: 'L', decom: '2021-02-01', rne: 'L', ls: 'C2', dec: '2021-04-01' },
      { childId: 'L', decom: '2021-04-01', rne: 'P', ls: 'C2', plPost: 'DL2 2BB', dec: '2021-07-01' },
      { childId: 'L', decom: '2021-07-01', rne: 'L', ls: 'E1', plPost: 'DL2 2BB', dec: '2021-10-01' },
      { childId: 'L', decom: '2021-10-01', rne: 'L', ls: 'C2', plPost: 'DL2 2BB' },
      { childId: 'M', decom: '2020-05-01', rne: 'S', ls: 'V2', dec: '2021-02-01' },
      { childId: 'M', decom: '2021-02-01', rne: 'B', ls: 'C2', plPost: 'DL2 2BB', dec: '2021-04-01' },
      {
        childId: 'M',
        decom: '2021-04-01',
        rne: 'U',
        ls: 'C2',
        place: 'U4',
        plPost: 'DL2 2BB',
        dec: '2021-07-01',
      },
      { childId: 'M', decom: '2021-07-01', rne: 'P', place: 'K2', plPost: 'DL3 3CC' },
      { childId: 'N', decom: '2020-05-01', rne: 'S', dec: '2021-02-01' },
      { childId: 'N', decom: '2021-02-01', rne: 'T', place: 'U2', plPost: 'DL5 5EE', dec: '2021-04-01' },
      {
        childId: 'N',
        decom: '2021-04-01',
        rne: 'U',
        ls: 'C1',
        place: 'U3',
        plPost: 'DL5 5EE',
        dec: '2021-07-01',
      },
      { childId: 'N', decom: '2021-07-01', rne: 'L', ls: 'C2', place: 'U3', plPost: 'DL5 5EE' },
      { childId: 'O', decom: '2020-05-01', rne: 'S', dec: '2021-03-01' },
      { childId: 'O', decom: '2021-03-01', rne: 'S', ls: 'C1' },
    ]),
    '2021-22-Q3',
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.recordIds.length, m.inNumerator]),
    [
      ['L', 2, false],
      ['M', 3, true],
      ['N', 1, false],
      ['O', 1, false],
    ],
  );
  assert.deepEqual([r.numerator, r.denominator], [1, 4]);
  assert.equal(
    r.notes.find((n) => n.code === 'episodeChainErrors'),
    undefined,
  );
});

// Temporary placements and "same carer" (§1.4 step 5, §1.8). Every child: carer 1 (U1, DL1 1AA) from
// 2020-05-01, then:
// P: T1 then T3 (consecutive temporary episodes), back to carer 1 (RNE P): 1 placement.
// Q: T1, then carer 2 (U4, DL3 6QQ): the return to a different carer starts a new placement, whatever
//    its RNE (here L): 2.
// R: carer 1 gives URN SC111111; after a T2 the return gives XXXXXXX (the placeholder for no URN, so not
//    given): same carer, 1.
// S: as R, but the return gives URN SC222222: both give a URN and they differ, a different carer: 2,
//    then a move (RNE P) to carer 3: 3, in the numerator.
// T: a period of care that starts with a temporary episode (T1) continues into carer 1 as one placement;
//    then carer 2: 2.
// Result 1 of 5 (S).
test('audit: temporary episodes and returns to the same carer (PLACE, PL_POST, URN where both give one) are not placements', () => {
  const carer1 = { place: 'U1', plPost: 'DL1 1AA' };
  const r = run(
    indicator,
    data([
      { childId: 'P', decom: '2020-05-01', rne: 'S', ...carer1, dec: '2021-03-01' },
      { childId: 'P', decom: '2021-03-01', rne: 'P', place: 'T1', plPost: null, dec: '2021-03-05' },
      { childId: 'P', decom: '2021-03-05', rne: 'P', place: 'T3', plPost: null, dec: '2021-03-12' },
      { childId: 'P', decom: '2021-03-12', rne: 'P', ...carer1 },
      { childId: 'Q', decom: '2020-05-01', rne: 'S', ...carer1, dec: '2021-03-01' },
      { childId: 'Q', decom: '2021-03-01', rne: 'P', place: 'T1', plPost: null, dec: '2021-03-05' },
      { childId: 'Q', decom: '2021-03-05', rne: 'L', place: 'U4', plPost: 'DL3 6QQ' },
      { childId: 'R', decom: '2020-05-01', rne: 'S', ...carer1, urn: 'SC111111', dec: '2021-03-01' },
      { childId: 'R', decom: '2021-03-01', rne: 'P', place: 'T2', plPost: null, dec: '2021-03-05' },
      { childId: 'R', decom: '2021-03-05', rne: 'P', ...carer1, urn: 'XXXXXXX' },
      { childId: 'S', decom: '2020-05-01', rne: 'S', ...carer1, urn: 'SC111111', dec: '2021-03-01' },
      { childId: 'S', decom: '2021-03-01', rne: 'P', place: 'T2', plPost: null, dec: '2021-03-05' },
      { childId: 'S', decom: '2021-03-05', rne: 'P', ...carer1, urn: 'SC222222', dec: '2021-09-01' },
      { childId: 'S', decom: '2021-09-01', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' },
      { childId: 'T', decom: '2021-02-01', rne: 'S', place: 'T1', plPost: null, dec: '2021-02-10' },
      { childId: 'T', decom: '2021-02-10', rne: 'P', ...carer1, dec: '2021-06-01' },
      { childId: 'T', decom: '2021-06-01', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' },
    ]),
    '2021-22-Q3',
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.reason]),
    [
      ['P', '1 placement since 01/01/2021: 01/05/2020'],
      ['Q', '2 placements since 01/01/2021: 01/05/2020, 05/03/2021'],
      ['R', '1 placement since 01/01/2021: 01/05/2020'],
      ['S', '3 placements since 01/01/2021: 01/05/2020, 05/03/2021, 01/09/2021'],
      ['T', '2 placements since 01/01/2021: 01/02/2021, 01/06/2021'],
    ],
  );
  assert.deepEqual([r.numerator, r.denominator], [1, 5]);
});

// Short breaks (§1.4 step 1, §1.5): V3/V4 episodes are removed before anything else. U: a short-break
// episode in the window, then two C2 placements: 2 (counting the short break would give 3). V: looked
// after at e only under V4: not a child in care, in neither figure. Result 0 of 1.
test('audit: short breaks are neither placements nor children in care', () => {
  const r = run(
    indicator,
    data([
      { childId: 'U', decom: '2021-02-01', rne: 'S', ls: 'V3', dec: '2021-02-05', rec: 'E4A' },
      { childId: 'U', decom: '2021-03-01', rne: 'S', ls: 'C2', plPost: 'DL2 2BB', dec: '2021-06-01' },
      { childId: 'U', decom: '2021-06-01', rne: 'P', ls: 'C2', plPost: 'DL3 3CC' },
      { childId: 'V', decom: '2021-01-10', rne: 'S', ls: 'V4', plPost: 'DL2 2BB', dec: '2021-04-01' },
      { childId: 'V', decom: '2021-04-01', rne: 'P', ls: 'V4', plPost: 'DL3 3CC', dec: '2021-08-01' },
      { childId: 'V', decom: '2021-08-01', rne: 'P', ls: 'V4', plPost: 'DL4 4DD' },
    ]),
    '2021-22-Q3',
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.recordIds.length]),
    [['U', 2]],
  );
  assert.deepEqual([r.numerator, r.denominator], [0, 1]);
});

// Window edges at a Q1 end: e = 2021-06-30, w = 2021-06-30 − 12 months + 1 day = 2020-07-01.
// W: a placement ending on w itself (end > w fails), then two: 2. X: the same ending a day later: 3.
// Y: an earlier period of care ended (E4A) 2020-06-30, before w; a new period from 2020-09-01 with two
// placements: 2 (the earlier period's placement closed before the window). Z: an earlier period ended
// inside the window with one placement, and the current one has two: 3 (all periods of care count).
// Result 2 of 4.
test('audit: rolling window edges at a Q1 end, across periods of care', () => {
  const r = run(
    indicator,
    data([
      { childId: 'W', decom: '2019-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2020-07-01' },
      { childId: 'W', decom: '2020-07-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-01-01' },
      { childId: 'W', decom: '2021-01-01', rne: 'P', plPost: 'DL3 3CC' },
      { childId: 'X', decom: '2019-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2020-07-02' },
      { childId: 'X', decom: '2020-07-02', rne: 'P', plPost: 'DL2 2BB', dec: '2021-01-01' },
      { childId: 'X', decom: '2021-01-01', rne: 'P', plPost: 'DL3 3CC' },
      { childId: 'Y', decom: '2019-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2020-06-30', rec: 'E4A' },
      { childId: 'Y', decom: '2020-09-01', rne: 'S', plPost: 'DL2 2BB', dec: '2021-01-01' },
      { childId: 'Y', decom: '2021-01-01', rne: 'P', plPost: 'DL3 3CC' },
      { childId: 'Z', decom: '2019-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2020-07-02', rec: 'E4A' },
      { childId: 'Z', decom: '2020-09-01', rne: 'S', plPost: 'DL2 2BB', dec: '2021-01-01' },
      { childId: 'Z', decom: '2021-01-01', rne: 'P', plPost: 'DL3 3CC' },
    ]),
    '2021-22-Q1',
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.recordIds.length, m.inNumerator]),
    [
      ['W', 2, false],
      ['X', 3, true],
      ['Y', 2, false],
      ['Z', 3, true],
    ],
  );
  assert.deepEqual([r.numerator, r.denominator], [2, 4]);
  assert.equal(member(r, 'W')?.reason, '2 placements since 01/07/2020: 01/07/2020, 01/01/2021');
});

// Members (`cspi indicators --members`): one row per child in the denominator, the Y rows the numerator,
// each naming the first episode of every counted placement and its start; the figures-only run (trend,
// comparisons) gives the same numerator and denominator. Under excludeUasc a child whose DUC is e itself
// is no longer UASC on e (§1.5 "DUC is blank or later than the date") and stays; one with DUC after e
// leaves (note excludeUasc, 1 removed).
test('audit: the member list is the denominator, its Y rows the numerator; figures-only runs agree; UASC on e', () => {
  const d = data(
    [
      { id: 'a1', childId: 'A', decom: '2020-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2021-03-01' },
      { id: 'a2', childId: 'A', decom: '2021-03-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-06-01' },
      { id: 'a3', childId: 'A', decom: '2021-06-01', rne: 'L', plPost: 'DL2 2BB', dec: '2021-07-01' },
      { id: 'a4', childId: 'A', decom: '2021-07-01', rne: 'P', plPost: 'DL3 3CC' },
      { id: 'b1', childId: 'B', decom: '2020-05-01', rne: 'S', plPost: 'DL1 1AA', dec: '2021-03-01' },
      { id: 'b2', childId: 'B', decom: '2021-03-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-06-01' },
      { id: 'b3', childId: 'B', decom: '2021-06-01', rne: 'P', plPost: 'DL3 3CC' },
      { id: 'c1', childId: 'C', decom: '2020-05-01', rne: 'S', plPost: 'DL1 1AA' },
    ],
    {
      uasc: [
        { id: 'u1', childId: 'B', dob: null, duc: isoDate('2021-12-31'), source: TEST_SOURCE },
        { id: 'u2', childId: 'C', dob: null, duc: isoDate('2022-01-01'), source: TEST_SOURCE },
      ],
    },
  );
  const r = run(indicator, d, '2021-22-Q3');
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator, m.recordIds.join(',')]),
    [
      ['A', true, 'a1,a2,a4'],
      ['B', true, 'b1,b2,b3'],
      ['C', false, 'c1'],
    ],
  );
  assert.deepEqual(member(r, 'A')?.dates, {
    placement1Start: '2020-05-01',
    placement2Start: '2021-03-01',
    placement3Start: '2021-07-01',
  });
  assert.equal(r.denominator, r.members.length);
  assert.equal(r.numerator, r.members.filter((m) => m.inNumerator).length);
  const figures = runIndicator(
    indicator,
    buildIndicatorInput(d),
    parsePeriod('2021-22-Q3'),
    'snapshot',
    DEFAULT_SETTINGS,
    { members: false },
  );
  assert.deepEqual([figures.numerator, figures.denominator, figures.members.length], [2, 3, 0]);
  const noUasc = run(indicator, d, '2021-22-Q3', 'snapshot', { excludeUasc: true });
  assert.deepEqual([noUasc.numerator, noUasc.denominator], [2, 2]);
  assert.equal(noUasc.notes.find((n) => n.code === 'excludeUasc')?.count, 1);
});

// Bug (fixed, wording): §1.4 step 2 "An X1 episode with no episode starting on its DEC ends the period of
// care there … Both anomalies add to the note episodeChainErrors": the note counts anomalies, and one gap
// is two (the X1 with nothing after it, and the non-S episode that starts a new period). G has one gap
// (X1 on 2021-02-01, next episode 2021-02-10): its placements are 2020-05-01 and 2021-02-10 (a new period
// of care, so a new placement), 2 in the window; the note counts 2 while only one child is affected. The
// data notes read "2 children have SSDA903 episodes that do not chain"; they now say what is counted.
test('audit: episodeChainErrors counts anomalies, and the data notes say so', () => {
  const r = run(
    indicator,
    data([
      { childId: 'G', decom: '2020-05-01', rne: 'S', dec: '2021-02-01', rec: 'X1' },
      { childId: 'G', decom: '2021-02-10', rne: 'L' },
    ]),
    '2021-22-Q3',
  );
  assert.equal(member(r, 'G')?.reason, '2 placements since 01/01/2021: 01/05/2020, 10/02/2021');
  const note = r.notes.find((n) => n.code === 'episodeChainErrors')!;
  assert.equal(note.count, 2);
  assert.equal(
    noteWords(note, null, false, 5).text,
    '2 SSDA903 episode-chain anomalies (gaps or overlaps between episodes); the care history is read as recorded',
  );
});
