import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import { emptyDataset } from '../model/la-dataset.js';
import { indicator } from './cic-long-term-stability.js';
import { childOf, contextOf, inputOf, tablesOf } from './lib/test-input.js';

// Audit (indicators.md cic-long-term-stability; inputs.md §6 row rules):
//   "903-EP-OVERLAP | warning · 501, 142 | starts before the previous ends → previous ends here".
// Child O, aged 11 at e = 2021-12-31: placed with carer A (U1, DL1 1AA) from 2019-01-01, an episode the
// LA never closed (DEC blank), then moved to carer B (U4, DL3 6QQ, RNE P) on 2021-06-01. The first
// episode therefore ends on 2021-06-01 and the current placement started on 2021-06-01, after
// e − 24 months = 2019-12-31: O is not in the numerator (whether or not the period of care is read as
// continuing, O is at most in the denominator).
test('audit: an overlapped open episode ends where the next one starts (903-EP-OVERLAP), so it is not the current placement', () => {
  const episodes = [
    ep({ childId: 'O', decom: '2019-01-01', rne: 'S', place: 'U1', plPost: 'DL1 1AA' }),
    ep({ childId: 'O', decom: '2021-06-01', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' }),
  ];
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes'),
    episodes,
    children: [childOf('O', '2010-01-01')],
  };
  const r = indicator.compute(inputOf(data), contextOf('2021-22-Q3', 'snapshot'));
  const o = r.members.find((m) => m.childId === 'O');
  assert.notEqual(o?.inNumerator, true, o?.reason);
  if (o) assert.equal(o.dates['placementStart'], '2021-06-01');
  assert.equal(r.numerator, 0);
});
