import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture } from '../model/episode-fixture.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import { indicator, ratePer10k } from './cic-count.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

function dataset(extra: Partial<LaDataset> = {}): LaDataset {
  return {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'uasc', 'population'),
    children: ['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => childOf(id, '2010-05-05')),
    episodes: [
      // C1: in care throughout.
      episodeFixture({ childId: 'C1', decom: '2020-06-01' }),
      // C2: ceases on e, so not looked after at e (§1.4 step 3).
      episodeFixture({ childId: 'C2', decom: '2020-01-01', dec: '2021-12-31', rec: 'E11' }),
      // C3: short breaks only, not a child in care (§1.5).
      episodeFixture({ childId: 'C3', decom: '2020-01-01', ls: 'V3' }),
      // C4: UASC, in care from 2021-05-01.
      episodeFixture({ childId: 'C4', decom: '2021-05-01' }),
      // C5: starts on e, so looked after at the end of e.
      episodeFixture({ childId: 'C5', decom: '2021-12-31' }),
    ],
    uasc: [{ id: 'u1', childId: 'C4', dob: null, duc: null, source: TEST_SOURCE }],
    population: [
      { year: '2020-21', laCode: '841', aged0to17: 10_000 },
      { year: '2021-22', laCode: '841', aged0to17: 60_000 },
      { year: '2022-23', laCode: '841', aged0to17: 1 },
      { year: '2021-22', laCode: '999', aged0to17: 5 },
    ],
    ...extra,
  };
}

test('counts children looked after at e: ceasing on e, short breaks only are not counted', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'snapshot'));
  assert.equal(r.status, 'ok');
  assert.equal(r.numerator, 3);
  assert.equal(r.denominator, null);
  assert.deepEqual(
    r.members.map((m) => m.childId),
    ['C1', 'C4', 'C5'],
  );
  assert.ok(r.members.every((m) => m.inNumerator));
  // UASC are included by default: no exclusion note.
  assert.equal(
    r.notes.find((n) => n.code === 'excludeUasc'),
    undefined,
  );
});

test('countYearAgo is the count at e − 12 months', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'snapshot'));
  // At 2020-12-31: C1 and C2 (C2 ceased a year later); C4 and C5 had not started.
  assert.equal(r.extra?.countYearAgo, 2);
});

test('rate per 10,000 uses the latest population year ≤ the year of e, for this LA, rounded half up', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'snapshot'));
  // 3 × 10,000 / 60,000 = 0.5 → 1.
  assert.equal(r.extra?.rate, 1);
  assert.equal(r.extra?.population, 60_000);
  assert.equal(ratePer10k(271, 38_700), 70);
  assert.equal(ratePer10k(1, 40_000), 0);
  // Without a 2021-22 row the 2020-21 one is used.
  const older = indicator.compute(
    inputOf(dataset({ population: [{ year: '2020-21', laCode: '841', aged0to17: 10_000 }] })),
    contextOf('2021-22-Q3', 'snapshot'),
  );
  assert.equal(older.extra?.rate, 3);
});

test('rate is null without population, with a note', () => {
  const d = dataset({ population: [], tables: tablesOf('episodes') });
  const r = indicator.compute(inputOf(d), contextOf('2021-22-Q3', 'snapshot'));
  assert.equal(r.extra?.rate, null);
  assert.equal(r.numerator, 3);
  assert.ok(r.notes.some((n) => n.code === 'noPopulation'));
});

test('excludeUasc removes children who are UASC on e and says so', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true }));
  assert.equal(r.numerator, 2);
  assert.deepEqual(
    r.notes.find((n) => n.code === 'excludeUasc'),
    { code: 'excludeUasc', count: 1, detail: 'excluding UASC (1 removed)' },
  );
  // A DUC on or before e means no longer UASC: included again.
  const ceased = dataset({
    uasc: [{ id: 'u1', childId: 'C4', dob: null, duc: isoDate('2021-12-31'), source: TEST_SOURCE }],
  });
  const r2 = indicator.compute(inputOf(ceased), contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true }));
  assert.equal(r2.numerator, 3);
});

test('age band breakdown counts children', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'snapshot'));
  const band = r.breakdowns?.ageBand.find((b) => b.key === '10-15');
  assert.deepEqual(band, { key: '10-15', label: '10 to 15', numerator: 3, denominator: null, value: 3 });
});

test('not available without SSDA903 episodes', () => {
  const r = indicator.compute(
    inputOf({ ...dataset(), tables: tablesOf('header') }),
    contextOf('2021-22-Q3', 'snapshot'),
  );
  assert.equal(r.status, 'not-available');
  assert.deepEqual(r.missing, ['the SSDA903 episodes table']);
});

test('episode-chain anomalies of counted children are noted; RNE S inside an X1 chain is not one', () => {
  const d = dataset({
    episodes: [
      // X1 with a gap before the next episode: the period ends, the next starts a new one (2 anomalies).
      episodeFixture({ childId: 'C1', decom: '2020-06-01', dec: '2021-01-01', rec: 'X1' }),
      episodeFixture({ childId: 'C1', decom: '2021-02-01', rne: 'P' }),
      // RNE S continuing an X1 chain: an import warning only.
      episodeFixture({ childId: 'C5', decom: '2020-06-01', dec: '2021-01-01', rec: 'X1' }),
      episodeFixture({ childId: 'C5', decom: '2021-01-01', rne: 'S' }),
    ],
  });
  const r = indicator.compute(inputOf(d), contextOf('2021-22-Q3', 'snapshot'));
  assert.equal(r.numerator, 2);
  assert.deepEqual(
    r.notes.find((n) => n.code === 'episodeChainErrors'),
    { code: 'episodeChainErrors', count: 2 },
  );
});
