import { ran, type AnyRecord, type Rule, type RuleHit, type StagedTableKey } from '../rule.js';
import { EVENT_DATES, type FieldRef } from '../table-fields.js';
import { ukDate } from '../../ingest/parse-date.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';
import { outOfRange } from './event-date-range.js';

/**
 * GEN-FUTURE (inputs.md §6): an event date after today ("REVIEW 03/01/2031 is in the future"). Error: the
 * record is not loaded. ExpectedPersonBirthDate is exempt (it is not checked). Ofsted Annex A dates are checked
 * by the Annex A reader (readAnnexA), under the same code: a List 1, 2 or 6 row becomes no record a rule sees,
 * and a future date must not become the workbook's as-at date.
 */
export const genFuture: Rule = {
  code: 'GEN-FUTURE',
  severity: 'error',
  sources: ['ssda903', 'cin', 'local'],
  tables: [
    'episodes',
    'cicReviews',
    'missingEpisodes',
    'ad1',
    'placedAdoption',
    'prevPerm',
    'dolo',
    'referrals',
    'assessments',
    'cpPlans',
    'contacts',
  ],
  fields: [
    'DECOM',
    'DEC',
    'REVIEW',
    'DATE_INT',
    'DATE_MATCH',
    'DATE_PLACED',
    'DATE_PLACED_CEASED',
    'DATE_PERM',
    'DOLO_START',
    'DOLO_END',
    'CINreferralDate',
    'received_at',
  ],
  message: 'An event date lies in the future.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const spec = EVENT_DATES[ctx.source];
    // The scan GEN-PAST reuses (event-date-range.ts): one pass over the dates for both rules.
    const from = firstCountableDate();
    for (const [table, fields] of Object.entries(spec) as [StagedTableKey, readonly FieldRef[]][]) {
      const records = ctx.tables[table] as readonly AnyRecord[] | undefined;
      if (!records) continue;
      for (const { record, future } of outOfRange(records, fields, ctx.today, from)) {
        if (future === null) continue;
        const shown = ctx.source === 'ssda903' ? ukDate(future.date) : future.date;
        hits.push({
          table,
          record,
          field: future.field,
          value: shown,
          message: `${future.field} ${shown} is in the future`,
        });
      }
    }
    return ran(hits);
  },
};
