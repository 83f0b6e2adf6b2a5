import type { IsoDate } from '../../calendar/iso-date.js';
import type { StagedTables } from '../staged.js';
import type { LocalFileRange } from './read-local-csv.js';

/** The key date of each dated local table's rows (inputs.md §5), the file's date range is taken on. */
const KEY_DATES: {
  readonly [K in keyof StagedTables]?: (r: NonNullable<StagedTables[K]>[number]) => IsoDate;
} = {
  contacts: (r) => r.receivedDate,
  strategyDiscussions: (r) => r.strategyDate,
  cpVisits: (r) => r.visitDate,
  claVisits: (r) => r.visitDate,
  allocations: (r) => r.start,
  healthChecks: (r) => r.checkDate,
  careLeavers: (r) => r.statusDate,
};

/**
 * The key-date range of a local file's rows up to today (inputs.md §5): a typo date in the future (a contact
 * received in 2031, rejected as GEN-FUTURE) is no date the extract covers, so it neither widens the range in
 * which a newer file replaces earlier rows, nor moves the file's as-at date and collection year (which would
 * make the file outrank every later one). Null when no row is dated up to today.
 * @example extractRange({ contacts: [c20210501, c20220331, c20310105] }, '2024-06-01') //=> { start: '2021-05-01', end: '2022-03-31' }
 */
export function extractRange(tables: StagedTables, today: IsoDate): LocalFileRange | null {
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  for (const [key, dateOf] of Object.entries(KEY_DATES) as [keyof StagedTables, (r: unknown) => IsoDate][]) {
    for (const r of (tables[key] as readonly unknown[] | undefined) ?? []) {
      const d = dateOf(r);
      if (d > today) continue;
      if (start === null || d < start) start = d;
      if (end === null || d > end) end = d;
    }
  }
  return start !== null && end !== null ? { start, end } : null;
}
