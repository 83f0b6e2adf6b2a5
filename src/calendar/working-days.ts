import type { IsoDate } from './iso-date.js';
import { defaultWorkingDayCalendar } from './bank-holidays.js';

/**
 * wd(a, b): England & Wales working days d with a < d ≤ b (indicators.md §1.2). Same day 0; Saturday →
 * Monday 1. O(1) after the calendar is built. Throws `CalendarRangeError` outside the holiday table.
 * @example elapsedWorkingDays('2022-05-25', '2022-06-17') //=> 15 (2 and 3 June 2022 are holidays)
 */
export function elapsedWorkingDays(a: IsoDate, b: IsoDate): number {
  return defaultWorkingDayCalendar().elapsedWorkingDays(a, b);
}

/** The `inclusive` variant: working days d with a ≤ d ≤ b (same working day = 1). */
export function inclusiveWorkingDays(a: IsoDate, b: IsoDate): number {
  return defaultWorkingDayCalendar().inclusiveWorkingDays(a, b);
}

/**
 * addwd(d, n): the n-th working day after d. b is "within n working days" of a exactly when b ≤ addwd(a, n).
 * @example addWorkingDays('2022-05-25', 15) //=> '2022-06-17'
 * @example addWorkingDays('2022-12-15', 10) //=> '2023-01-03'
 */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  return defaultWorkingDayCalendar().addWorkingDays(d, n);
}

/** True when d is Monday–Friday and not an England & Wales bank holiday. */
export function isWorkingDay(d: IsoDate): boolean {
  return defaultWorkingDayCalendar().isWorkingDay(d);
}

/** How working days are counted: `elapsed` (default) or `inclusive` (indicators.md §1.2). */
export type WorkingDayCount = 'elapsed' | 'inclusive';

/** wd(a, b) under the chosen count convention. */
export function workingDaysBetween(a: IsoDate, b: IsoDate, count: WorkingDayCount = 'elapsed'): number {
  return count === 'inclusive' ? inclusiveWorkingDays(a, b) : elapsedWorkingDays(a, b);
}
