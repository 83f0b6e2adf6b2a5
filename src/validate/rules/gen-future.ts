import { ran, type Rule } from '../rule.js';
import { EVENT_DATE_FIELDS, EVENT_DATE_TABLES, outOfRangeHits } from './event-date-range.js';

/**
 * GEN-FUTURE (inputs.md §6): an event date after today ("REVIEW 03/01/2031 is in the future"). Error: the
 * record is not loaded. ExpectedPersonBirthDate is exempt (it is not checked). A CP plan's review date
 * (CPPreviewDate, one of a list) in the future is a CP review of its own: a warning naming it, the review date
 * left out and the plan loaded (reading: outOfRangeHits, docs/spec-readings.md). Ofsted Annex A dates are checked
 * by the Annex A reader (readAnnexA), under the same code: a List 1, 2 or 6 row becomes no record a rule sees,
 * and a future date must not become the workbook's as-at date.
 */
export const genFuture: Rule = {
  code: 'GEN-FUTURE',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local'],
  tables: EVENT_DATE_TABLES,
  fields: EVENT_DATE_FIELDS,
  message: 'An event date lies in the future.',
  check: (ctx) => ran(outOfRangeHits(ctx, 'future', (field, shown) => `${field} ${shown} is in the future`)),
};
