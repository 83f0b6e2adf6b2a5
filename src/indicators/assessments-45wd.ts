import { inWindow } from '../calendar/period.js';
import { variant } from './settings.js';
import { referralDates } from './lib/referral-dates.js';
import { fromMembers } from './lib/members.js';
import { countNote } from './lib/notes.js';
import { windowOf } from './lib/window.js';
import { wd, workingDaysText } from './lib/working-days.js';
import type { IndicatorDefinition, Member } from './types.js';

/**
 * assessments-45wd (indicators.md §2): C&F assessments authorised in the period, and those authorised
 * within 45 working days of their start (or, under `assessment.anchor = referral`, of the referral date).
 */
export const assessments45wd: IndicatorDefinition = {
  id: 'assessments-45wd',
  title: 'C&F assessments completed within timescale (45 working days)',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'assessment',
  basis: 'ytd',
  bases: ['ytd', 'in-period'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 assessments-45wd',
  definitionVersion: '1.0',
  definition: {
    summary: 'The percentage of child and family assessments completed within 45 working days.',
    numerator:
      'Assessments authorised within 45 working days of their start date (working days after the start, up to and including the authorisation date).',
    denominator: 'Assessments with an authorisation date in the period.',
    exclusions:
      'Assessments not yet authorised; an authorisation dated before the start (counted in the note invalidDates).',
    why: 'Working Together to Safeguard Children sets 45 working days as the maximum time for an assessment.',
    comparability: 'As the DfE Children in need statistic (assessments completed within 45 working days).',
  },
  sources: ['assessments'],
  target: { value: 90, kind: 'local' },
  england: {
    value: 84.5,
    text: '84.5%',
    year: '2021-22',
    publisher: 'DfE Children in need statistics',
    likeForLike: true,
  },
  directionComparator: 'last-year',
  narrative: {
    subject: 'of the C&F assessments within timescale',
    lead: 'Social workers completed',
    // The committee's word for its target (minutes, Q3 2021/22: "which falls below the target of 90 per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    const byReferral = variant<string>(ctx.settings, 'assessment.anchor', 'start') === 'referral';
    const referralDate = referralDates(input.data);
    const members: Member[] = [];
    let invalid = 0;
    let noReferral = 0;
    for (const a of input.data.assessments) {
      if (a.authorisationDate === null || !inWindow(a.authorisationDate, w)) continue;
      const anchor = byReferral ? (referralDate.get(a.referralId) ?? null) : a.startDate;
      if (anchor === null) {
        noReferral++;
        continue;
      }
      if (a.authorisationDate < anchor) {
        invalid++;
        continue;
      }
      const days = wd(ctx.settings, anchor, a.authorisationDate);
      members.push({
        childId: a.childId,
        recordIds: [a.id],
        dates: {
          start: a.startDate,
          ...(byReferral ? { referralDate: anchor } : {}),
          authorised: a.authorisationDate,
        },
        inNumerator: days <= 45,
        reason: `authorised ${workingDaysText(days)} after ${byReferral ? 'referral' : 'start'}`,
      });
    }
    return fromMembers(members, {
      notes: [countNote('invalidDates', invalid), countNote('noReferral', noReferral)],
    });
  },
};
