import { addMonths } from '../calendar/add-months.js';
import { ageAt } from '../calendar/age.js';
import { missingTables, notAvailable } from './lib/availability.js';
import { childBreakdowns } from './lib/child-breakdowns.js';
import { chainErrorNotes, currentCarerEpisode, historyNotes, lookedAfterAt } from './lib/looked-after.js';
import { uascExclusion } from './lib/uasc.js';
import { ukDate } from './lib/uk-date.js';
import type { Computation, IndicatorDefinition, Member, Note } from './types.js';
import { cicLongTermStabilityFromList8 } from './annex-a/cic-long-term-stability-from-list-8.js';

/** PLACE codes of adoption placements (placed for adoption, A3–A6). */
const ADOPTION_PLACE = new Set(['A3', 'A4', 'A5', 'A6']);

/**
 * Children in Care aged under 16, looked after for at least 2.5 years, in their current placement for
 * at least two years (indicators.md §2 cic-long-term-stability, former NI 063; §3 E5).
 */
export const indicator: IndicatorDefinition = {
  id: 'cic-long-term-stability',
  title:
    'Children in Care aged under 16 (looked after for at least 2.5 years) in their current placement continuously for at least two years (former NI 063)',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-long-term-stability; §1.2, §1.4, §1.8 adoption clause; §3 E5',
  definitionVersion: '1',
  definition: {
    summary:
      'Of the children under 16 who had been in care for at least two and a half years at the end of the period, the percentage who had been in their current placement for at least two years.',
    numerator:
      'Children in the denominator whose current placement started at least 24 months before the period end. Temporary placements (such as a hospital stay or holiday) with a return to the same carer, and changes of legal status or placement type with the same carer, do not restart the placement. A child placed for adoption (placement types A3 to A6) also counts when the placement before the adoption placement, in the same period of care, started at least 24 months before the period end.',
    denominator:
      'Children looked after at the end of the period, aged under 16 on that day, whose current period of care started at least 30 months before it.',
    exclusions:
      'Short breaks (legal status V3 or V4). Children without a date of birth. Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'Long-term placement stability for children who will remain in care is linked to secure attachments and better outcomes.',
    comparability:
      'The DfE long-term stability measure at 31 March uses this definition; quarter-end figures are the local equivalent.',
  },
  sources: ['header', 'episodes'],
  annexA: cicLongTermStabilityFromList8,
  // Its cohort is the children looked after at the period end less those aged 16 or over, with no date of
  // birth or in care under 30 months: cic-placements-3plus's cohort (also cic-count's and the allocation
  // measures'), read from the same episodes, so the public version checks the difference against it.
  nestedIn: { indicator: 'cic-placements-3plus', by: 'denominator' },
  target: { value: 68, kind: 'local' },
  england: {
    value: 71,
    text: '71% (20,830 of 29,510)',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject:
      'of Children in Care aged under 16 who had been looked after for at least 2.5 years had been in their current placement continuously for at least two years{when:none}',
    zeroPhrase:
      'None of the [[CiC]] aged under 16 who had been looked after for at least 2.5 years had been in their current placement continuously for two years',
  },
  compute(input, ctx): Computation {
    const missing = missingTables(input, ['header', 'episodes']);
    if (missing.length > 0) return notAvailable(missing);
    const e = ctx.period.end;
    const inCareBy = addMonths(e, -30);
    const placedBy = addMonths(e, -24);
    const uasc = uascExclusion(input.data, ctx.settings, e);
    const cohort = lookedAfterAt(input, e, uasc);
    let noDob = 0;
    const inCohort = cohort.children.filter((c) => {
      if (c.periodOfCare.start > inCareBy || c.placement === null) return false;
      const dob = input.childrenById.get(c.childId)?.dob ?? null;
      if (dob === null) {
        noDob += 1;
        return false;
      }
      return ageAt(dob, e) < 16;
    });
    const members: Member[] = inCohort.map((c) => {
      const placement = c.placement!;
      const base = {
        childId: c.childId,
        recordIds: [placement.episodes[0].id],
        dates: { periodOfCareStart: c.periodOfCare.start, placementStart: placement.start },
      };
      const since = `In care since ${ukDate(c.periodOfCare.start)}; current placement since ${ukDate(placement.start)}`;
      if (placement.start <= placedBy) {
        return { ...base, inNumerator: true, reason: `${since} (on or before ${ukDate(placedBy)})` };
      }
      const carer = currentCarerEpisode(placement, e);
      if (carer !== null && carer.place !== null && ADOPTION_PLACE.has(carer.place.toUpperCase())) {
        const same = c.history.placements
          .filter((p) => p.periodOfCareId === c.periodOfCare.id)
          .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
        const before = same[same.findIndex((p) => p.id === placement.id) - 1];
        if (before !== undefined) {
          const ok = before.start <= placedBy;
          return {
            ...base,
            recordIds: [placement.episodes[0].id, before.episodes[0].id],
            dates: { ...base.dates, previousPlacementStart: before.start },
            inNumerator: ok,
            reason: `${since}, placed for adoption (${carer.place}); previous placement since ${ukDate(before.start)}${ok ? ` (on or before ${ukDate(placedBy)})` : ''}`,
          };
        }
      }
      return { ...base, inNumerator: false, reason: `${since} (after ${ukDate(placedBy)})` };
    });
    const notes: Note[] = [...uasc.notes(cohort.uascRemoved), ...chainErrorNotes(inCohort)];
    if (noDob > 0)
      notes.push({ code: 'noDob', count: noDob, detail: 'in care 2.5 years at e with no date of birth' });
    notes.push(...historyNotes(input, inCareBy));
    return {
      status: 'ok',
      numerator: members.filter((m) => m.inNumerator).length,
      denominator: members.length,
      members,
      notes,
      breakdowns: ctx.members === false ? {} : childBreakdowns(members, input.childrenById, e, 'percent'),
    };
  },
};
