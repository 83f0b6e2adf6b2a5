import type { IsoDate } from '../../calendar/iso-date.js';
import { dateParts } from '../../calendar/iso-date.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A whole number with thousands separators (report.md §3, §5).
 * @example formatCount(82170) //=> '82,170'
 */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A display value already rounded to one decimal, always shown with one decimal.
 * @example oneDecimal(100) //=> '100.0'
 */
export function oneDecimal(v: number): string {
  const tenths = Math.round(v * 10);
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${formatCount(Math.floor(a / 10))}.${a % 10}`;
}

/**
 * A target or benchmark as set: no forced decimals.
 * @example formatAsSet(90) //=> '90'
 * @example formatAsSet(2.5) //=> '2.5'
 */
export function formatAsSet(v: number): string {
  return Number.isInteger(v) ? formatCount(v) : String(v);
}

/** "10.8 per cent" (narrative). */
export function perCent(v: number): string {
  return `${oneDecimal(v)} per cent`;
}

/** "10.8%" (tables). */
export function pct(v: number): string {
  return `${oneDecimal(v)}%`;
}

/**
 * Percentage rounded half up to one decimal in integer arithmetic (indicators.md §1.7).
 * @example roundedPercent(160, 200) //=> 80
 * @example roundedPercent(164, 192) //=> 85.4
 */
export function roundedPercent(num: number, den: number): number {
  return Math.floor((2000 * num + den) / (2 * den)) / 10;
}

/** "December 2021". */
export function monthYear(d: IsoDate): string {
  const [y, m] = dateParts(d);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "1 October 2021". */
export function longDate(d: IsoDate): string {
  const [y, m, day] = dateParts(d);
  return `${day} ${MONTHS[m - 1]} ${y}`;
}

/** "October 2021" style month name only. */
export function monthName(d: IsoDate): string {
  return MONTHS[dateParts(d)[1] - 1]!;
}

/**
 * Joins items as English prose.
 * @example listProse(['a', 'b', 'c']) //=> 'a, b and c'
 */
export function listProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Upper-cases the first letter. */
export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
