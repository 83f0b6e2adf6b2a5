import { addMonths } from '../calendar/add-months.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { financialYearContaining } from '../calendar/period.js';
import type { LaDataset } from '../model/la-dataset.js';
import { missingTables, notAvailable } from './lib/availability.js';
import { breakdownBy, childBreakdowns } from './lib/child-breakdowns.js';
import { type LookedAfterChild, chainErrorNotes, lookedAfterAt } from './lib/looked-after.js';
import { uascExclusion } from './lib/uasc.js';
import { ukDate } from './lib/uk-date.js';
import type {
  BreakdownRow,
  Computation,
  IndicatorDefinition,
  IndicatorInput,
  Member,
  Note,
} from './types.js';
import { cicCountFromList8 } from './annex-a/cic-count-from-list-8.js';

/**
 * The population of children aged 0–17 for the latest year ≤ the financial year containing e
 * (indicators.md §1.8 cic-count rate), for the dataset's LA; null without a row.
 * @example populationFor(data, '2021-12-31') //=> { year: '2021-22', aged0to17: 22_000 }
 */
export function populationFor(data: LaDataset, e: IsoDate): { year: string; aged0to17: number } | null {
  const fy = financialYearContaining(e).financialYear;
  let best: { year: string; aged0to17: number } | null = null;
  for (const p of data.population) {
    if (p.laCode !== data.la || p.year > fy || p.aged0to17 <= 0) continue;
    if (best === null || p.year > best.year) best = { year: p.year, aged0to17: p.aged0to17 };
  }
  return best;
}

/**
 * Rate per 10,000 rounded half up to a whole number, in integer arithmetic (§1.7).
 * @example ratePer10k(271, 38_700) //=> 70
 */
export function ratePer10k(count: number, population: number): number {
  return Math.floor((2 * count * 10_000 + population) / (2 * population));
}

/**
 * cic-count's breakdowns: legal status of each child's episode at e, and (with members) the standard child
 * breakdowns (age band and sex at e, ethnicity). Not built for a headline-only run (`ctx.breakdowns` false).
 */
function cicCountBreakdowns(
  members: readonly Member[],
  children: readonly LookedAfterChild[],
  childrenById: IndicatorInput['childrenById'],
  e: IsoDate,
  withChildBreakdowns: boolean,
): Record<string, BreakdownRow[]> {
  const byChild = new Map(children.map((c) => [c.childId, c]));
  return {
    ...(withChildBreakdowns ? childBreakdowns(members, childrenById, e, 'count') : {}),
    legalStatus: breakdownBy(
      members,
      (m) => {
        const ls = byChild.get(m.childId)?.episode?.ls ?? null;
        return ls === null ? { key: 'not-recorded', label: 'Not recorded' } : { key: ls, label: ls };
      },
      'count',
    ),
  };
}

/** Number of Children in Care (indicators.md §2 cic-count). */
export const indicator: IndicatorDefinition = {
  id: 'cic-count',
  title: 'Number of Children in Care',
  unit: 'count',
  polarity: 'none',
  serviceArea: 'children-in-care',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-count; §1.4, §1.5, §1.8',
  definitionVersion: '1',
  definition: {
    summary: 'The number of children looked after by the local authority at the end of the period.',
    numerator:
      'Children looked after at the end of the last day of the period: an SSDA903 episode that began on or before that day and had not ceased by it. A child who ceased to be looked after on that day is not counted. Each child counts once.',
    denominator:
      'None: this is a count. The rate per 10,000 divides it by the ONS mid-year estimate of children aged 0 to 17 for the latest year up to the financial year of the period end.',
    exclusions:
      'Short breaks (legal status V3 or V4) are not care for this count. Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'The size of the care population drives demand for placements, social workers and services, and shows the effect of work to safely reduce the number of children coming into care.',
    comparability:
      'Same definition as the DfE "Children looked after in England" count at 31 March; quarter-end figures are the local equivalent. Compare rates per 10,000 rather than counts.',
  },
  sources: ['episodes'],
  annexA: cicCountFromList8({ populationFor, ratePer10k }),
  target: null,
  england: {
    value: 82170,
    text: '82,170 at 31 March 2022 as first published (revised 82,080), 70 per 10,000',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: true,
  },
  directionComparator: 'last-year',
  narrative: {
    lead: 'The number of [[CiC]] was {value} by the end of {endMonth}',
    subject: 'children in care',
    zeroPhrase: 'There were no [[CiC]] at the end of {endMonth}',
  },
  compute(input, ctx): Computation {
    const missing = missingTables(input, ['episodes']);
    if (missing.length > 0) return notAvailable(missing);
    const e = ctx.period.end;
    const uasc = uascExclusion(input.data, ctx.settings, e);
    const cohort = lookedAfterAt(input, e, uasc);
    // A headline-only run (no members, no breakdowns) counts the cohort without a member list to build.
    const headlineOnly = ctx.members === false && ctx.breakdowns === false;
    const members: Member[] = headlineOnly
      ? []
      : cohort.children.map((c) => ({
          childId: c.childId,
          recordIds: c.episode ? [c.episode.id] : [],
          dates: { periodOfCareStart: c.periodOfCare.start, episodeStart: c.episode?.decom ?? null },
          inNumerator: true,
          reason: `Looked after at ${ukDate(e)}: in care since ${ukDate(c.periodOfCare.start)}`,
        }));
    const count = cohort.children.length;

    const yearAgo = addMonths(e, -12);
    const countYearAgo = lookedAfterAt(input, yearAgo, uascExclusion(input.data, ctx.settings, yearAgo))
      .children.length;

    const notes: Note[] = [...uasc.notes(cohort.uascRemoved), ...chainErrorNotes(cohort.children)];
    const population = input.data.tables.has('population') ? populationFor(input.data, e) : null;
    if (population === null) {
      notes.push({
        code: 'noPopulation',
        detail: input.data.tables.has('population')
          ? `no population row for LA ${input.data.la} up to ${financialYearContaining(e).financialYear}`
          : 'needs population.csv for the rate per 10,000',
      });
    } else {
      notes.push({
        code: 'populationYear',
        detail: `rate per 10,000 uses the ${population.year} population`,
      });
    }
    return {
      status: 'ok',
      numerator: count,
      denominator: null,
      members,
      notes,
      ...(ctx.breakdowns === false
        ? {}
        : {
            breakdowns: cicCountBreakdowns(
              members,
              cohort.children,
              input.childrenById,
              e,
              ctx.members !== false,
            ),
          }),
      extra: {
        rate: population === null ? null : ratePer10k(count, population.aged0to17),
        population: population?.aged0to17 ?? null,
        countYearAgo,
      },
    };
  },
};
