import type { LaDataset } from '../../model/la-dataset.js';
import type { SourceKind } from '../../model/source.js';
import { CalendarRangeError, type LoadedDateBeforeTable } from '../../calendar/working-day-calendar.js';
import { EVENT_DATES } from '../../validate/table-fields.js';
import { BIRTH_DATES } from '../../validate/rules/event-date-range.js';

/** The tables GEN-PAST checks as users know them: the local file, the SSDA903 file, the CIN census. */
const TABLE_LABELS: Readonly<Record<string, string>> = {
  contacts: 'contacts.csv',
  cpVisits: 'cp_visits.csv',
  claVisits: 'cla_visits.csv',
  allocations: 'allocations.csv',
  healthChecks: 'cla_health.csv',
  careLeavers: 'care_leavers.csv',
  strategyDiscussions: 'strategy_discussions.csv',
  episodes: 'SSDA903 episodes',
  cicReviews: 'SSDA903 reviews',
  missingEpisodes: 'SSDA903 missing',
  swEpisodes: 'SSDA903 social worker episodes',
  uasc: 'SSDA903 UASC',
  ad1: 'SSDA903 AD1',
  placedAdoption: 'SSDA903 placed for adoption',
  prevPerm: 'SSDA903 previous permanence',
  dolo: 'SSDA903 deprivation of liberty',
};

const CIN_LABEL = 'CIN census';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A loaded record's event date before `from`: where it is, and its year. */
export interface LoadedDateFound extends Omit<LoadedDateBeforeTable, 'la'> {
  readonly year: number;
}

/**
 * The table and field of a loaded record with an event date before `from` (1 January of the bank-holiday
 * table's first year), one in `year` if there is one, else the first found; null when there is none. It looks
 * where rule GEN-PAST looks (`EVENT_DATES`, birth dates exempt), naming them as GEN-PAST does, then (Annex A,
 * any other table) at every `YYYY-MM-DD` property of every record but a birth date, named by the model. Never
 * a child id or a value. One pass over the records, on the error path only.
 * @example loadedDateBefore(data, '1990-01-01', 1922) //=> { table: 'contacts.csv', field: 'received_at', year: 1922 }
 */
export function loadedDateBefore(data: LaDataset, from: string, year: number): LoadedDateFound | null {
  const tables = data as unknown as Readonly<Record<string, unknown>>;
  let first: LoadedDateFound | null = null;
  const consider = (table: string, field: string, date: string): LoadedDateFound | null => {
    const found = { table, field, year: Number(date.slice(0, 4)) };
    if (found.year === year) return found;
    first ??= found;
    return null;
  };
  for (const [source, byTable] of Object.entries(EVENT_DATES) as [
    SourceKind,
    (typeof EVENT_DATES)[SourceKind],
  ][]) {
    for (const [table, fields] of Object.entries(byTable)) {
      const records = tables[table];
      if (!Array.isArray(records) || !fields) continue;
      const events = fields.filter((f) => !BIRTH_DATES.has(f.field));
      const label = source === 'cin' ? CIN_LABEL : (TABLE_LABELS[table] ?? table);
      for (const r of records as Readonly<Record<string, unknown>>[]) {
        for (const f of events) {
          const d = f.read(r);
          if (typeof d !== 'string' || d >= from) continue;
          const exact = consider(label, f.field, d);
          if (exact) return exact;
        }
      }
    }
  }
  if (first) return first;
  for (const [table, records] of Object.entries(tables)) {
    if (!Array.isArray(records)) continue;
    for (const r of records as unknown[]) {
      if (typeof r !== 'object' || r === null) continue;
      for (const [field, d] of Object.entries(r)) {
        if (typeof d !== 'string' || !ISO_DATE.test(d) || d >= from || /dob|birth/i.test(field)) continue;
        const exact = consider(table, field, d);
        if (exact) return exact;
      }
    }
  }
  return first;
}

/**
 * `compute()`, with a {@link CalendarRangeError} for a year before the bank-holiday table explained by the
 * loaded record that caused it (indicators.md §1.2: such a calculation fails naming the year). A database
 * loaded before rule GEN-PAST (inputs.md §6 reading, docs/spec-readings.md) can hold a typo year (a contact
 * received 1922-04-01); the bare error then advised adding 1922's bank holidays, wrong for a typo and with no
 * pointer to the record. The error keeps its kind (exit 2 at the command line, as before) and says which
 * table and field hold the date and how to remove it. Any other error, or none found, is rethrown as it was.
 * @example explainedByLoadedDates(data, () => runIndicator(…)) // throws 'a record loaded for LA 841 has an event date in 1922 (contacts.csv, received_at), …'
 */
export function explainedByLoadedDates<T>(data: LaDataset, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (!(err instanceof CalendarRangeError) || err.loaded !== null || err.year >= err.firstYear) throw err;
    const found = loadedDateBefore(data, `${err.firstYear}-01-01`, err.year);
    if (found === null) throw err;
    throw new CalendarRangeError(found.year, err.firstYear, err.lastYear, {
      la: data.la,
      table: found.table,
      field: found.field,
    });
  }
}
