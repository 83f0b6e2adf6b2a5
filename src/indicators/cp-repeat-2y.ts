import { addDays } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { inWindow } from '../calendar/period.js';
import { variant } from './settings.js';
import { endsBeforeStart } from './lib/cp-plan-dates.js';
import { historyIncomplete } from './lib/history.js';
import { fromMembers } from './lib/members.js';
import { countNote } from './lib/notes.js';
import { byChild } from './lib/unique-referrals.js';
import { windowOf } from './lib/window.js';
import type { IndicatorDefinition, Member } from './types.js';

/**
 * cp-repeat-2y (indicators.md §2): CP plans starting in the period, and those whose child had another
 * plan ending p with start − 24 months ≤ p ≤ start (`repeat.window = 730days`: p ≥ start − 730 days).
 * Decided reading of §1.2 "End before start": it applies to every record a measure uses whose own dates
 * matter to it, and a plan's start (which period it counts in) and end (as a previous plan) both do. A
 * plan ending before it starts is invalid data everywhere, as loading treats it (CIN-CPP-ORDER): it is
 * neither counted nor a previous plan, and one starting in the period is counted in the note
 * `invalidDates`.
 */
export const cpRepeat2y: IndicatorDefinition = {
  id: 'cp-repeat-2y',
  title:
    'Children becoming subject to a CP plan for a second or subsequent time within two years of the previous plan ending',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'child-protection',
  basis: 'ytd',
  bases: ['ytd', 'in-period'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cp-repeat-2y',
  definitionVersion: '1.1',
  definition: {
    summary:
      'The percentage of child protection plans starting in the period for children whose previous plan ended within the two years before.',
    numerator:
      'Plans whose child had another plan ending on or after the new start date minus 24 months and on or before the new start date, from every loaded year.',
    denominator: 'Child protection plans with a start date in the period; each plan counts.',
    exclusions:
      'A plan ending before it started, which is neither counted nor taken as a previous plan (counted in the note invalidDates when it starts in the period).',
    why: 'A child returning to a plan soon after one ends may mean the earlier plan ended before risks had reduced enough.',
    comparability:
      'A local measure; the DfE publishes repeat plans ever (see cp-repeat-any), not within two years.',
  },
  sources: ['cp-plans'],
  // Its plans are some of the repeat plans of cp-repeat-any, of the same plans started (the public version
  // checks the difference: repeats more than two years after the previous plan).
  nestedIn: { indicator: 'cp-repeat-any', by: 'numerator' },
  target: { value: 6, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject:
      'of children becoming subject to a Child Protection (CP) plan {when} had been subject to a plan that ended in the previous two years',
    lead: 'At the end of {endMonth}, the percentage of children becoming subject to a [[CP]] plan {when} for a second or subsequent time within two years of the previous plan ending was {value}',
    // The committee's word for its target (minutes, Q3 2021/22: "above the 6 per cent target"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    const days730 = variant<string>(ctx.settings, 'repeat.window', '24months') === '730days';
    const members: Member[] = [];
    let invalid = 0;
    for (const childPlans of byChild(input.data.cpPlans).values()) {
      const plans = childPlans.filter((p) => !endsBeforeStart(p));
      invalid += childPlans.filter((p) => endsBeforeStart(p) && inWindow(p.startDate, w)).length;
      for (const p of plans) {
        if (!inWindow(p.startDate, w)) continue;
        const from = days730 ? addDays(p.startDate, -730) : addMonths(p.startDate, -24);
        let previous = null;
        for (const q of plans) {
          if (q.id === p.id || q.endDate === null || q.endDate < from || q.endDate > p.startDate) continue;
          if (
            !previous ||
            q.endDate! > previous.endDate! ||
            (q.endDate === previous.endDate && q.id < previous.id)
          ) {
            previous = q;
          }
        }
        members.push({
          childId: p.childId,
          recordIds: previous ? [p.id, previous.id] : [p.id],
          dates: { planStart: p.startDate, previousPlanEnd: previous?.endDate ?? null },
          inNumerator: previous !== null,
          reason: previous
            ? `previous plan ended ${previous.endDate}, on or after ${from}`
            : `no other plan ended between ${from} and ${p.startDate}`,
        });
      }
    }
    return fromMembers(members, {
      notes: [
        historyIncomplete(input.data.historyStart.cin, w.start, 24),
        countNote('invalidDates', invalid),
      ],
    });
  },
};
