import { ran, type Rule } from '../rule.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';
import { EVENT_DATE_FIELDS, EVENT_DATE_TABLES, outOfRangeHits } from './event-date-range.js';

/**
 * GEN-PAST: an event date before 1 January of the bank-holiday table's first year (1990 as shipped, later
 * years added by CSPI_BANK_HOLIDAYS; {@link firstCountableDate}). Error: the record is not loaded, the rest
 * loads. Reading (inputs.md §6 lists no such rule; indicators.md §1.2 makes the table's range a hard limit,
 * "a calculation touching a date outside it fails naming the year"): a date before the table is a typo (1922
 * for 2022), and letting it load would make every figure of the LA fail with advice to add 1922's bank
 * holidays; so, as GEN-FUTURE does for a date after today, the import rejects the row, naming it. Birth dates
 * are exempt (BIRTH_DATES, event-date-range.ts). A CP plan's review date (CPPreviewDate) before the table is,
 * as for GEN-FUTURE, a warning naming it: that review date is left out, the plan loads. Annex A dates are checked by the Annex A reader (readAnnexA), under the
 * same code, as for GEN-FUTURE; the readers also leave such a date out of a file's date range, as-at date and
 * collection year.
 */
export const genPast: Rule = {
  code: 'GEN-PAST',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local'],
  tables: EVENT_DATE_TABLES,
  fields: EVENT_DATE_FIELDS,
  message:
    'An event date lies before the first year of the bank-holiday table (1990 as shipped), earlier than any date cspi can count working days from.',
  check: (ctx) =>
    ran(
      outOfRangeHits(
        ctx,
        'past',
        (field, shown) =>
          `${field} ${shown} is before ${firstCountableDate().slice(0, 4)}, earlier than any date cspi can count working days from; check the year`,
      ),
    ),
};
