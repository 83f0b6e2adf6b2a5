/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, with integer day arithmetic.
 *
 * A calendar date never passes through a JavaScript `Date`, so it can never shift across midnight
 * UTC/BST whatever the machine's time zone. Day numbers count days since 1970-01-01 (day 0), using
 * Howard Hinnant's civil-from-days algorithms (proleptic Gregorian calendar).
 */

/** A calendar date written `YYYY-MM-DD`; only values checked by {@link parseIsoDate} or made here carry the brand. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Checks a `YYYY-MM-DD` string is a real date and brands it; returns null otherwise.
 * @example parseIsoDate('2024-02-29') //=> '2024-02-29'
 * @example parseIsoDate('2023-02-29') //=> null
 */
export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return text as IsoDate;
}

/** Like {@link parseIsoDate} but throws (a programming error: callers validate input first). */
export function isoDate(text: string): IsoDate {
  const d = parseIsoDate(text);
  if (d === null) throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  return d;
}

/** Builds a date from year, month (1–12) and day; throws if it is not a real date. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** Splits a date into [year, month, day]. */
export function dateParts(d: IsoDate): [number, number, number] {
  return [
    (d.charCodeAt(0) - 48) * 1000 +
      (d.charCodeAt(1) - 48) * 100 +
      (d.charCodeAt(2) - 48) * 10 +
      (d.charCodeAt(3) - 48),
    (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48),
    (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48),
  ];
}

/** Days since 1970-01-01 for a civil date. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Days since 1970-01-01.
 * @example toDayNumber('1970-01-02') //=> 1
 */
export function toDayNumber(d: IsoDate): number {
  const [y, m, day] = dateParts(d);
  return dayNumberOf(y, m, day);
}

/** The date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return makeDate(year, month, day);
}

/**
 * `days(a, b)` = b − a in calendar days (same day 0, reversed dates negative).
 * @example daysBetween('2020-01-10', '2022-01-08') //=> 729
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** `d + n` calendar days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(d: IsoDate): number {
  const n = toDayNumber(d);
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** True on Saturday and Sunday. */
export function isWeekend(d: IsoDate): boolean {
  return dayOfWeek(d) >= 6;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
