import { type IsoDate, dateParts, fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { birthday } from '../calendar/age.js';
import { defaultWorkingDayCalendar } from '../calendar/bank-holidays.js';

/**
 * The simulation keeps dates as day numbers (days since 1970-01-01) for speed; these helpers wrap
 * `src/calendar` (working days from the shipped England & Wales bank-holiday table) in that form.
 */
export type Day = number;

/** Day number of an ISO date. */
export const day = (d: string): Day => toDayNumber(d as IsoDate);

/** ISO `YYYY-MM-DD` of a day number. */
export const iso = (d: Day): IsoDate => fromDayNumber(d);

/** `dd/mm/YYYY` (SSDA903 CSV dates). */
export function ddmmyyyy(d: Day): string {
  const s = fromDayNumber(d);
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** d + n calendar months with month-end clamping (src/calendar addMonths). */
export const plusMonths = (d: Day, n: number): Day => toDayNumber(addMonths(fromDayNumber(d), n));

/** The n-th birthday of someone born on dob (29 February → 1 March). */
export const birthdayOf = (dob: Day, n: number): Day => toDayNumber(birthday(fromDayNumber(dob), n));

/** Completed years of age at d. */
export function ageOn(dob: Day, d: Day): number {
  const [by, bm, bd] = dateParts(fromDayNumber(dob));
  const [ay, am, ad] = dateParts(fromDayNumber(d));
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export const weekday = (d: Day): number => ((((d + 3) % 7) + 7) % 7) + 1;

const cal = defaultWorkingDayCalendar();

/** addwd(d, n): the n-th working day after d (src/calendar). */
export const addWd = (d: Day, n: number): Day => toDayNumber(cal.addWorkingDays(fromDayNumber(d), n));

/** wd(a, b): working days in (a, b] (src/calendar). */
export const wdBetween = (a: Day, b: Day): number =>
  cal.elapsedWorkingDays(fromDayNumber(a), fromDayNumber(b));

/** True on England & Wales working days. */
export const isWd = (d: Day): boolean => cal.isWorkingDay(fromDayNumber(d));

/** d itself if a working day, else the next working day. */
export const onOrNextWd = (d: Day): Day => (isWd(d) ? d : addWd(d, 1));

/** d itself if a working day, else the previous working day. */
export const onOrPrevWd = (d: Day): Day => (isWd(d) ? d : addWd(d, -1));
