import type { IsoDate } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { ageAt } from '../calendar/age.js';
import type { WorkingDayCount } from '../calendar/working-days.js';
import { addWorkingDaysUnder } from './lib/add-working-days-under.js';
import { computeHealthChain, computeOc2Cohort } from './lib/health-chain.js';
import { variant } from './settings.js';
import type { IndicatorDefinition } from './types.js';
import { cicHealthAssessmentsFromList8 } from './annex-a/cic-checks-from-list-8.js';

/**
 * The health assessment timetable (Promoting the health and well-being of looked-after children, 2015):
 * the initial assessment 20 working days after the period of care starts (k = 1), then a review every
 * 6 months while the child is under 5 at the anchor, else every 12 months. No date of birth: 5 or over.
 * @example healthAssessmentDue('2019-06-01', 'elapsed')('2022-01-10', 2) //=> '2022-07-10'
 */
export function healthAssessmentDue(
  dob: IsoDate | null,
  count: WorkingDayCount,
): (anchor: IsoDate, k: number) => IsoDate {
  return (a, k) => {
    if (k === 1) return addWorkingDaysUnder(a, 20, count);
    return addMonths(a, dob !== null && ageAt(dob, a) < 5 ? 6 : 12);
  };
}

/**
 * cic-health-assessments (indicators.md §2): per period of care, a due-event chain (§1.6) whose first
 * due (the initial health assessment) anchors the chain but is not counted; the denominator is the
 * children with a review health assessment due in [fy, e], the numerator those all of whose reviews due
 * there were met on time (`health.completion = byPeriodEnd`: completed by e; `health.cohort = oc2`:
 * the annual OC2 cohort and HEALTH_CHECK). One member per child.
 */
export const cicHealthAssessments: IndicatorDefinition = {
  id: 'cic-health-assessments',
  title: 'Children in Care due a review health assessment year to date who had one completed',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'ytd',
  bases: ['ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-health-assessments; §1.4, §1.6',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of Children in Care (CiC) with a review health assessment due since 1 April who had every such assessment completed on time.',
    numerator:
      'Children all of whose review health assessments due between 1 April and the period end were completed on time: an initial or review health assessment after the previous one (or the initial assessment due date) and no later than the due date. Under the "by period end" option, an assessment completed late but by the period end also counts.',
    denominator:
      'Children with at least one review health assessment due between 1 April and the period end. Per period of care, the initial assessment is due 20 working days after the child comes into care (it sets the timetable but is not counted); reviews are then due every 6 months for a child under 5 and every 12 months from age 5. Dues on or after the end of the period of care, or after the extract date, are not counted.',
    exclusions:
      'Short breaks (legal status V3 or V4). Declined assessments are not assessments. Unaccompanied asylum-seeking children only when the LA reports excluding them. A child without a date of birth is treated as aged 5 or over.',
    why: 'Statutory guidance (Promoting the health and well-being of looked-after children, 2015) requires regular health assessments so that health needs are found and met.',
    comparability:
      'The England figure (89%) is the DfE OC2 measure: children looked after continuously for 12 months at 31 March whose health assessment was up to date. This in-year measure counts children due an assessment, so it is not like-for-like; the OC2 cohort option reproduces the DfE definition at year end.',
  },
  // Only the table every variant needs: the default reads cla_health and the OC2 cohort variant reads
  // OC2 (often used where there is no cla_health file), so compute reports which one is missing.
  sources: ['episodes'],
  annexA: cicHealthAssessmentsFromList8,
  target: { value: 90, kind: 'local' },
  england: {
    value: 89,
    text: '89% (OC2 cohort of 58,250)',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: false,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of Children in Care (CiC) due a review health assessment {when} had one completed',
    zeroPhrase: 'No child in care due a review health assessment {when} had one completed',
  },
  compute(input, ctx) {
    if (variant<string>(ctx.settings, 'health.cohort', 'due') === 'oc2') {
      return computeOc2Cohort(input, ctx, (r) => r.healthCheck, 'HEALTH_CHECK');
    }
    return computeHealthChain(input, ctx, {
      checkTypes: ['IHA', 'RHA'],
      next: (dob) => healthAssessmentDue(dob, ctx.settings.workingDays),
      firstCountedK: 2,
      completion: { setting: 'health.completion', default: 'onTime' },
      usesAge: true,
      noun: 'review health assessment',
      timetable: `health|${ctx.settings.workingDays}`,
    });
  },
};
