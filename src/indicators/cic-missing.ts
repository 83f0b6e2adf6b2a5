import type { IsoDate } from '../calendar/iso-date.js';
import { basisWindow, type DateWindow } from '../calendar/period.js';
import { lookedAfterDuring } from '../model/care-queries.js';
import type { MissingEpisode } from '../model/episode.js';
import { missingTables, notAvailable } from './lib/availability.js';
import { childBreakdowns } from './lib/child-breakdowns.js';
import { roundedPercent } from './engine/rounding.js';
import { breakdownRow } from './lib/breakdown.js';
import { chainErrorNotes } from './lib/looked-after.js';
import { uascExclusion } from './lib/uasc.js';
import { ukDate } from './lib/uk-date.js';
import type { BreakdownRow, Computation, IndicatorDefinition, Member, Note } from './types.js';

/** The figures of one kind of Missing row (M or A) for the children in the denominator. */
export interface MissingFigures {
  /** Children with at least one row. */
  readonly children: number;
  /** Rows, with duplicate child + MIS_START counted once. */
  readonly episodes: number;
  /** Of those, rows open at e (MIS_END blank or after e). */
  readonly stillMissing: number;
  /** Each child's de-duplicated rows, in MIS_START order. */
  readonly byChild: ReadonlyMap<string, readonly MissingEpisode[]>;
}

/**
 * Missing rows of kind `kind` overlapping the window (MIS_START ≤ e and (MIS_END blank or ≥ s)) for the
 * children in `cohort`, de-duplicated on (child, MIS_START) (indicators.md §2 cic-missing, §1.8).
 * @example missingFigures(rows, 'M', { start: '2021-10-01', end: '2021-12-31' }, cohort).episodes //=> 3
 */
export function missingFigures(
  rows: readonly MissingEpisode[],
  kind: 'M' | 'A',
  window: DateWindow,
  cohort: ReadonlySet<string>,
): MissingFigures {
  const byChild = new Map<string, Map<IsoDate, MissingEpisode>>();
  for (const r of rows) {
    if (r.missing !== kind || !cohort.has(r.childId)) continue;
    if (r.start > window.end || (r.end !== null && r.end < window.start)) continue;
    const starts = byChild.get(r.childId) ?? new Map<IsoDate, MissingEpisode>();
    if (!starts.has(r.start)) starts.set(r.start, r);
    byChild.set(r.childId, starts);
  }
  const sorted = new Map<string, MissingEpisode[]>();
  let episodes = 0;
  let stillMissing = 0;
  for (const [childId, starts] of byChild) {
    const list = [...starts.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
    sorted.set(childId, list);
    episodes += list.length;
    stillMissing += list.filter((r) => r.end === null || r.end > window.end).length;
  }
  return { children: sorted.size, episodes, stillMissing, byChild: sorted };
}

/**
 * The episodes-per-child breakdown: children with 1, 2, and 3 or more missing episodes (of the den
 * children looked after). Not built for a headline-only run (`ctx.breakdowns` false).
 * @example episodesPerChildRows([1, 1, 4], 10)[0] //=> { key: '1', label: '1 missing episode', numerator: 2, … }
 */
function episodesPerChildRows(perChild: readonly number[], den: number): BreakdownRow[] {
  return [
    { key: '1', label: '1 missing episode', n: perChild.filter((n) => n === 1).length },
    { key: '2', label: '2 missing episodes', n: perChild.filter((n) => n === 2).length },
    { key: '3-plus', label: '3 or more missing episodes', n: perChild.filter((n) => n >= 3).length },
  ].map((r) => breakdownRow(r.key, r.label, r.n, den));
}

/**
 * Children in Care with a missing episode (indicators.md §2 cic-missing).
 * Reading decided (§2 cic-missing Numerator, §1.8 count indicators): a child is counted when they are in
 * the denominator (looked after on at least one day of the period) and have an M row overlapping the
 * period; the row itself need not fall on a day they were looked after. The spec's row rule names no such
 * condition, SSDA903 Missing rows are by definition missing-from-care episodes, and the DfE figure counts
 * them as returned; a row dated while the child was not looked after is a data question for validation,
 * not a reason for the figure to drop the child.
 */
export const indicator: IndicatorDefinition = {
  id: 'cic-missing',
  title: 'Children in Care with a missing episode',
  unit: 'count',
  polarity: 'none',
  serviceArea: 'children-in-care',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-missing; §1.8 count indicators',
  definitionVersion: '1.1',
  definition: {
    summary:
      'The number of Children in Care who were missing from their placement at any time during the period, with the percentage of children looked after and the number of missing episodes.',
    numerator:
      'Children looked after during the period with at least one SSDA903 missing episode (MISSING = M) that started on or before the period end and had not ended before the period start. Any length of absence counts. Episodes are counted once per child and start date. Episodes of being away without authorisation (MISSING = A) are reported separately and never added to missing.',
    denominator:
      'Children looked after on at least one day of the period (used for the percentage; the headline is the number of children).',
    exclusions:
      'Short breaks (legal status V3 or V4). Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on. Missing episodes of children not looked after in the period are not counted.',
    why: 'Children who go missing from care are at risk of harm, including exploitation; members scrutinise how often it happens and how the authority responds.',
    comparability:
      'The England figure (11%) is for children looked after at any time in a whole year, so a quarter is not like-for-like.',
  },
  sources: ['episodes', 'missing'],
  // Its denominator (looked after during the period) holds the children in care at the period end, whom five
  // indicators publish: the public version hides this figure when the children who left care are 1 to k.
  holds: { indicator: 'cic-placements-3plus', by: 'denominator' },
  target: null,
  england: {
    value: 11,
    unit: 'percent',
    text: '11% of children looked after during the year (12,150 children; 76,890 missing incidents)',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: false,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'children in care had at least one missing episode',
    zeroPhrase: 'No [[CiC]] had a missing episode {when}',
  },
  compute(input, ctx): Computation {
    const missing = missingTables(input, ['episodes', 'missing']);
    if (missing.length > 0) return notAvailable(missing);
    const basis = ctx.basis === 'ytd' ? 'ytd' : 'in-period';
    const window = basisWindow(ctx.period, basis)!;
    const uasc = uascExclusion(input.data, ctx.settings, window.end);
    const cohortIds: string[] = [];
    let uascRemoved = 0;
    for (const childId of [...input.careHistories.keys()].sort()) {
      if (!lookedAfterDuring(input.careHistories.get(childId)!, window.start, window.end)) continue;
      if (uasc.has(childId)) uascRemoved += 1;
      else cohortIds.push(childId);
    }
    const cohort = new Set(cohortIds);
    const m = missingFigures(input.data.missingEpisodes, 'M', window, cohort);
    const a = missingFigures(input.data.missingEpisodes, 'A', window, cohort);
    const outsideCare = input.data.missingEpisodes.filter(
      (r) =>
        !cohort.has(r.childId) &&
        !uasc.has(r.childId) &&
        r.start <= window.end &&
        (r.end === null || r.end >= window.start),
    ).length;

    // A headline-only run (no members, no breakdowns) needs no member list: the figures are counts.
    const headlineOnly = ctx.members === false && ctx.breakdowns === false;
    const members: Member[] = (headlineOnly ? [] : cohortIds).map((childId) => {
      const rows = m.byChild.get(childId) ?? [];
      const away = a.byChild.get(childId) ?? [];
      const awayText = away.length > 0 ? `; ${away.length} away without authorisation` : '';
      return {
        childId,
        recordIds: rows.map((r) => r.id),
        dates: {
          firstMissingStart: rows[0]?.start ?? null,
          lastMissingStart: rows[rows.length - 1]?.start ?? null,
        },
        inNumerator: rows.length > 0,
        reason:
          rows.length > 0
            ? `${rows.length} missing episode${rows.length === 1 ? '' : 's'} from ${ukDate(window.start)}: ${rows.map((r) => ukDate(r.start)).join(', ')}${awayText}`
            : `Looked after in the period; no missing episode${awayText}`,
      };
    });
    const den = cohortIds.length;
    const perChild = [...m.byChild.values()].map((l) => l.length);
    const notes: Note[] = [
      ...uasc.notes(uascRemoved),
      ...chainErrorNotes(cohortIds.map((id) => ({ history: input.careHistories.get(id)! }))),
    ];
    if (outsideCare > 0) {
      notes.push({
        code: 'missingOutsideCare',
        count: outsideCare,
        detail: 'Missing rows of children not looked after in the period',
      });
    }
    return {
      status: 'ok',
      numerator: m.children,
      denominator: den,
      members,
      notes,
      ...(ctx.breakdowns === false
        ? {}
        : {
            breakdowns: {
              ...childBreakdowns(members, input.childrenById, window.end, 'percent'),
              type: [
                breakdownRow('missing', 'Missing', m.children, den),
                breakdownRow('away', 'Away without authorisation', a.children, den),
              ],
              episodesPerChild: episodesPerChildRows(perChild, den),
            },
          }),
      extra: {
        percent: roundedPercent(m.children, den),
        episodes: m.episodes,
        stillMissing: m.stillMissing,
        childrenWith3PlusEpisodes: perChild.filter((n) => n >= 3).length,
        awayChildren: a.children,
        awayEpisodes: a.episodes,
        awayStillMissing: a.stillMissing,
      },
    };
  },
};
