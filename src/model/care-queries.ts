import type { IsoDate } from '../calendar/iso-date.js';
import type { CareHistory, PeriodOfCare, Placement } from './care-history.js';

/** True when [start, end) with a blank end holds the day d (DECOM ≤ d and (DEC blank or DEC > d)). */
function openOn(start: IsoDate, end: IsoDate | null, d: IsoDate): boolean {
  return start <= d && (end === null || end > d);
}

/**
 * The period of care the child is in at the end of day d, or null (indicators.md §1.4 step 3: a child
 * who ceases on d is not looked after at d).
 * @example periodOfCareOn(history, '2021-12-31')?.start //=> '2019-06-30'
 */
export function periodOfCareOn(history: CareHistory, d: IsoDate): PeriodOfCare | null {
  return history.periodsOfCare.find((p) => openOn(p.start, p.end, d)) ?? null;
}

/**
 * Looked after on d: an episode (short breaks removed) with DECOM ≤ d and (DEC blank or DEC > d).
 * @example lookedAfterOn(history, '2021-03-10') //=> true (a child ceasing on 2021-03-10 gives false)
 */
export function lookedAfterOn(history: CareHistory, d: IsoDate): boolean {
  return periodOfCareOn(history, d) !== null;
}

/**
 * The current placement on d (indicators.md §1.4 step 5): for a child in a temporary episode, the
 * placement they are away from, since temporary episodes belong to it. Null when not looked after.
 * @example currentPlacementOn(e4History, '2021-03-15')?.start //=> '2020-06-01' (in hospital, T1)
 */
export function currentPlacementOn(history: CareHistory, d: IsoDate): Placement | null {
  return history.placements.find((p) => openOn(p.start, p.end, d)) ?? null;
}

/**
 * Looked after on at least one day of [start, end] (indicators.md §1.4 step 3, day by day): some period
 * whose first day in the window, max(DECOM, start), is ≤ end and before its DEC. A period that starts and
 * ends on the same day is looked after on no day, wherever it falls.
 * @example lookedAfterDuring(history, '2021-10-01', '2021-12-31') //=> true
 */
export function lookedAfterDuring(history: CareHistory, start: IsoDate, end: IsoDate): boolean {
  return history.periodsOfCare.some((p) => {
    const first = p.start > start ? p.start : start;
    return first <= end && (p.end === null || p.end > first);
  });
}
