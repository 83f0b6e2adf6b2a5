import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveCareHistory } from './derive-care-history.js';
import { currentPlacementOn, periodOfCareOn } from './care-queries.js';
import { episodeFixture as ep } from './episode-fixture.js';
import { isoDate } from '../calendar/iso-date.js';

// Audit (inputs.md §6): "903-EP-OVERLAP | warning · 501, 142 | starts before the previous ends →
// previous ends here"; "903-EP-RECDEC | … | DEC alone → X1 if an episode starts on DEC".
test('audit: an episode overlapped by the next ends where the next starts; open ones read X1', () => {
  const h = deriveCareHistory('O', [
    ep({ id: 'a', childId: 'O', decom: '2019-01-01', rne: 'S', plPost: 'DL1 1AA' }),
    ep({ id: 'b', childId: 'O', decom: '2021-06-01', rne: 'P', plPost: 'DL3 6QQ' }),
  ]);
  assert.deepEqual(
    h.periodsOfCare.map((p) => [p.start, p.end]),
    [['2019-01-01', null]],
  );
  assert.deepEqual(
    h.placements.map((p) => [p.start, p.end]),
    [
      ['2019-01-01', '2021-06-01'],
      ['2021-06-01', null],
    ],
  );
  assert.equal(currentPlacementOn(h, isoDate('2021-12-31'))?.start, '2021-06-01');
  assert.deepEqual(
    h.issues.map((i) => [i.episodeId, i.kind]),
    [['b', 'overlap']],
  );
});

test('audit: an episode with a later DEC keeps its REC when the next one starts inside it', () => {
  const h = deriveCareHistory('Q', [
    ep({ id: 'a', childId: 'Q', decom: '2019-01-01', dec: '2021-09-01', rec: 'E11', plPost: 'DL1 1AA' }),
    ep({ id: 'b', childId: 'Q', decom: '2021-06-01', rne: 'S', plPost: 'DL3 6QQ' }),
  ]);
  assert.deepEqual(
    h.periodsOfCare.map((p) => [p.start, p.end]),
    [
      ['2019-01-01', '2021-06-01'],
      ['2021-06-01', null],
    ],
  );
  assert.equal(periodOfCareOn(h, isoDate('2021-07-01'))?.start, '2021-06-01');
});
