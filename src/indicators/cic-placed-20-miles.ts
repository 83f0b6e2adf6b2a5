import { variant } from './settings.js';
import { missingTables, notAvailable } from './lib/availability.js';
import { childBreakdowns } from './lib/child-breakdowns.js';
import { breakdownRow } from './lib/breakdown.js';
import {
  type PlacementDistance,
  formatTenths,
  normalisePostcode,
  placementDistance,
  postcodeIndex,
} from './lib/distance.js';
import { chainErrorNotes, currentCarerEpisode, lookedAfterAt } from './lib/looked-after.js';
import { uascExclusion } from './lib/uasc.js';
import { responsibleLa, upperTierLa } from './lib/upper-tier-la.js';
import type { BreakdownRow, Computation, IndicatorDefinition, Member, Note } from './types.js';

/** 20.0 miles in tenths. */
const THRESHOLD_TENTHS = 200;

const DISTANCE_BANDS = [
  { key: 'up-to-5', label: 'Up to 5 miles', test: (t: number) => t <= 50 },
  { key: '5-10', label: 'Over 5 to 10 miles', test: (t: number) => t > 50 && t <= 100 },
  { key: '10-20', label: 'Over 10 to 20 miles', test: (t: number) => t > 100 && t <= 200 },
  { key: 'over-20', label: 'Over 20 miles', test: (t: number) => t > 200 },
] as const;

const UNKNOWN_REASON: Record<Exclude<PlacementDistance, { known: true }>['reason'], string> = {
  'supplied-999.9': 'PL_DISTANCE 999.9 (unknown)',
  'home-postcode-blank': 'home postcode blank',
  'home-postcode-not-found': 'home postcode not in postcodes.csv',
  'home-outside-england': 'home postcode outside England',
  'placement-postcode-blank': 'placement postcode blank',
  'placement-postcode-not-found': 'placement postcode not in postcodes.csv',
  'no-coordinates': 'postcode without grid reference',
};

/**
 * Whether a placement's local authority district (`laua` of PL_POST) is outside the LA under
 * `distance.outsideLaOnly`: inside when the district or its upper-tier authority ({@link upperTierLa}) is
 * one of `own`; null (not known) when the district is, or no own LA is known. An upper tier that cannot be
 * told is outside when `own` lists the LA's codes (the `distance.laua` setting: anything else is outside)
 * and not known otherwise.
 * @example outsideLa('E07000223', new Set(['E10000032']), false) //=> false (Adur is in West Sussex)
 * @example outsideLa('E06000047', new Set(['E06000005']), false) //=> true
 */
export function outsideLa(
  placeLaua: string | null,
  own: ReadonlySet<string> | null,
  listed: boolean,
): boolean | null {
  const code = placeLaua?.trim().toUpperCase() ?? '';
  if (code === '' || own === null || own.size === 0) return null;
  const upper = upperTierLa(code);
  if (own.has(code) || (upper !== null && own.has(upper))) return false;
  return upper === null && !listed ? null : true;
}

/**
 * Children in Care placed 20 or more miles away from home (indicators.md §2 cic-placed-20-miles).
 *
 * `distance.outsideLaOnly` (the DfE definition, "more than 20 miles and outside the LA boundary"): outside
 * means outside the responsible LA, the upper-tier authority whose dataset this is, as inputs.md §2.4.4
 * derives PL_LA: the placement postcode's district (`laua`) goes through the shipped lower→upper-tier
 * lookup (`data/la-upper-tier.csv`) and is compared with the LA's ONS code (DfE number → ONS code from
 * `data/las.csv`). A county's placement in one of its own districts is inside; a placement in Wales,
 * Scotland or Northern Ireland is outside. The `distance.laua` setting lists the codes the LA counts as its
 * own instead (a district or its upper tier matching one is inside). Only when the LA is not in the LA table
 * is the child's home postcode's upper-tier authority used. A placement postcode not in postcodes.csv, or an
 * English district the lookup does not know, leaves inside/outside not known (note `locationUnknown`).
 */
export const indicator: IndicatorDefinition = {
  id: 'cic-placed-20-miles',
  title: 'Children in Care placed 20 or more miles away from home',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'children-in-care',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-placed-20-miles; §1.8 distance; inputs.md §2.4',
  definitionVersion: '1',
  definition: {
    summary:
      'The percentage of Children in Care at the end of the period whose current placement was more than 20 miles from their home.',
    numerator:
      'Children in the denominator whose current placement is more than 20.0 miles from home. The distance is PL_DISTANCE where the SSDA903 return gives it; otherwise the straight line between the home and placement postcodes (ONS Postcode Directory grid references), in miles rounded half up to one decimal, as in the SSDA903 guide. For a child temporarily away (hospital, holiday, respite), the placement they are away from is used.',
    denominator:
      'Children looked after at the end of the last day of the period, including those whose distance is not known (they are never in the numerator and are counted in a data note).',
    exclusions:
      'Short breaks (legal status V3 or V4). Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'Children placed far from home can lose contact with family, friends, school and local services.',
    comparability:
      'The published England figure (17%) counts only placements more than 20 miles away and outside the local authority boundary, so it is not like-for-like; the `distance.outsideLaOnly` setting gives that definition.',
  },
  sources: ['episodes'],
  target: { value: 10, kind: 'local' },
  england: {
    value: 17,
    text: '17% placed more than 20 miles from home and outside the LA boundary (DfE LAIT); no published all-placements figure',
    year: '2021-22',
    publisher: 'DfE LAIT (Children looked after in England including adoptions)',
    likeForLike: false,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of [[CiC]] had been placed 20 or more miles away from home',
    zeroPhrase: 'No [[CiC]] had been placed 20 or more miles away from home {when}',
    // The committee's word for its target (minutes, Q3 2021/22: "below the target of 10 per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx): Computation {
    const missing = missingTables(input, ['episodes']);
    if (missing.length > 0) return notAvailable(missing);
    const e = ctx.period.end;
    const gte = variant<string>(ctx.settings, 'distance.threshold', 'gt') === 'gte';
    const outsideLaOnly = variant<boolean | string>(ctx.settings, 'distance.outsideLaOnly', false);
    const outsideOnly = outsideLaOnly === true || outsideLaOnly === 'true';
    const laCodesSetting = String(variant<string>(ctx.settings, 'distance.laua', ''));
    const laCodes = new Set(
      laCodesSetting
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== ''),
    );
    const responsible = laCodes.size > 0 ? null : responsibleLa(input.data.la);
    const havePostcodes = input.data.tables.has('postcodes');
    const index = postcodeIndex(havePostcodes ? input.data.postcodes : []);
    const uasc = uascExclusion(input.data, ctx.settings, e);
    const cohort = lookedAfterAt(input, e, uasc);

    const tenthsOf = new Map<string, number | null>();
    const unknownReasons = new Map<string, number>();
    let locationUnknown = 0;
    let anySupplied = false;
    const members: Member[] = cohort.children.map((c) => {
      const carer = c.placement === null ? null : currentCarerEpisode(c.placement, e);
      const base = {
        childId: c.childId,
        recordIds: carer ? [carer.id] : [],
        dates: { placementStart: c.placement?.start ?? null },
      };
      if (carer === null) {
        tenthsOf.set(c.childId, null);
        unknownReasons.set('no carer episode', (unknownReasons.get('no carer episode') ?? 0) + 1);
        return { ...base, inNumerator: false, reason: 'Distance unknown: only temporary placements so far' };
      }
      if (carer.plDistance !== null) anySupplied = true;
      const d = placementDistance(carer, index);
      if (!d.known) {
        tenthsOf.set(c.childId, null);
        const why = UNKNOWN_REASON[d.reason];
        unknownReasons.set(why, (unknownReasons.get(why) ?? 0) + 1);
        return { ...base, inNumerator: false, reason: `Distance unknown: ${why}` };
      }
      tenthsOf.set(c.childId, d.tenths);
      const far = gte ? d.tenths >= THRESHOLD_TENTHS : d.tenths > THRESHOLD_TENTHS;
      const how = d.from === 'PL_DISTANCE' ? 'PL_DISTANCE' : 'postcodes';
      if (!outsideOnly) {
        return { ...base, inNumerator: far, reason: `Placed ${formatTenths(d.tenths)} from home (${how})` };
      }
      const placeLaua = index.get(normalisePostcode(carer.plPost) ?? '')?.laua ?? null;
      const homeLa = upperTierLa(index.get(normalisePostcode(carer.homePost) ?? '')?.laua ?? null);
      const ownLa =
        laCodes.size > 0
          ? laCodes
          : responsible !== null
            ? new Set([responsible.ons])
            : homeLa !== null
              ? new Set([homeLa])
              : null;
      const outside = outsideLa(placeLaua, ownLa, laCodes.size > 0);
      if (outside === null) {
        locationUnknown += 1;
        return {
          ...base,
          inNumerator: false,
          reason: `Placed ${formatTenths(d.tenths)} from home (${how}); inside or outside the LA not known`,
        };
      }
      return {
        ...base,
        inNumerator: far && outside,
        reason: `Placed ${formatTenths(d.tenths)} from home (${how}), ${outside ? 'outside' : 'inside'} the LA`,
      };
    });

    if (!havePostcodes && !anySupplied && members.length > 0) return notAvailable(['postcodes']);

    const unknownTotal = [...unknownReasons.values()].reduce((a, b) => a + b, 0);
    const notes: Note[] = [...uasc.notes(cohort.uascRemoved), ...chainErrorNotes(cohort.children)];
    if (unknownTotal > 0) {
      notes.push({
        code: 'distanceUnknown',
        count: unknownTotal,
        detail: [...unknownReasons].map(([why, n]) => `${n} ${why}`).join('; '),
      });
    }
    if (gte) notes.push({ code: 'distanceThreshold', detail: '20.0 miles or more' });
    if (outsideOnly) {
      notes.push({
        code: 'outsideLaOnly',
        detail:
          laCodes.size > 0
            ? `only placements outside ${[...laCodes].join(', ')}`
            : responsible !== null
              ? `only placements outside ${responsible.name} (${responsible.ons})`
              : "only placements outside the upper-tier local authority of the child's home postcode",
      });
      if (locationUnknown > 0) notes.push({ code: 'locationUnknown', count: locationUnknown });
    }
    const den = members.length;
    const distanceBand: BreakdownRow[] = [
      ...DISTANCE_BANDS.map((b) => {
        const num = [...tenthsOf.values()].filter((t) => t !== null && b.test(t)).length;
        return breakdownRow(b.key, b.label, num, den);
      }),
      breakdownRow('unknown', 'Distance not known', unknownTotal, den),
    ];
    return {
      status: 'ok',
      numerator: members.filter((m) => m.inNumerator).length,
      denominator: den,
      members,
      notes,
      breakdowns: {
        ...(ctx.members === false ? {} : childBreakdowns(members, input.childrenById, e, 'percent')),
        distanceBand,
      },
    };
  },
};
