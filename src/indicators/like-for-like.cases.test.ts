import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../calendar/period.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import { type LaDataset, emptyDataset } from '../model/la-dataset.js';
import type { Postcode } from '../model/local.js';
import type { TableName } from '../model/source.js';
import { runIndicator } from './engine/run-indicator.js';
import { buildIndicatorInput } from './input.js';
import { child, healthCheck, review } from './lib/chain-test-fixtures.js';
import { cpPlan, referral } from './lib/test-fixtures.js';
import { INDICATORS } from './registry.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { IndicatorInput, IndicatorSettings } from './types.js';
import { DEFINITION_AFFECTS } from './variant-catalogue.js';

// The snapshot datasets (like-for-like.test.ts) move no figure under the settings below, so there a missing
// entry of DEFINITION_AFFECTS would go unnoticed. Each case here is a hand-made set of records on which the
// setting does move the figure of the indicator it is listed for (the indicators' own worked examples); the
// test computes every indicator of the catalogue, on every basis, with and without the setting, and fails if
// a figure moves that the map does not list for the setting.

/** The records of one case, for LA 841 (Darlington, E06000005). Child ids are distinct across cases. */
type Records = Omit<Partial<LaDataset>, 'tables'> & { readonly tables: readonly TableName[] };

/** indicators.md §3 E2: A re-referred on exactly 12 months (365 days too); B one day outside 12 months. */
const REREFERRALS: Records = {
  tables: ['cin-details'],
  referrals: [
    referral('rr-x1', 'RR-X', '2023-02-28'),
    referral('rr-x2', 'RR-X', '2024-02-29'), // 12 months back is 2023-02-28; 365 days back is 2023-03-01
  ],
};

/** indicators.md §3 E3: plans from 2020-01-10 ending the day before each rule first counts two years. */
const CP_PLANS_CEASED: Records = {
  tables: ['cp-plans'],
  cpPlans: [
    cpPlan('cd-b', 'CD-B', '2020-01-10', '2022-01-08'), // 2y+ counting both ends only
    cpPlan('cd-c', 'CD-C', '2020-01-10', '2022-01-09'), // 2y+ elapsed, not calendar
  ],
};

/** indicators.md §3 E3 repeat: the previous plan ended exactly 24 months (not 730 days) before the new one. */
const CP_PLANS_REPEAT: Records = {
  tables: ['cp-plans'],
  cpPlans: [cpPlan('rp-0', 'RP-A', '2019-06-01', '2020-01-10'), cpPlan('rp-1', 'RP-A', '2022-01-10', null)],
};

/** Home DL1 2BB; placements 20.1 miles away in the home LA (E06000005) and in its neighbour E06000047. */
const POSTCODES: Postcode[] = [
  { pcd: 'DL12BB', easting: 400_000, northing: 500_000, laua: 'E06000005' },
  { pcd: 'DL22BB', easting: 400_000, northing: 532_267, laua: 'E06000005' },
  { pcd: 'DL66FF', easting: 400_000, northing: 532_267, laua: 'E06000047' },
];
const PLACEMENTS: Records = {
  tables: ['episodes', 'postcodes'],
  children: [child('PL-A', '2010-01-01'), child('PL-B', '2010-01-01')],
  episodes: [
    { ...ep({ id: 'pl-a', childId: 'PL-A', decom: '2021-01-01' }), homePost: 'DL1 2BB', plPost: 'DL2 2BB' },
    { ...ep({ id: 'pl-b', childId: 'PL-B', decom: '2021-01-01' }), homePost: 'DL1 2BB', plPost: 'DL6 6FF' },
  ],
  postcodes: POSTCODES,
};

/**
 * In care from Fri 2022-05-27: the 20th working day after is 28 Jun 2022 elapsed, 27 Jun counting both ends.
 * RV: reg 33 review held on 28 Jun 2022 (on time only elapsed). HA: no initial health assessment, so the
 * review assessment falls due 12 months after the missed initial one, 28 or 27 Jun 2023; held 28 Jun 2023.
 * DN: dental checks, every 12 months from the start (no working days in that timetable).
 */
const DUE_CHAINS: Records = {
  tables: ['episodes', 'reviews', 'cla-health', 'header'],
  children: [child('RV', '2012-01-01'), child('HA', '2012-01-01'), child('DN', '2012-01-01')],
  episodes: [
    ep({ id: 'rv-e', childId: 'RV', decom: '2022-05-27' }),
    ep({ id: 'ha-e', childId: 'HA', decom: '2022-05-27' }),
    ep({ id: 'dn-e', childId: 'DN', decom: '2022-05-27' }),
  ],
  cicReviews: [review('rv-1', 'RV', '2022-06-28')],
  healthChecks: [
    healthCheck('ha-1', 'HA', 'RHA', '2023-06-28'),
    healthCheck('dn-1', 'DN', 'DENTAL', '2023-05-27'),
  ],
};

/** The cases' records in one dataset, so that every setting is also tried on the other cases' records. */
function datasetOf(parts: readonly Records[]): LaDataset {
  const out: Record<string, unknown> = { ...emptyDataset('841') };
  const tables = new Set<TableName>();
  for (const { tables: t, ...records } of parts) {
    for (const name of t) tables.add(name);
    for (const [key, value] of Object.entries(records)) {
      out[key] = [...((out[key] as unknown[] | undefined) ?? []), ...(value as unknown[])];
    }
  }
  return { ...(out as unknown as LaDataset), tables };
}

const ALL = datasetOf([REREFERRALS, CP_PLANS_CEASED, CP_PLANS_REPEAT, PLACEMENTS, DUE_CHAINS]);

/** Each indicator's figure on each of its bases (status, numerator, denominator, extra figures). */
function figures(input: IndicatorInput, period: string, settings: IndicatorSettings): Map<string, string> {
  const p = parsePeriod(period);
  const out = new Map<string, string>();
  for (const def of INDICATORS) {
    for (const basis of def.bases) {
      const c = runIndicator(def, input, p, basis, settings, { members: false });
      out.set(
        `${def.id}`,
        `${out.get(def.id) ?? ''}|${basis}:${JSON.stringify([c.engineStatus, c.numerator, c.denominator, c.extra ?? null])}`,
      );
    }
  }
  return out;
}

/** The indicators whose figure in any of the periods differs between the two settings. */
function moved(
  data: LaDataset,
  periods: readonly string[],
  from: IndicatorSettings,
  to: IndicatorSettings,
): string[] {
  const input = buildIndicatorInput(data);
  const ids = new Set<string>();
  for (const p of periods) {
    const before = figures(input, p, from);
    for (const [id, f] of figures(input, p, to)) if (f !== before.get(id)) ids.add(id);
  }
  return [...ids].sort();
}

const variants = (v: IndicatorSettings['variants']): IndicatorSettings => ({
  ...DEFAULT_SETTINGS,
  variants: v,
});

interface Case {
  /** The map's key for the setting. */
  readonly setting: string;
  readonly label: string;
  readonly from: IndicatorSettings;
  readonly to: IndicatorSettings;
  readonly periods: readonly string[];
  /** The indicators the case is built to move (each must then be in the map). */
  readonly moves: readonly string[];
}

const CASES: readonly Case[] = [
  {
    setting: 'rereferral.window',
    label: 'rereferral.window 365days',
    from: DEFAULT_SETTINGS,
    to: variants({ 'rereferral.window': '365days' }),
    periods: ['2023-24-Q4'],
    moves: ['referrals-rereferral-12m'],
  },
  ...['elapsed', 'calendar'].map((rule): Case => ({
    setting: 'cpDuration',
    label: `cpDuration ${rule}`,
    from: DEFAULT_SETTINGS,
    to: variants({ cpDuration: rule }),
    periods: ['2021-22-Q4'],
    moves: ['cp-ceased-2y-plus'],
  })),
  {
    setting: 'repeat.window',
    label: 'repeat.window 730days',
    from: DEFAULT_SETTINGS,
    to: variants({ 'repeat.window': '730days' }),
    periods: ['2021-22-Q4'],
    moves: ['cp-repeat-2y'],
  },
  {
    // The LA's own codes matter only where placements outside the LA alone count.
    setting: 'distance.laua',
    label: 'distance.laua E06000005,E06000047 (with distance.outsideLaOnly)',
    from: variants({ 'distance.outsideLaOnly': true }),
    to: variants({ 'distance.outsideLaOnly': true, 'distance.laua': 'E06000005,E06000047' }),
    periods: ['2021-22-Q3'],
    moves: ['cic-placed-20-miles'],
  },
  {
    setting: 'workingDays',
    label: 'workingDays inclusive',
    from: DEFAULT_SETTINGS,
    to: { ...DEFAULT_SETTINGS, workingDays: 'inclusive' },
    periods: ['2022-23-Q1', '2023-24-Q1'],
    moves: ['cic-reviews-in-time', 'cic-health-assessments'],
  },
];

for (const c of CASES) {
  test(`hand-made cases: ${c.label} moves exactly the indicators the map lists for it that the case is built for`, () => {
    const ids = moved(ALL, c.periods, c.from, c.to);
    // The case exercises the setting: without this the check below could not fail.
    for (const id of c.moves)
      assert.ok(ids.includes(id), `${c.label} does not move ${id}: the case is wrong`);
    const listed = DEFINITION_AFFECTS[c.setting] ?? [];
    for (const id of ids)
      assert.ok(listed.includes(id), `${c.label} moves ${id}, but the map does not list it`);
    assert.deepEqual(ids, [...c.moves].sort());
  });
}
