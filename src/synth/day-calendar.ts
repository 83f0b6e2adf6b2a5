import { type IsoDate, dayNumberOf, daysInMonth, fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { defaultWorkingDayCalendar } from '../calendar/bank-holidays.js';

/**
 * The simulation keeps dates as day numbers (days since 1970-01-01) for speed; these helpers wrap
 * `src/calendar` in that form. Working days come from the shipped England & Wales bank-holiday table
 * through `src/calendar`; the per-day tables here only cache its answers (and civil dates) so the
 * hot loops avoid building strings.
 */
export type Day = number;

const BASE = dayNumberOf(1900, 1, 1);
const SIZE = dayNumberOf(2101, 1, 1) - BASE;
const YEAR = new Int16Array(SIZE);
const MONTH = new Int8Array(SIZE);
const DOM = new Int8Array(SIZE);
{
  let i = 0;
  for (let y = 1900; y <= 2100; y++) {
    for (let m = 1; m <= 12; m++) {
      const n = daysInMonth(y, m);
      for (let d = 1; d <= n; d++, i++) {
        YEAR[i] = y;
        MONTH[i] = m;
        DOM[i] = d;
      }
    }
  }
}
const isoCache: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(SIZE);
const dmyCache: (string | undefined)[] = new Array<string | undefined>(SIZE);
const inRange = (d: Day): boolean => d >= BASE && d < BASE + SIZE;

/** Day number of an ISO date. */
export const day = (d: string): Day => toDayNumber(d as IsoDate);

/** ISO `YYYY-MM-DD` of a day number. */
export function iso(d: Day): IsoDate {
  if (!inRange(d)) return fromDayNumber(d);
  return (isoCache[d - BASE] ??= fromDayNumber(d));
}

/** `dd/mm/YYYY` (SSDA903 CSV dates). */
export function ddmmyyyy(d: Day): string {
  if (inRange(d)) {
    const hit = dmyCache[d - BASE];
    if (hit !== undefined) return hit;
  }
  const s = iso(d);
  const out = `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
  if (inRange(d)) dmyCache[d - BASE] = out;
  return out;
}

/** [year, month, day] of a day number. */
function parts(d: Day): [number, number, number] {
  if (inRange(d)) {
    const i = d - BASE;
    return [YEAR[i]!, MONTH[i]!, DOM[i]!];
  }
  const s = fromDayNumber(d);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

/** d + n calendar months, keeping the day of the month clamped to the month's end (as src/calendar addMonths). */
export function plusMonths(d: Day, n: number): Day {
  const [y, m, dd] = parts(d);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumberOf(year, month, Math.min(dd, daysInMonth(year, month)));
}

/** The n-th birthday of someone born on dob (29 February → 1 March, as src/calendar birthday). */
export function birthdayOf(dob: Day, n: number): Day {
  const [y, m, d] = parts(dob);
  const yy = y + n;
  if (m === 2 && d === 29 && daysInMonth(yy, 2) === 28) return dayNumberOf(yy, 3, 1);
  return dayNumberOf(yy, m, d);
}

/** Completed years of age at d (as src/calendar ageAt). */
export function ageOn(dob: Day, d: Day): number {
  const [by, bm, bd] = parts(dob);
  const [ay, am, ad] = parts(d);
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}

/** Year and month (1–12) of a day number. */
export function yearMonth(d: Day): [number, number] {
  const [y, m] = parts(d);
  return [y, m];
}

/** Calendar quarter number of a day: year × 4 + (0 for January–March … 3 for October–December). */
export function quarterOf(d: Day): number {
  if (inRange(d)) return (YEAR[d - BASE]! * 4 + (MONTH[d - BASE]! - 1) / 3) | 0;
  const [y, m] = parts(d);
  return y * 4 + Math.floor((m - 1) / 3);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export const weekday = (d: Day): number => ((((d + 3) % 7) + 7) % 7) + 1;

const cal = defaultWorkingDayCalendar();
const WD_START = dayNumberOf(cal.firstYear, 1, 1);
const WD_SIZE = dayNumberOf(cal.lastYear, 12, 31) - WD_START + 1;
/** cum[i]: working days in [WD_START, WD_START + i]; list: the working days in order. */
const CUM = new Int32Array(WD_SIZE);
const LIST: number[] = [];
for (let i = 0; i < WD_SIZE; i++) {
  if (cal.isWorkingDay(fromDayNumber(WD_START + i))) LIST.push(WD_START + i);
  CUM[i] = LIST.length;
}

/** addwd(d, n): the n-th working day after d (n < 0: before); src/calendar's rule, cached. */
export function addWd(d: Day, n: number): Day {
  const i = d - WD_START;
  if (n === 0) return d;
  if (i >= 0 && i < WD_SIZE) {
    const c = CUM[i]!;
    const k = n > 0 ? c + n - 1 : c - (isWd(d) ? 1 : 0) + n;
    if (k >= 0 && k < LIST.length) return LIST[k]!;
  }
  if (d + n * 2 + 14 > WD_END) return addWeekdays(d, n);
  return toDayNumber(cal.addWorkingDays(fromDayNumber(d), n));
}

/**
 * Past the bank-holiday table the simulation still plans ahead (a plan running on beyond the extract):
 * those dates are never written (`--end` is at most the table's last year), so weekends alone will do.
 */
const WD_END = WD_START + WD_SIZE - 1;
function addWeekdays(d: Day, n: number): Day {
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let x = d;
  while (left > 0) {
    x += step;
    if (x > WD_END ? weekday(x) <= 5 : isWd(x)) left--;
  }
  return x;
}

/** wd(a, b): working days in (a, b]. */
export function wdBetween(a: Day, b: Day): number {
  const i = a - WD_START;
  const j = b - WD_START;
  if (i >= 0 && j >= 0 && i < WD_SIZE && j < WD_SIZE) return CUM[j]! - CUM[i]!;
  if (j >= WD_SIZE || i >= WD_SIZE) {
    let n = 0;
    for (let x = Math.min(a, b) + 1; x <= Math.max(a, b); x++) if (isWd(x)) n++;
    return a <= b ? n : -n;
  }
  return cal.elapsedWorkingDays(fromDayNumber(a), fromDayNumber(b));
}

/** True on England & Wales working days. */
export function isWd(d: Day): boolean {
  const i = d - WD_START;
  if (i >= 0 && i < WD_SIZE) return CUM[i]! !== (i === 0 ? 0 : CUM[i - 1]!);
  if (i >= WD_SIZE) return weekday(d) <= 5;
  return cal.isWorkingDay(fromDayNumber(d));
}

/** d itself if a working day, else the next working day. */
export const onOrNextWd = (d: Day): Day => (isWd(d) ? d : addWd(d, 1));

/** d itself if a working day, else the previous working day. */
export const onOrPrevWd = (d: Day): Day => (isWd(d) ? d : addWd(d, -1));
