import { ukDate } from '../lib/uk-date.js';
import type { AnnexAFallback } from '../types.js';
import { list8Percentage, list8Snapshot } from './list-8-snapshot.js';

/**
 * cic-placements-3plus from Annex A List 8 (inputs.md §4 fallback): of the children looked after at the
 * workbook's as-at date, those whose Number of Placements in the Last 12 Months is 3 or more (Ofsted's
 * count, the current placement included). A blank count is not in the numerator (note `annexABlank`).
 * @example cicPlacements3plusFromList8.compute(input, ctx).numerator //=> children with 3+ placements
 */
export const cicPlacements3plusFromList8: AnnexAFallback = {
  sources: ['annex-a-cic'],
  compute(input, ctx) {
    const snap = list8Snapshot(input, ctx, 'Number of Placements in the Last 12 Months');
    if (snap.status !== 'ok') return snap.computation;
    return list8Percentage(
      snap,
      snap.rows,
      (r) =>
        r.placements12m === null
          ? { in: false, blank: true, reason: 'Number of placements in the last 12 months blank (Annex A)' }
          : {
              in: r.placements12m >= 3,
              reason: `${r.placements12m} placement${r.placements12m === 1 ? '' : 's'} in the 12 months to ${ukDate(snap.asAt)} (Annex A)`,
            },
      'Number of Placements in the Last 12 Months',
    );
  },
};
