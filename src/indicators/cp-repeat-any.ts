import { inWindow } from '../calendar/period.js';
import type { CpPlan } from '../model/cin.js';
import { endsBeforeStart } from './lib/cp-plan-dates.js';
import { fromMembers } from './lib/members.js';
import { countNote } from './lib/notes.js';
import { byChild } from './lib/unique-referrals.js';
import { windowOf } from './lib/window.js';
import type { IndicatorDefinition, Member } from './types.js';

/**
 * cp-repeat-any (indicators.md §2, §1.8): CP plans starting in the period, and those that are a second or
 * subsequent plan: NumberOfPreviousCPP ≥ 1, or the loaded history holds an earlier plan of the child. Where
 * the two disagree the plan is counted in the note `previousCppMismatch`.
 * Decided readings: (§1.8) a blank NumberOfPreviousCPP states nothing, so it never disagrees with the
 * history (a stated 0 against an earlier loaded plan does); (§1.2 "End before start", as cp-repeat-2y) a
 * plan ending before it starts is invalid data: it is neither counted nor taken as an earlier plan, and
 * one starting in the period is counted in the note `invalidDates`; (§1.8 "where the two disagree") the
 * two disagree when they answer "is this a repeat?" differently, not when the count differs from the
 * number of earlier plans loaded (the count reaches back before the loaded history, which is why it is
 * read); (§1.3 historyIncomplete) the measure looks back for ever, and NumberOfPreviousCPP is its
 * look-back before the loaded data (DfE's figure uses it alone; §2 names no "history back to" for it), so
 * there is no fixed look-back for the history to fall short of and no `historyIncomplete` note.
 */
export const cpRepeatAny: IndicatorDefinition = {
  id: 'cp-repeat-any',
  title: 'Children becoming subject to a CP plan for a second or subsequent time (ever)',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'child-protection',
  basis: 'ytd',
  bases: ['ytd', 'in-period'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cp-repeat-any',
  definitionVersion: '1.1',
  definition: {
    summary:
      'The percentage of child protection plans starting in the period for children who had been on a plan before, at any time.',
    numerator:
      'Plans where the census records one or more previous plans (NumberOfPreviousCPP), or the loaded history holds an earlier plan of the child.',
    denominator: 'Child protection plans with a start date in the period; each plan counts.',
    exclusions:
      'A plan ending before it started, which is neither counted nor taken as an earlier plan (counted in the note invalidDates when it starts in the period). Plans where the census count and the history disagree are counted in the note previousCppMismatch; a blank count does not disagree.',
    why: 'Repeat plans may show that earlier work did not reduce risks for good. Some repeat plans are expected (0% is not).',
    comparability:
      'As the DfE Children in need statistic (second or subsequent plans), which is for a whole year.',
  },
  sources: ['cp-plans'],
  target: null,
  england: {
    value: 22.7,
    text: '22.7% (14,550 of 64,390)',
    year: '2021-22',
    publisher: 'DfE Children in need statistics',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject:
      'of children becoming subject to a Child Protection (CP) plan {when} had been subject to a plan before',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    const members: Member[] = [];
    let mismatch = 0;
    let invalid = 0;
    for (const childPlans of byChild(input.data.cpPlans).values()) {
      const plans = childPlans.filter((p) => !endsBeforeStart(p));
      invalid += childPlans.filter((p) => endsBeforeStart(p) && inWindow(p.startDate, w)).length;
      for (const p of plans) {
        if (!inWindow(p.startDate, w)) continue;
        let earlier: CpPlan | null = null;
        for (const q of plans) {
          if (q.startDate < p.startDate && (!earlier || q.startDate > earlier.startDate)) earlier = q;
        }
        const stated = p.numberOfPreviousCpp;
        const byCount = stated !== null && stated >= 1;
        if (stated !== null && byCount !== (earlier !== null)) mismatch++;
        members.push({
          childId: p.childId,
          recordIds: earlier ? [p.id, earlier.id] : [p.id],
          dates: { planStart: p.startDate, earlierPlanStart: earlier?.startDate ?? null },
          inNumerator: byCount || earlier !== null,
          reason: [
            stated === null ? 'NumberOfPreviousCPP blank' : `NumberOfPreviousCPP ${stated}`,
            earlier ? `earlier plan from ${earlier.startDate}` : 'no earlier plan loaded',
          ].join('; '),
        });
      }
    }
    return fromMembers(members, {
      notes: [countNote('previousCppMismatch', mismatch), countNote('invalidDates', invalid)],
    });
  },
};
