import { addMonths } from '../../calendar/add-months.js';
import { ageAt } from '../../calendar/age.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { AnnexACic } from '../../model/annex-a.js';
import { ukDate } from '../lib/uk-date.js';
import type { AnnexAFallback } from '../types.js';
import { list8Percentage, list8Snapshot } from './list-8-snapshot.js';

/**
 * A health or dental indicator from Annex A List 8 (inputs.md §4 fallback). Reading of the spec: List 8
 * gives only the latest assessment or check, not every one, so the due chain of cic-health-assessments
 * and cic-dental-checks cannot be rebuilt; what it answers is the indicators' OC2-cohort form
 * (`health.cohort = oc2`, `dental.cohort = oc2`) at the workbook's as-at date A: children looked after at
 * A whose period of care started on or before A − 12 months; numerator: the latest assessment or check
 * is up to date at A, that is within the 12 months to A (for health assessments, 6 months for a child
 * under 5 at A, whose reviews are six-monthly). A blank date is not up to date.
 */
function checkFromList8(
  field: (r: AnnexACic) => IsoDate | null,
  label: string,
  under5Months: number | null,
): AnnexAFallback {
  return {
    sources: ['annex-a-cic'],
    compute(input, ctx) {
      const snap = list8Snapshot(
        input,
        ctx,
        `${label}, for children in care 12 months or more (the OC2 cohort form of this indicator)`,
      );
      if (snap.status !== 'ok') return snap.computation;
      const a = snap.asAt;
      const cohort = snap.rows.filter((r) => r.startDate <= addMonths(a, -12));
      return list8Percentage(
        snap,
        cohort,
        (r) => {
          const last = field(r);
          if (last === null) return { in: false, blank: true, reason: `${label} blank (Annex A)` };
          const dob = input.childrenById.get(r.childId)?.dob ?? null;
          const months = under5Months !== null && dob !== null && ageAt(dob, a) < 5 ? under5Months : 12;
          const ok = last <= a && last > addMonths(a, -months);
          return {
            in: ok,
            reason: `${label} ${ukDate(last)}: ${ok ? 'within' : 'not within'} the ${months} months to ${ukDate(a)} (Annex A)`,
          };
        },
        label,
      );
    },
  };
}

/** cic-health-assessments from Annex A List 8: latest health assessment up to date at A (see above). */
export const cicHealthAssessmentsFromList8 = checkFromList8(
  (r) => r.lastHealthAssessment,
  'Date of Last Health Assessment',
  6,
);

/** cic-dental-checks from Annex A List 8: latest dental check within the 12 months to A (see above). */
export const cicDentalChecksFromList8 = checkFromList8(
  (r) => r.lastDentalCheck,
  'Date of Last Dental Check',
  null,
);
