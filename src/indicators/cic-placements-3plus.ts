import { basisWindow } from '../calendar/period.js';
import { missingTables, notAvailable } from './lib/availability.js';
import { childBreakdowns } from './lib/child-breakdowns.js';
import { breakdownRow } from './lib/breakdown.js';
import { chainErrorNotes, historyNotes, lookedAfterAt } from './lib/looked-after.js';
import { uascExclusion } from './lib/uasc.js';
import { ukDate } from './lib/uk-date.js';
import type { BreakdownRow, Computation, IndicatorDefinition, Member } from './types.js';
import { cicPlacements3plusFromList8 } from './annex-a/cic-placements-3plus-from-list-8.js';

const COUNT_BANDS = [
  { key: '1', label: '1 placement' },
  { key: '2', label: '2 placements' },
  { key: '3', label: '3 placements' },
  { key: '4-plus', label: '4 or more placements' },
] as const;

/**
 * The placement-count breakdown: children with 1, 2, 3, and 4 or more placements in the window, of the den
 * children looked after. Not built for a headline-only run (`ctx.breakdowns` false).
 * @example placementCountRows([1, 3, 5], 3)[2] //=> { key: '3', label: '3 placements', numerator: 1, … }
 */
function placementCountRows(counts: readonly number[], den: number): BreakdownRow[] {
  return COUNT_BANDS.map((b) => {
    const num = counts.filter((n) => (b.key === '4-plus' ? n >= 4 : n === Number(b.key))).length;
    return breakdownRow(b.key, b.label, num, den);
  });
}

/** Children in Care with 3 or more placements within the previous 12 months (indicators.md §2, former NI 062). */
export const indicator: IndicatorDefinition = {
  id: 'cic-placements-3plus',
  title: 'Children in Care with 3 or more placements within the previous 12 months (former NI 062)',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'children-in-care',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-placements-3plus; §1.4, §1.8 placements; §3 E4',
  definitionVersion: '1',
  definition: {
    summary:
      'The percentage of Children in Care at the end of the period who had three or more placements during the previous 12 months.',
    numerator:
      'Children in the denominator with at least three placements open at some time in the 12 months to the period end (a placement already open at the start of the 12 months counts), across all their periods of care. A placement is time with one carer: a change of legal status, a change of placement with the same carer, and temporary placements (hospital, holiday, respite) with a return to the same carer are not new placements.',
    denominator: 'Children looked after at the end of the last day of the period.',
    exclusions:
      'Short breaks (legal status V3 or V4). Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'Placement moves disrupt relationships, schooling and health care; stable placements are linked to better outcomes.',
    comparability:
      'The DfE "3 or more placements during the year" figure at 31 March uses the same placement counting; quarter-end figures are a rolling 12-month equivalent.',
  },
  sources: ['episodes'],
  annexA: cicPlacements3plusFromList8,
  target: { value: 10, kind: 'local' },
  england: {
    value: 10,
    text: '10% (8,210 of 82,090)',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of [[CiC]], {when}, had 3 or more placements within the previous 12 months',
    zeroPhrase: 'None of the [[CiC]], {when}, had 3 or more placements within the previous 12 months',
  },
  compute(input, ctx): Computation {
    const missing = missingTables(input, ['episodes']);
    if (missing.length > 0) return notAvailable(missing);
    const e = ctx.period.end;
    const w = basisWindow(ctx.period, 'rolling-12m')!.start;
    const uasc = uascExclusion(input.data, ctx.settings, e);
    const cohort = lookedAfterAt(input, e, uasc);
    const placements = cohort.children.map((c) => ({
      childId: c.childId,
      inWindow: c.history.placements.filter((p) => p.start <= e && (p.end === null || p.end > w)),
    }));
    // A headline-only run (no members, no breakdowns) counts the children without a member list to build.
    const headlineOnly = ctx.members === false && ctx.breakdowns === false;
    const members: Member[] = headlineOnly
      ? []
      : placements.map(({ childId, inWindow }) => {
          const n = inWindow.length;
          return {
            childId,
            recordIds: inWindow.map((p) => p.episodes[0].id),
            dates: Object.fromEntries(inWindow.map((p, i) => [`placement${i + 1}Start`, p.start])),
            inNumerator: n >= 3,
            reason: `${n} placement${n === 1 ? '' : 's'} since ${ukDate(w)}: ${inWindow.map((p) => ukDate(p.start)).join(', ')}`,
          };
        });
    const counts = placements.map((c) => c.inWindow.length);
    const den = counts.length;
    return {
      status: 'ok',
      numerator: counts.filter((n) => n >= 3).length,
      denominator: den,
      members,
      notes: [
        ...uasc.notes(cohort.uascRemoved),
        ...chainErrorNotes(cohort.children),
        ...historyNotes(input, w),
      ],
      ...(ctx.breakdowns === false
        ? {}
        : {
            breakdowns: {
              ...(ctx.members === false ? {} : childBreakdowns(members, input.childrenById, e, 'percent')),
              placementCount: placementCountRows(counts, den),
            },
          }),
    };
  },
};
