import { addMonths } from '../../calendar/add-months.js';
import { ageAt } from '../../calendar/age.js';
import { ukDate } from '../lib/uk-date.js';
import type { AnnexAFallback, Note } from '../types.js';
import { list8Percentage, list8Snapshot } from './list-8-snapshot.js';

const ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);

/**
 * cic-long-term-stability from Annex A List 8 (inputs.md §4 fallback), at the workbook's as-at date A:
 * children looked after at A, under 16 at A (date of birth from the merged child record), in care since
 * A − 30 months or earlier; numerator: Date of Start of Current Placement ≤ A − 24 months. List 8 holds
 * no earlier placement, so the adoption clause (the placement before an A3–A6 placement) cannot be
 * applied: such children count only on their current placement's start (note `adoptionClauseUnknown`).
 * @example cicLongTermStabilityFromList8.compute(input, ctx).denominator
 */
export const cicLongTermStabilityFromList8: AnnexAFallback = {
  sources: ['annex-a-cic'],
  compute(input, ctx) {
    const snap = list8Snapshot(
      input,
      ctx,
      'Date Started to be Looked After and Date of Start of Current Placement',
    );
    if (snap.status !== 'ok') return snap.computation;
    const a = snap.asAt;
    const started = addMonths(a, -30);
    const placed = addMonths(a, -24);
    let noDob = 0;
    let adoption = 0;
    const cohort = snap.rows.filter((r) => {
      if (r.startDate > started) return false;
      const dob = input.childrenById.get(r.childId)?.dob ?? null;
      if (dob === null) {
        noDob++;
        return false;
      }
      return ageAt(dob, a) < 16;
    });
    const extra: Note[] = [];
    if (noDob > 0) extra.push({ code: 'noDob', count: noDob });
    const result = list8Percentage(
      snap,
      cohort,
      (r) => {
        if (r.placementStart === null)
          return { in: false, blank: true, reason: 'Date of start of current placement blank (Annex A)' };
        const inNum = r.placementStart <= placed;
        if (!inNum && r.placementType !== null && ADOPTION.has(r.placementType)) adoption++;
        return {
          in: inNum,
          reason: `In care since ${ukDate(r.startDate)}; current placement since ${ukDate(r.placementStart)} (Annex A)`,
        };
      },
      'Date of Start of Current Placement',
      extra,
    );
    return adoption > 0
      ? {
          ...result,
          notes: [
            ...result.notes,
            {
              code: 'adoptionClauseUnknown',
              count: adoption,
              detail: 'Annex A holds no earlier placement to apply the adoption clause',
            },
          ],
        }
      : result;
  },
};
