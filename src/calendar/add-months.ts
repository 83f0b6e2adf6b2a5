import { type IsoDate, dateParts, daysInMonth, makeDate } from './iso-date.js';

/**
 * `d ± n` calendar months: keeps the day of the month, clamped to the last day of the target month
 * (indicators.md §1.2). Thresholds step back from the reference date, so callers pass negative `n`.
 * @example addMonths('2021-12-31', -30) //=> '2019-06-30'
 * @example addMonths('2024-02-29', -12) //=> '2023-02-28'
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`months must be a whole number: ${n}`);
  const [y, m, day] = dateParts(d);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return makeDate(year, month, Math.min(day, daysInMonth(year, month)));
}
