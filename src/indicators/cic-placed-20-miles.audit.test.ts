import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture } from '../model/episode-fixture.js';
import { emptyDataset } from '../model/la-dataset.js';
import type { Postcode } from '../model/local.js';
import { indicator } from './cic-placed-20-miles.js';
import { childOf, contextOf, inputOf, tablesOf } from './lib/test-input.js';

const POSTCODES: Postcode[] = [
  { pcd: 'DL12BB', easting: 400_000, northing: 500_000, laua: 'E06000005' }, // home
  { pcd: 'DL11AA', easting: 400_000, northing: 501_000, laua: 'E06000005' }, // 0.6 miles
  { pcd: 'NE11AA', easting: 400_000, northing: 560_000, laua: 'E08000021' }, // 37.3 miles
];

// Audit (indicators.md §1.8 Distance: "the current placement's PL_POST is used"; inputs.md §6:
//   "903-EP-OVERLAP | warning · 501, 142 | starts before the previous ends → previous ends here").
// Child P (home DL1 2BB) was placed in NE1 1AA (37.3 miles) from 2020-01-01 in an episode never closed
// (DEC blank), then moved (RNE P) to DL1 1AA (0.6 miles) on 2021-06-01. The first episode ends on
// 2021-06-01, so at e = 2021-12-31 the current placement is DL1 1AA: 0.6 miles, not in the numerator.
test('audit: an overlapped open episode is not the current placement for distance (903-EP-OVERLAP)', () => {
  const episodes = [
    episodeFixture({ childId: 'P', decom: '2020-01-01', rne: 'S', plPost: 'NE1 1AA' }),
    episodeFixture({ childId: 'P', decom: '2021-06-01', rne: 'P', plPost: 'DL1 1AA' }),
  ];
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'postcodes'),
    episodes,
    postcodes: POSTCODES,
    children: [childOf('P', '2010-01-01')],
  };
  const r = indicator.compute(inputOf(data), contextOf('2021-22-Q3', 'snapshot'));
  assert.equal(r.denominator, 1);
  const p = r.members.find((m) => m.childId === 'P')!;
  assert.equal(p.reason, 'Placed 0.6 miles from home (postcodes)');
  assert.equal(r.numerator, 0);
});

// Audit (indicators.md cic-placed-20-miles: "`distance.outsideLaOnly` (the DfE definition)", England
// "more than 20 miles and outside the LA boundary"; inputs.md §2.4.4 "PL_LA / PL_LOCATION (IN/OUT) from
// the placement laua via the bundled lower→upper-tier lookup"): "outside" is outside the responsible
// LA (841 Darlington, E06000005), not outside the local authority of the child's home postcode.
// Child H lived in County Durham (HOME_POST DH1 1AA, E06000047) and is placed in Darlington (DL2 2BB,
// E06000005) 25.0 miles away: inside the LA, so not counted. Child I lived in Darlington and is placed
// in County Durham (DH1 1AA) 50.0 miles away: counted. DfE definition: 1/2 = 50.0% (comparing with the
// home postcode's LA instead would count H too, 2/2). The code takes the LA's ONS code from its DfE number
// and the placement district's upper-tier LA from the shipped lookup (cic-placed-20-miles.ts).
test('audit: distance.outsideLaOnly compares the placement with the responsible LA, not the home postcode', () => {
  const postcodes: Postcode[] = [
    { pcd: 'DH11AA', easting: 400_000, northing: 500_000, laua: 'E06000047' },
    { pcd: 'DL22BB', easting: 400_000, northing: 540_233, laua: 'E06000005' }, // 25.0 miles from DH1 1AA
    { pcd: 'DL12BB', easting: 400_000, northing: 580_466, laua: 'E06000005' }, // 50.0 miles from DH1 1AA
  ];
  const episodes = [
    { ...episodeFixture({ childId: 'H', decom: '2021-01-01' }), homePost: 'DH1 1AA', plPost: 'DL2 2BB' },
    { ...episodeFixture({ childId: 'I', decom: '2021-01-01' }), homePost: 'DL1 2BB', plPost: 'DH1 1AA' },
  ];
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'postcodes'),
    episodes,
    postcodes,
    children: [childOf('H', '2010-01-01'), childOf('I', '2010-01-01')],
  };
  const ctx = contextOf('2021-22-Q3', 'snapshot', {
    variants: { 'distance.outsideLaOnly': true },
  });
  const r = indicator.compute(inputOf(data), ctx);
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['H', false],
      ['I', true],
    ],
  );
});
