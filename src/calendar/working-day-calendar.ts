import { type IsoDate, dateParts, dayNumberOf, fromDayNumber, toDayNumber } from './iso-date.js';

/**
 * Where a loaded record holds an event date before the bank-holiday table (a typo year loaded before rule
 * GEN-PAST rejected such dates): the LA and the table and field as users know them, never the child or the
 * record's values (the message can reach logs).
 */
export interface LoadedDateBeforeTable {
  readonly la: string;
  /** `contacts.csv`, `SSDA903 episodes`, `CIN census`. */
  readonly table: string;
  /** `received_at`, `DECOM`, `CINreferralDate`. */
  readonly field: string;
}

/**
 * Thrown when a working-day calculation touches a date outside the bank-holiday table. With `loaded` (a
 * loaded record's event date in `year`, before the table begins; `explainedByLoadedDates`), the message
 * says so and how to remove the record, since adding the year's bank holidays is the wrong fix for a typo.
 */
export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';
  constructor(
    readonly year: number,
    readonly firstYear: number,
    readonly lastYear: number,
    readonly loaded: LoadedDateBeforeTable | null = null,
  ) {
    super(calendarRangeMessage(year, firstYear, lastYear, loaded));
  }
}

/**
 * The words of a {@link CalendarRangeError}.
 * @example calendarRangeMessage(2031, 1990, 2027, null) //=> 'working days for 2031 are not known: the England & Wales bank holiday table covers 1990–2027. Add 2031's bank holidays …'
 */
function calendarRangeMessage(
  year: number,
  firstYear: number,
  lastYear: number,
  loaded: LoadedDateBeforeTable | null,
): string {
  const where = `(from gov.uk/bank-holidays) to a CSV named by CSPI_BANK_HOLIDAYS or to data/bank-holidays-england-and-wales.csv.`;
  if (loaded === null) {
    return (
      `working days for ${year} are not known: the England & Wales bank holiday table covers ${firstYear}–${lastYear}. ` +
      `Add ${year}'s bank holidays ${where}`
    );
  }
  return (
    `a record loaded for LA ${loaded.la} has an event date in ${year} (${loaded.table}, ${loaded.field}), ` +
    `before the England & Wales bank holiday table (${firstYear}–${lastYear}) begins, so its working days cannot be counted. ` +
    `It is most likely a typo in the year, loaded before cspi rejected such dates: validate the LA's files ` +
    `(cspi validate), where rule GEN-PAST names the row, correct its year and import the file again ` +
    `(a file imported unchanged is skipped as already loaded, and the record stays). If the date is real, add ${year}'s bank holidays ${where}`
  );
}

/**
 * England & Wales working days (Monday–Friday, not a bank holiday) over a known range of whole years,
 * with O(1) queries: a prefix count of working days per day, and the list of working days in order.
 */
export interface WorkingDayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  /** True when d is Monday–Friday and not a bank holiday. */
  isWorkingDay(d: IsoDate): boolean;
  /** wd(a, b): working days d with a < d ≤ b (same day 0; reversed dates negative). */
  elapsedWorkingDays(a: IsoDate, b: IsoDate): number;
  /** Working days d with a ≤ d ≤ b (the `workingDays.count = inclusive` variant; same working day 1). */
  inclusiveWorkingDays(a: IsoDate, b: IsoDate): number;
  /** addwd(d, n): the n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). */
  addWorkingDays(d: IsoDate, n: number): IsoDate;
  /** True when d is one of the table's bank holidays. */
  isBankHoliday(d: IsoDate): boolean;
}

/**
 * Builds a calendar from a list of bank holidays. The known range runs from 1 January of the first
 * year in the list to 31 December of the last; every year in between must have at least one holiday,
 * so a missing year fails loudly rather than counting its holidays as working days.
 */
export function createWorkingDayCalendar(holidays: readonly IsoDate[]): WorkingDayCalendar {
  if (holidays.length === 0) throw new Error('the bank holiday table is empty');
  const years = new Set(holidays.map((h) => dateParts(h)[0]));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  for (let y = firstYear; y <= lastYear; y++) {
    if (!years.has(y)) throw new Error(`the bank holiday table has no holidays for ${y}`);
  }
  const start = dayNumberOf(firstYear, 1, 1);
  const end = dayNumberOf(lastYear, 12, 31);
  const size = end - start + 1;
  const holidaySet = new Set<number>(holidays.map((h) => toDayNumber(h) - start));
  // cum[i] = working days in [start, start + i]; working[k] = offset of the (k+1)-th working day.
  const cum = new Int32Array(size);
  const working = new Int32Array(size);
  const isWorking = new Uint8Array(size);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const dow = (((start + i + 3) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
    if (dow < 5 && !holidaySet.has(i)) {
      isWorking[i] = 1;
      working[count] = i;
      count++;
    }
    cum[i] = count;
  }

  const index = (d: IsoDate): number => {
    const i = toDayNumber(d) - start;
    if (i < 0 || i >= size) throw new CalendarRangeError(dateParts(d)[0], firstYear, lastYear);
    return i;
  };
  const atWorking = (k: number, from: IsoDate, n: number): IsoDate => {
    if (k < 0 || k >= count) {
      const year = dateParts(from)[0] + (n > 0 ? 1 : -1);
      throw new CalendarRangeError(
        n > 0 ? Math.max(year, lastYear + 1) : Math.min(year, firstYear - 1),
        firstYear,
        lastYear,
      );
    }
    return fromDayNumber(start + working[k]!);
  };

  return {
    firstYear,
    lastYear,
    isWorkingDay: (d) => isWorking[index(d)] === 1,
    isBankHoliday: (d) => holidaySet.has(index(d)),
    elapsedWorkingDays: (a, b) => cum[index(b)]! - cum[index(a)]!,
    inclusiveWorkingDays: (a, b) => {
      const ia = index(a);
      const ib = index(b);
      if (ib < ia) return -(cum[ia]! - cum[ib]! + isWorking[ib]!);
      return cum[ib]! - cum[ia]! + isWorking[ia]!;
    },
    addWorkingDays: (d, n) => {
      if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
      const i = index(d);
      if (n === 0) return d;
      if (n > 0) return atWorking(cum[i]! + n - 1, d, n);
      return atWorking(cum[i]! - isWorking[i]! + n, d, n);
    },
  };
}
