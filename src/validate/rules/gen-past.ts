import { ran, type AnyRecord, type Rule, type RuleHit, type StagedTableKey } from '../rule.js';
import { EVENT_DATES, type FieldRef } from '../table-fields.js';
import { ukDate } from '../../ingest/parse-date.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';
import type { SourceKind } from '../../model/source.js';

/**
 * Birth dates: not event dates (ages use calendar arithmetic, never working days), so a child born before the
 * bank-holiday table begins, or a mother's child's DOB, loads.
 */
const BIRTH_DATES: ReadonlySet<string> = new Set(['DOB', 'PersonBirthDate', 'MC_DOB']);

/** The event dates GEN-PAST checks in a source's tables: GEN-FUTURE's ({@link EVENT_DATES}) but the birth dates. */
function pastEventDates(source: SourceKind): readonly (readonly [StagedTableKey, readonly FieldRef[]])[] {
  const out: (readonly [StagedTableKey, readonly FieldRef[]])[] = [];
  for (const [table, fields] of Object.entries(EVENT_DATES[source]) as [
    StagedTableKey,
    readonly FieldRef[],
  ][]) {
    const events = fields.filter((f) => !BIRTH_DATES.has(f.field));
    if (events.length > 0) out.push([table, events]);
  }
  return out;
}

/**
 * GEN-PAST: an event date before 1 January of the bank-holiday table's first year (1990 as shipped, later
 * years added by CSPI_BANK_HOLIDAYS; {@link firstCountableDate}). Error: the record is not loaded, the rest
 * loads. Reading (inputs.md §6 lists no such rule; indicators.md §1.2 makes the table's range a hard limit,
 * "a calculation touching a date outside it fails naming the year"): a date before the table is a typo (1922
 * for 2022), and letting it load would make every figure of the LA fail with advice to add 1922's bank
 * holidays; so, as GEN-FUTURE does for a date after today, the import rejects the row, naming it. Birth dates
 * are exempt ({@link BIRTH_DATES}). Annex A dates are checked by the Annex A reader (readAnnexA), under the
 * same code, as for GEN-FUTURE; the readers also leave such a date out of a file's date range, as-at date and
 * collection year.
 */
export const genPast: Rule = {
  code: 'GEN-PAST',
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
  message:
    'An event date lies before the first year of the bank-holiday table (1990 as shipped), earlier than any date cspi can count working days from.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const from = firstCountableDate();
    const year = from.slice(0, 4);
    for (const [table, fields] of pastEventDates(ctx.source)) {
      for (const record of (ctx.tables[table] as readonly AnyRecord[] | undefined) ?? []) {
        for (const f of fields) {
          const d = f.read(record as Record<string, unknown>) as string | null;
          if (d && d < from) {
            const shown = ctx.source === 'ssda903' ? ukDate(d) : d;
            hits.push({
              table,
              record,
              field: f.field,
              value: shown,
              message: `${f.field} ${shown} is before ${year}, earlier than any date cspi can count working days from; check the year`,
            });
            break;
          }
        }
      }
    }
    return ran(hits);
  },
};
