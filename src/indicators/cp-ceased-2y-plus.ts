import type { IsoDate } from '../calendar/iso-date.js';
import { daysBetween } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { inWindow } from '../calendar/period.js';
import { variant } from './settings.js';
import { endsBeforeStart } from './lib/cp-plan-dates.js';
import { fromMembers } from './lib/members.js';
import { countNote } from './lib/notes.js';
import { windowOf } from './lib/window.js';
import type { IndicatorDefinition, Member } from './types.js';

/**
 * Whether a plan from start to end lasted two years or more under `cpDuration`: `inclusive` (default,
 * DfE "more than 729 days including the day of cessation": end − start ≥ 729), `elapsed` (≥ 730) or
 * `calendar`. The §2 variant reads "end ≥ start + 24 months"; decided reading: indicators.md §1.2
 * "Thresholds step back from the reference date … Never step forward from the start" governs, so the
 * threshold is start ≤ end − 24 months, the reference date being the plan's end. The two differ only
 * when the start's day is clamped going forward: a plan from 29 February 2020 has lasted two calendar
 * years on 1 March 2022, not on 28 February 2022 (2022-02-28 − 24 months = 2020-02-28).
 * @example lastedTwoYears('2020-01-10', '2022-01-08', 'inclusive') //=> true
 * @example lastedTwoYears('2020-01-10', '2022-01-07', 'inclusive') //=> false
 * @example lastedTwoYears('2020-02-29', '2022-02-28', 'calendar') //=> false
 */
export function lastedTwoYears(start: IsoDate, end: IsoDate, rule: string): boolean {
  if (rule === 'calendar') return start <= addMonths(end, -24);
  const days = daysBetween(start, end);
  return rule === 'elapsed' ? days >= 730 : days >= 729;
}

/**
 * cp-ceased-2y-plus (indicators.md §2): CP plans ending in the period, and those that lasted two years or
 * more. A plan ending before it started leaves both (note `invalidDates`).
 */
export const cpCeased2yPlus: IndicatorDefinition = {
  id: 'cp-ceased-2y-plus',
  title: 'Children ceasing to be subject to a CP plan who had been subject to the plan for two years or more',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'child-protection',
  basis: 'ytd',
  bases: ['ytd', 'in-period'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cp-ceased-2y-plus',
  definitionVersion: '1.1',
  definition: {
    summary:
      'The percentage of child protection plans ending in the period that had lasted two years or more.',
    numerator:
      'Plans that lasted 730 days or more counting both the first day and the day the plan ended (end date minus start date at least 729 days).',
    denominator: 'Child protection plans with an end date in the period; each plan counts.',
    exclusions: 'A plan ending before it started (counted in the note invalidDates).',
    why: 'A plan lasting two years or more may mean the plan is not bringing about the change the child needs.',
    comparability:
      'As the DfE Children in need statistic ("more than 729 days including the day of cessation"), which is for a whole year.',
  },
  sources: ['cp-plans'],
  target: { value: 5, kind: 'local' },
  england: {
    value: 3.7,
    text: '3.7%',
    year: '2021-22',
    publisher: 'DfE Children in need statistics',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject:
      'of children ceasing to be subject to a Child Protection (CP) plan {when} had been subject to the plan for two or more years',
    zeroPhrase:
      'No child ceased to be subject to a Child Protection (CP) plan who had been subject to the plan for two or more years',
    // The committee's word for its target (minutes, Q3 2021/22: "continue to positively perform below the target of five per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    const rule = variant<string>(ctx.settings, 'cpDuration', 'inclusive');
    const members: Member[] = [];
    let invalid = 0;
    for (const p of input.data.cpPlans) {
      if (p.endDate === null || !inWindow(p.endDate, w)) continue;
      if (endsBeforeStart(p)) {
        invalid++;
        continue;
      }
      const long = lastedTwoYears(p.startDate, p.endDate, rule);
      const days = daysBetween(p.startDate, p.endDate) + 1;
      members.push({
        childId: p.childId,
        recordIds: [p.id],
        dates: { planStart: p.startDate, planEnd: p.endDate },
        inNumerator: long,
        reason: `plan lasted ${days} day${days === 1 ? '' : 's'} counting both ends`,
      });
    }
    return fromMembers(members, { notes: [countNote('invalidDates', invalid)] });
  },
};
