import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import { indicator } from './cic-placements-3plus.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';
import { isoDate } from '../calendar/iso-date.js';

// e = 2021-12-31, window [2021-01-01, 2021-12-31] (§1.1 rolling-12m).
const EPISODES = [
  // A: worked example E4 — placements A (episodes 1–3) and B: 2, not 3+.
  ep({ childId: 'A', decom: '2020-06-01', rne: 'S', place: 'U1', plPost: 'DL1 1AA', dec: '2021-03-10' }),
  ep({ childId: 'A', decom: '2021-03-10', rne: 'P', place: 'T1', plPost: null, dec: '2021-03-20' }),
  ep({ childId: 'A', decom: '2021-03-20', rne: 'P', place: 'U1', plPost: 'DL1 1AA', dec: '2021-08-02' }),
  ep({ childId: 'A', decom: '2021-08-02', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' }),
  // B: a placement open at w counts, then two more: 3.
  ep({ childId: 'B', decom: '2020-01-01', rne: 'S', dec: '2021-02-14' }),
  ep({ childId: 'B', decom: '2021-02-14', rne: 'P', plPost: 'DL2 2BB', dec: '2021-08-02' }),
  ep({ childId: 'B', decom: '2021-08-02', rne: 'P', plPost: 'DL3 3CC' }),
  // C: first placement ended on w itself (end > w fails): 2.
  ep({ childId: 'C', decom: '2020-01-01', rne: 'S', dec: '2021-01-01' }),
  ep({ childId: 'C', decom: '2021-01-01', rne: 'P', plPost: 'DL2 2BB', dec: '2021-06-01' }),
  ep({ childId: 'C', decom: '2021-06-01', rne: 'P', plPost: 'DL3 3CC' }),
  // D: as C but the first placement ended a day later, inside the window: 3.
  ep({ childId: 'D', decom: '2020-01-01', rne: 'S', dec: '2021-01-02' }),
  ep({ childId: 'D', decom: '2021-01-02', rne: 'P', plPost: 'DL2 2BB', dec: '2021-06-01' }),
  ep({ childId: 'D', decom: '2021-06-01', rne: 'P', plPost: 'DL3 3CC' }),
  // E: placements across two periods of care: 3.
  ep({ childId: 'E', decom: '2021-02-01', rne: 'S', dec: '2021-03-01', rec: 'E11' }),
  ep({ childId: 'E', decom: '2021-05-01', rne: 'S', dec: '2021-07-01' }),
  ep({ childId: 'E', decom: '2021-07-01', rne: 'P', plPost: 'DL3 3CC' }),
  // F: temporary episode followed by a different carer starts a new placement (§1.8): 3.
  ep({ childId: 'F', decom: '2020-01-01', rne: 'S', place: 'U1', plPost: 'DL1 1AA', dec: '2021-03-10' }),
  ep({ childId: 'F', decom: '2021-03-10', rne: 'P', place: 'T1', plPost: null, dec: '2021-03-20' }),
  ep({ childId: 'F', decom: '2021-03-20', rne: 'P', place: 'U4', plPost: 'DL3 6QQ', dec: '2021-09-01' }),
  ep({ childId: 'F', decom: '2021-09-01', rne: 'P', place: 'U4', plPost: 'DL4 4DD' }),
  // G: the third placement starts after e: 2.
  ep({ childId: 'G', decom: '2020-01-01', rne: 'S', dec: '2021-06-01' }),
  ep({ childId: 'G', decom: '2021-06-01', rne: 'P', plPost: 'DL2 2BB', dec: '2022-01-15' }),
  ep({ childId: 'G', decom: '2022-01-15', rne: 'P', plPost: 'DL3 3CC' }),
  // H: L, T and U episodes continue the placement: 1.
  ep({ childId: 'H', decom: '2020-01-01', rne: 'S', dec: '2021-02-01' }),
  ep({ childId: 'H', decom: '2021-02-01', rne: 'L', ls: 'C1', dec: '2021-04-01' }),
  ep({ childId: 'H', decom: '2021-04-01', rne: 'T', dec: '2021-05-01' }),
  ep({ childId: 'H', decom: '2021-05-01', rne: 'U', place: 'U2' }),
];

function dataset(extra: Partial<LaDataset> = {}): LaDataset {
  return {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'uasc'),
    historyStart: { cin: null, ssda903: isoDate('2019-04-01') },
    children: [...new Set(EPISODES.map((e) => e.childId))].map((id) => childOf(id, '2010-01-01')),
    episodes: EPISODES,
    ...extra,
  };
}

const ctx = contextOf('2021-22-Q3', 'snapshot');

test('E4: two placements (a T1 hospital stay and the same-carer return are not placements)', () => {
  const r = indicator.compute(inputOf(dataset()), ctx);
  const a = r.members.find((m) => m.childId === 'A')!;
  assert.equal(a.inNumerator, false);
  assert.equal(a.reason, '2 placements since 01/01/2021: 01/06/2020, 02/08/2021');
});

test('placements open in [w, e] across periods of care; end on w does not count', () => {
  const r = indicator.compute(inputOf(dataset()), ctx);
  assert.equal(r.denominator, 8);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['B', 'D', 'E', 'F'],
  );
  assert.equal(r.numerator, 4);
  assert.equal(
    r.members.find((m) => m.childId === 'B')?.reason,
    '3 placements since 01/01/2021: 01/01/2020, 14/02/2021, 02/08/2021',
  );
  assert.equal(r.members.find((m) => m.childId === 'H')?.reason, '1 placement since 01/01/2021: 01/01/2020');
  const three = r.breakdowns?.placementCount.find((b) => b.key === '3');
  assert.deepEqual(three, { key: '3', label: '3 placements', numerator: 4, denominator: 8, value: 50 });
});

test('historyIncomplete when SSDA903 history begins after w', () => {
  const r = indicator.compute(
    inputOf(dataset({ historyStart: { cin: null, ssda903: isoDate('2021-04-01') } })),
    ctx,
  );
  assert.ok(r.notes.some((n) => n.code === 'historyIncomplete'));
  assert.ok(!indicator.compute(inputOf(dataset()), ctx).notes.some((n) => n.code === 'historyIncomplete'));
});

test('excludeUasc and zero denominator', () => {
  const d = dataset({ uasc: [{ id: 'u', childId: 'B', dob: null, duc: null, source: TEST_SOURCE }] });
  const r = indicator.compute(inputOf(d), contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true }));
  assert.equal(r.denominator, 7);
  assert.equal(r.numerator, 3);
  const empty = indicator.compute(inputOf(dataset({ episodes: [] })), ctx);
  assert.equal(empty.denominator, 0);
  assert.equal(empty.numerator, 0);
});
