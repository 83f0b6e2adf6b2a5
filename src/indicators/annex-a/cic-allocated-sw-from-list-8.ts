import { ukDate } from '../lib/uk-date.js';
import type { AnnexAFallback } from '../types.js';
import { namesWorker } from './allocated-worker.js';
import { list8Percentage, list8Snapshot } from './list-8-snapshot.js';

/**
 * cic-allocated-sw from Annex A List 8 (inputs.md §4 fallback): of the children looked after at the
 * workbook's as-at date, those with an Allocated Worker named ({@link namesWorker}: not blank, not
 * "Unallocated" or the like).
 * @example cicAllocatedSwFromList8.compute(input, ctx).denominator //=> children in List 8 looked after at A
 */
export const cicAllocatedSwFromList8: AnnexAFallback = {
  sources: ['annex-a-cic'],
  compute(input, ctx) {
    const snap = list8Snapshot(input, ctx, 'Allocated Worker of each child looked after at that date');
    if (snap.status !== 'ok') return snap.computation;
    return list8Percentage(
      snap,
      snap.rows,
      (r) =>
        namesWorker(r.worker)
          ? { in: true, reason: `Allocated worker named at ${ukDate(snap.asAt)} (Annex A)` }
          : { in: false, reason: `No allocated worker at ${ukDate(snap.asAt)} (Annex A)` },
      'Allocated Worker',
    );
  },
};
