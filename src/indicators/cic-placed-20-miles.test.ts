import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture } from '../model/episode-fixture.js';
import type { Episode } from '../model/episode.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import type { Postcode } from '../model/local.js';
import { indicator, outsideLa } from './cic-placed-20-miles.js';
import { placementDistance, postcodeIndex, roundToTenths, tenthsBetween } from './lib/distance.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

// Home DL1 2BB at the origin. 20.05 miles = 32,266.465 m (1 mile = 1,609.3 m in the SSDA903 formula).
const POSTCODES: Postcode[] = [
  { pcd: 'DL12BB', easting: 400_000, northing: 500_000, laua: 'E06000005' },
  { pcd: 'DL22BB', easting: 400_000, northing: 532_267, laua: 'E06000005' }, // 20.0503 → 20.1
  { pcd: 'DL33CC', easting: 400_000, northing: 532_186, laua: 'E06000047' }, // exactly 20.0
  { pcd: 'DL44DD', easting: 400_000, northing: 532_266, laua: 'E06000047' }, // 20.0497 → 20.0
  { pcd: 'NE11AA', easting: 400_000, northing: 560_000, laua: 'E08000021' }, // 37.3
  { pcd: 'CF11AA', easting: 318_000, northing: 176_000, laua: 'W06000015' },
  { pcd: 'DL55EE', easting: null, northing: null, laua: 'E06000005' },
];

function ep(
  childId: string,
  fields: Omit<Partial<Episode>, 'decom' | 'dec'> & { decom?: string; dec?: string } = {},
): Episode {
  const { decom, dec, ...rest } = fields;
  return { ...episodeFixture({ childId, decom: decom ?? '2021-01-01', dec: dec ?? null }), ...rest };
}

function dataset(episodes: Episode[], extra: Partial<LaDataset> = {}): LaDataset {
  return {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'postcodes'),
    children: [...new Set(episodes.map((e) => e.childId))].map((id) => childOf(id, '2010-01-01')),
    episodes,
    postcodes: POSTCODES,
    ...extra,
  };
}

const EPISODES = [
  ep('A', { plPost: 'DL2 2BB' }), // 20.1 > 20.0: numerator
  ep('B', { plPost: 'DL3 3CC' }), // exactly 20.0: not > 20.0
  ep('C', { plPost: 'DL4 4DD' }), // 20.0497 rounds to 20.0
  ep('D', { plPost: 'DL3 3CC', plDistance: 20.05 }), // supplied 20.05 → 20.1 overrides postcodes
  ep('E', { plPost: 'ZZ9 9ZZ' }), // unknown postcode
  ep('F', { plPost: 'NE1 1AA', homePost: 'CF1 1AA' }), // home outside England: unknown
  ep('G', { plPost: 'NE1 1AA', plDistance: 999.9 }), // 999.9 = unknown
  ep('H', { plPost: 'DL5 5EE' }), // no grid reference
];

const ctx = contextOf('2021-22-Q3', 'snapshot');

test('distance rounding: half up to 0.1 mile, 20.05 → 20.1, exactly 20.0 is not over 20', () => {
  assert.equal(roundToTenths(20.05), 201);
  assert.equal(roundToTenths(20.04), 200);
  assert.equal(roundToTenths(0.05), 1);
  assert.equal(tenthsBetween({ easting: 0, northing: 0 }, { easting: 0, northing: 32_186 }), 200);
  assert.equal(tenthsBetween({ easting: 0, northing: 0 }, { easting: 0, northing: 32_267 }), 201);
  assert.equal(tenthsBetween({ easting: 0, northing: 0 }, { easting: 0, northing: 32_266 }), 200);
  // 3-4-5 triangle: 5 km = 3.107 miles → 3.1.
  assert.equal(tenthsBetween({ easting: 0, northing: 0 }, { easting: 3000, northing: 4000 }), 31);
  const index = postcodeIndex(POSTCODES);
  assert.deepEqual(placementDistance({ plDistance: null, homePost: 'dl1 2bb', plPost: 'DL2  2BB' }, index), {
    known: true,
    tenths: 201,
    from: 'postcodes',
  });
});

test('numerator > 20.0 miles; unknown distances stay in the denominator with distanceUnknown', () => {
  const r = indicator.compute(inputOf(dataset(EPISODES)), ctx);
  assert.equal(r.denominator, 8);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['A', 'D'],
  );
  assert.equal(r.numerator, 2);
  const note = r.notes.find((n) => n.code === 'distanceUnknown');
  assert.equal(note?.count, 4);
  assert.equal(r.members.find((m) => m.childId === 'A')?.reason, 'Placed 20.1 miles from home (postcodes)');
  assert.equal(r.members.find((m) => m.childId === 'D')?.reason, 'Placed 20.1 miles from home (PL_DISTANCE)');
  assert.equal(
    r.members.find((m) => m.childId === 'E')?.reason,
    'Distance unknown: placement postcode not in postcodes.csv',
  );
  assert.equal(r.breakdowns?.distanceBand.find((b) => b.key === 'unknown')?.numerator, 4);
  assert.equal(r.breakdowns?.distanceBand.find((b) => b.key === '10-20')?.numerator, 2);
});

test('distance.threshold = gte counts exactly 20.0', () => {
  const r = indicator.compute(
    inputOf(dataset(EPISODES)),
    contextOf('2021-22-Q3', 'snapshot', { variants: { 'distance.threshold': 'gte' } }),
  );
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['A', 'B', 'C', 'D'],
  );
});

test('distance.outsideLaOnly: only placements outside the LA count', () => {
  const eps = [...EPISODES, ep('I', { plPost: 'NE1 1AA' })];
  const byHome = indicator.compute(
    inputOf(dataset(eps)),
    contextOf('2021-22-Q3', 'snapshot', { variants: { 'distance.outsideLaOnly': true } }),
  );
  // A is 20.1 miles but inside E06000005 (the home LA); D's placement DL3 3CC is in E06000047; I is 37.3 in E08000021.
  assert.deepEqual(
    byHome.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['D', 'I'],
  );
  const bySetting = indicator.compute(
    inputOf(dataset(eps)),
    contextOf('2021-22-Q3', 'snapshot', {
      variants: { 'distance.outsideLaOnly': true, 'distance.laua': 'E06000005,E06000047' },
    }),
  );
  assert.deepEqual(
    bySetting.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['I'],
  );
});

test('a child in a temporary episode at e is measured from the placement they are away from', () => {
  const eps = [
    ep('T', { decom: '2021-01-01', plPost: 'DL4 4DD', dec: '2021-12-20', rec: 'X1' }),
    ep('T', { decom: '2021-12-20', rne: 'P', place: 'T1', plPost: 'NE1 1AA' }),
  ];
  const r = indicator.compute(inputOf(dataset(eps)), ctx);
  assert.equal(r.members[0].reason, 'Placed 20.0 miles from home (postcodes)');
  assert.equal(r.numerator, 0);
});

test('not available without postcodes.csv unless PL_DISTANCE is supplied; zero denominator; UASC', () => {
  const derivedOnly = EPISODES.filter((e) => e.plDistance === null);
  const none = indicator.compute(inputOf(dataset(derivedOnly, { tables: tablesOf('episodes') })), ctx);
  assert.equal(none.status, 'not-available');
  assert.deepEqual(none.missing, ['postcodes.csv']);
  const supplied = indicator.compute(
    inputOf(dataset([ep('D', { plDistance: 25 })], { tables: tablesOf('episodes') })),
    ctx,
  );
  assert.equal(supplied.status, 'ok');
  assert.equal(supplied.numerator, 1);
  const empty = indicator.compute(inputOf(dataset([])), ctx);
  assert.equal(empty.denominator, 0);
  const uasc = indicator.compute(
    inputOf(
      dataset(EPISODES, { uasc: [{ id: 'u', childId: 'A', dob: null, duc: null, source: TEST_SOURCE }] }),
    ),
    contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true }),
  );
  assert.equal(uasc.denominator, 7);
  assert.equal(uasc.numerator, 1);
});

test('distance.outsideLaOnly for a county: its own districts are inside, a unitary within it and Wales outside', () => {
  // Hampshire (850, E10000014). Home SO1 at the origin; every placement 40.0 miles away, in Winchester
  // (a Hampshire district), Southampton (a unitary), Cardiff, a district the lookup does not know, and a
  // postcode not in postcodes.csv (distance from PL_DISTANCE).
  const postcodes: Postcode[] = [
    { pcd: 'SO11AA', easting: 400_000, northing: 100_000, laua: 'E07000094' },
    { pcd: 'SO221AA', easting: 400_000, northing: 164_372, laua: 'E07000094' },
    { pcd: 'SO141AA', easting: 400_000, northing: 164_372, laua: 'E06000045' },
    { pcd: 'CF11AA', easting: 400_000, northing: 164_372, laua: 'W06000015' },
    { pcd: 'ZZ11AA', easting: 400_000, northing: 164_372, laua: 'E07999999' },
  ];
  const eps = [
    ep('W', { homePost: 'SO1 1AA', plPost: 'SO22 1AA' }),
    ep('S', { homePost: 'SO1 1AA', plPost: 'SO14 1AA' }),
    ep('C', { homePost: 'SO1 1AA', plPost: 'CF1 1AA' }),
    ep('Z', { homePost: 'SO1 1AA', plPost: 'ZZ1 1AA' }),
    ep('P', { homePost: 'SO1 1AA', plPost: 'XX1 1XX', plDistance: 40 }),
  ];
  const r = indicator.compute(
    inputOf({ ...dataset(eps, { postcodes }), la: '850' }),
    contextOf('2021-22-Q3', 'snapshot', { variants: { 'distance.outsideLaOnly': true } }),
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator, m.reason]),
    [
      ['C', true, 'Placed 40.0 miles from home (postcodes), outside the LA'],
      ['P', false, 'Placed 40.0 miles from home (PL_DISTANCE); inside or outside the LA not known'],
      ['S', true, 'Placed 40.0 miles from home (postcodes), outside the LA'],
      ['W', false, 'Placed 40.0 miles from home (postcodes), inside the LA'],
      ['Z', false, 'Placed 40.0 miles from home (postcodes); inside or outside the LA not known'],
    ],
  );
  assert.deepEqual(
    r.notes.filter((n) => n.code === 'outsideLaOnly' || n.code === 'locationUnknown'),
    [
      { code: 'outsideLaOnly', detail: 'only placements outside Hampshire (E10000014)' },
      { code: 'locationUnknown', count: 2 },
    ],
  );
});

test('distance.outsideLaOnly for an LA not in the LA table: the home postcode’s upper-tier LA', () => {
  // Home DL1 2BB (Darlington): A is 20.1 miles away in Darlington, I 37.3 miles away in Newcastle.
  const eps = [ep('A', { plPost: 'DL2 2BB' }), ep('I', { plPost: 'NE1 1AA' })];
  const r = indicator.compute(
    inputOf({ ...dataset(eps), la: '999' }),
    contextOf('2021-22-Q3', 'snapshot', { variants: { 'distance.outsideLaOnly': true } }),
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['A', false],
      ['I', true],
    ],
  );
  assert.equal(
    r.notes.find((n) => n.code === 'outsideLaOnly')!.detail,
    "only placements outside the upper-tier local authority of the child's home postcode",
  );
});

test('outsideLa: a listed LA counts an unknown district as outside; a derived one leaves it unknown', () => {
  assert.equal(outsideLa('E07999999', new Set(['E06000005']), true), true);
  assert.equal(outsideLa('E07999999', new Set(['E06000005']), false), null);
  assert.equal(outsideLa('E07000223', new Set(['E10000032']), false), false);
  assert.equal(outsideLa('E07000223', new Set(['E07000223']), true), false);
  assert.equal(outsideLa(null, new Set(['E06000005']), false), null);
  assert.equal(outsideLa('E06000047', null, false), null);
});
