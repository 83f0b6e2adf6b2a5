import { addMonths } from '../calendar/add-months.js';
import { computeHealthChain, computeOc2Cohort } from './lib/health-chain.js';
import { variant } from './settings.js';
import type { IndicatorDefinition } from './types.js';
import { cicDentalChecksFromList8 } from './annex-a/cic-checks-from-list-8.js';

/**
 * cic-dental-checks (indicators.md §2): per period of care, a due-event chain (§1.6) with a dental
 * check due every 12 months from the start; the denominator is the children with a check due in
 * [fy, e], the numerator those for whom every such due has a completed check in (anchor, e] (completed
 * by period end; `dental.completion = onTime`: met on time; `dental.cohort = oc2`: the annual OC2 cohort
 * and TEETH_CHECK). One member per child.
 */
export const cicDentalChecks: IndicatorDefinition = {
  id: 'cic-dental-checks',
  title: 'Children in Care due a dental check who had one completed',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'ytd',
  bases: ['ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-dental-checks; §1.4, §1.6',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of Children in Care (CiC) with a dental check due since 1 April who had it completed by the period end.',
    numerator:
      'Children for whom every dental check due between 1 April and the period end was followed by a completed check after the previous check (or the start of care) and by the period end.',
    denominator:
      'Children with at least one dental check due between 1 April and the period end: per period of care, 12 months after the child came into care, then 12 months after each check (or after a missed due date). Dues on or after the end of the period of care, or after the extract date, are not counted.',
    exclusions:
      'Short breaks (legal status V3 or V4). Declined checks are not checks. Unaccompanied asylum-seeking children only when the LA reports excluding them.',
    why: 'Statutory guidance expects children in care to have regular dental checks; the DfE reports them for children looked after for 12 months (OC2).',
    comparability:
      'The England figure (70%) is the DfE OC2 measure: children looked after continuously for 12 months at 31 March whose teeth were checked by a dentist in the year. This in-year measure counts children due a check, so it is not like-for-like; the OC2 cohort option reproduces the DfE definition at year end.',
  },
  // Only the table every variant needs: the default reads cla_health and the OC2 cohort variant reads
  // OC2 (often used where there is no cla_health file), so compute reports which one is missing.
  sources: ['episodes'],
  annexA: cicDentalChecksFromList8,
  target: { value: 90, kind: 'local' },
  england: {
    value: 70,
    text: '70% (OC2 cohort)',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: false,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of Children in Care (CiC) that were due a dental check {when} had had one completed',
    zeroPhrase: 'No child in care due a dental check {when} had had one completed',
  },
  compute(input, ctx) {
    if (variant<string>(ctx.settings, 'dental.cohort', 'due') === 'oc2') {
      return computeOc2Cohort(input, ctx, (r) => r.teethCheck, 'TEETH_CHECK');
    }
    return computeHealthChain(input, ctx, {
      checkTypes: ['DENTAL'],
      next: () => (a) => addMonths(a, 12),
      firstCountedK: 1,
      completion: { setting: 'dental.completion', default: 'byPeriodEnd' },
      usesAge: false,
      noun: 'dental check',
      timetable: 'dental|12 months',
    });
  },
};
