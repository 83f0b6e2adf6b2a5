import type { IsoDate } from '../../calendar/iso-date.js';
import type { Period } from '../../calendar/period.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { TableName } from '../../model/source.js';
import type { Computation } from '../types.js';
import { CIN_TABLES, SSDA903_TABLES } from './as-at.js';
import { fileFor } from './availability.js';
import { ukDate } from './uk-date.js';

/** The event date of each local event file's records: its data begin at the earliest. */
const EVENT_DATES: Partial<Record<TableName, (d: LaDataset) => readonly IsoDate[]>> = {
  contacts: (d) => d.contacts.map((c) => c.receivedDate),
  'cp-visits': (d) => d.cpVisits.map((v) => v.visitDate),
  'cla-visits': (d) => d.claVisits.map((v) => v.visitDate),
  'cla-health': (d) => d.healthChecks.map((h) => h.checkDate),
  'care-leavers': (d) => d.careLeavers.map((s) => s.statusDate),
  'strategy-discussions': (d) => d.strategyDiscussions.map((s) => s.strategyDate),
};

const earliest = new WeakMap<LaDataset, Map<TableName, IsoDate | null>>();

/**
 * The first day a source table's loaded data cover, or null when nothing bounds it: the CIN census and the
 * SSDA903 return from the start of their earliest loaded collection year (`historyStart`; a table Ofsted
 * Annex A supplies has none), a local event file from its earliest event. Reference files (workers,
 * postcodes, population, long-term placements) and allocations (which run from whenever a worker was
 * allocated) have none.
 * @example dataStart(data, 'cp-plans') //=> '2017-04-01' (CIN census from 2017-18)
 */
export function dataStart(data: LaDataset, table: TableName): IsoDate | null {
  if (CIN_TABLES.has(table)) return data.annexASupplied.has(table) ? null : data.historyStart.cin;
  if (SSDA903_TABLES.has(table)) return data.historyStart.ssda903;
  const dates = EVENT_DATES[table];
  if (!dates) return null;
  let memo = earliest.get(data);
  if (!memo) earliest.set(data, (memo = new Map()));
  if (!memo.has(table)) {
    let first: IsoDate | null = null;
    for (const d of dates(data)) if (first === null || d < first) first = d;
    memo.set(table, first);
  }
  return memo.get(table)!;
}

/**
 * "Not available" for a period that ends before the loaded data of one of `sources` begin, or null. Such a
 * figure would be computed from records the data do not hold (children who left care before the first
 * SSDA903 year, visits before the visits extract), so it is no figure at all, never a 0% or an undercount:
 * a trend reaching back before an LA's first loaded year shows "not available" for those quarters. A period
 * that ends on or after the data begin is computed (look-backs reaching earlier carry `historyIncomplete`,
 * indicators.md §1.3).
 * @example beforeData(data, ['cp-plans', 'cp-visits'], parsePeriod('2016-17-Q2'))?.notes[0].detail //=> 'loaded data begin 03/04/2017 (cp_visits.csv)'
 */
export function beforeData(
  data: LaDataset,
  sources: readonly TableName[],
  period: Period,
): Computation | null {
  const latest = dataBeginAfter(data, sources, period);
  if (latest === null) return null;
  return {
    status: 'not-available',
    numerator: 0,
    denominator: null,
    members: [],
    notes: [
      {
        code: 'notAvailable',
        detail: `loaded data begin ${ukDate(latest.start)} (${sourceName(latest.table)})`,
      },
    ],
  };
}

/**
 * The source whose loaded data begin latest after `period` ends, with that day, or null when none begins after
 * it: what {@link beforeData}'s "loaded data begin …" names.
 * @example dataBeginAfter(data, ['cp-plans', 'cp-visits'], parsePeriod('2016-17-Q2')) //=> { table: 'cp-visits', start: '2017-04-03' }
 */
export function dataBeginAfter(
  data: LaDataset,
  sources: readonly TableName[],
  period: Period,
): { readonly table: TableName; readonly start: IsoDate } | null {
  let latest: { table: TableName; start: IsoDate } | null = null;
  for (const table of sources) {
    const start = dataStart(data, table);
    if (start !== null && period.end < start && (latest === null || start > latest.start))
      latest = { table, start };
  }
  return latest;
}

/** The return or file a table comes from, as a user knows it. */
export function sourceName(table: TableName): string {
  if (CIN_TABLES.has(table)) return 'the CIN census';
  if (SSDA903_TABLES.has(table)) return 'the SSDA903 return';
  return fileFor(table);
}
