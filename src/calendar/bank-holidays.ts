import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type IsoDate, makeDate, parseIsoDate } from './iso-date.js';
import { type WorkingDayCalendar, createWorkingDayCalendar } from './working-day-calendar.js';

/** The shipped England & Wales table (1990–2027, substitute days and one-offs included). */
export const SHIPPED_BANK_HOLIDAYS = fileURLToPath(
  new URL('../../data/bank-holidays-england-and-wales.csv', import.meta.url),
);

/** One row of a bank-holiday table. */
export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/**
 * Parses a `date,name` CSV of bank holidays (the gov.uk feed's England & Wales division, as dates).
 * Throws naming the line when a date is not a real `YYYY-MM-DD` date.
 */
export function parseBankHolidayCsv(text: string, fileName = 'bank holidays'): BankHoliday[] {
  const rows: BankHoliday[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (i === 0 && /^date\s*,/i.test(line)) return;
    if (line.trim() === '') return;
    const comma = line.indexOf(',');
    const dateText = (comma < 0 ? line : line.slice(0, comma)).trim();
    const date = parseIsoDate(dateText);
    if (!date) throw new Error(`${fileName} line ${i + 1}: "${dateText}" is not a YYYY-MM-DD date`);
    rows.push({
      date,
      name:
        comma < 0
          ? ''
          : line
              .slice(comma + 1)
              .trim()
              .replace(/^"|"$/g, ''),
    });
  });
  return rows;
}

let cached: WorkingDayCalendar | null = null;

/**
 * The calendar every working-day measure uses: the shipped table, plus the rows of the CSV named by the
 * `CSPI_BANK_HOLIDAYS` environment variable (how an LA adds next year's holidays before a release ships them).
 */
export function defaultWorkingDayCalendar(): WorkingDayCalendar {
  if (cached) return cached;
  const rows = parseBankHolidayCsv(
    readFileSync(SHIPPED_BANK_HOLIDAYS, 'utf8'),
    'bank-holidays-england-and-wales.csv',
  );
  const extra = process.env['CSPI_BANK_HOLIDAYS'];
  if (extra) rows.push(...parseBankHolidayCsv(readFileSync(extra, 'utf8'), extra));
  cached = createWorkingDayCalendar([...new Set(rows.map((r) => r.date))]);
  return cached;
}

/**
 * The earliest date cspi can count working days from: 1 January of the first year of the calendar every
 * working-day measure uses ({@link defaultWorkingDayCalendar}; 1990 with the shipped table). indicators.md §1.2
 * makes the table's range a hard limit, so an event date before this day is a typo rejected at import
 * (`GEN-PAST`), never a figure that fails later.
 * @example firstCountableDate() //=> '1990-01-01'
 */
export function firstCountableDate(): IsoDate {
  return makeDate(defaultWorkingDayCalendar().firstYear, 1, 1);
}
