import type { IsoDate } from '../../calendar/iso-date.js';
import type { RecordTables } from '../../ingest/staged.js';
import { type Reidentify, reidentifyCopy } from './keyed-merge.js';
import type { SubmissionRecords } from './submission-records.js';

type LocalKey =
  | 'contacts'
  | 'strategyDiscussions'
  | 'cpVisits'
  | 'claVisits'
  | 'allocations'
  | 'workers'
  | 'healthChecks'
  | 'careLeavers'
  | 'placementsLongTerm'
  | 'postcodes'
  | 'population';

type Row<K extends LocalKey> = NonNullable<RecordTables[K]>[number];

interface LocalRule<K extends LocalKey> {
  /** Natural key (inputs.md §5). */
  readonly key: (r: Row<K>) => string;
  /** The key date a newer file's date range replaces on; absent for undated tables (upsert on key). */
  readonly keyDate?: (r: Row<K>) => IsoDate;
}

/** Local tables: natural keys and key dates (inputs.md §5). */
export const LOCAL_RULES: { readonly [K in LocalKey]: LocalRule<K> } = {
  contacts: { key: (r) => r.id, keyDate: (r) => r.receivedDate },
  strategyDiscussions: { key: (r) => `${r.childId}|${r.strategyDate}`, keyDate: (r) => r.strategyDate },
  cpVisits: { key: (r) => `${r.childId}|${r.visitDate}|${r.visitId ?? ''}`, keyDate: (r) => r.visitDate },
  claVisits: { key: (r) => `${r.childId}|${r.visitDate}|${r.visitId ?? ''}`, keyDate: (r) => r.visitDate },
  allocations: { key: (r) => `${r.childId}|${r.workerId}|${r.start}`, keyDate: (r) => r.start },
  healthChecks: { key: (r) => `${r.childId}|${r.checkType}|${r.checkDate}`, keyDate: (r) => r.checkDate },
  careLeavers: { key: (r) => `${r.childId}|${r.statusDate}`, keyDate: (r) => r.statusDate },
  workers: { key: (r) => r.workerId },
  placementsLongTerm: { key: (r) => `${r.childId}|${r.placementStart}` },
  postcodes: { key: (r) => r.pcd },
  population: { key: (r) => `${r.year}|${r.laCode}` },
};

/**
 * Whether a local table is undated (inputs.md §5: workers, placements_long_term, postcodes, population):
 * its rows have no key date, so a file of it covers no date range and upserts on key.
 * @example isUndatedLocalTable('workers') //=> true
 */
export function isUndatedLocalTable(key: string): boolean {
  return key in LOCAL_RULES && LOCAL_RULES[key as LocalKey].keyDate === undefined;
}

/**
 * Merges one local table across submissions given oldest first (inputs.md §5): a newer file with a date
 * range first removes earlier rows whose key date lies in it (so deletions take effect), then its rows
 * replace those with the same key.
 *
 * Undated tables upsert on key (§5, the rule for these tables over §1.1's "replaces that submission
 * whole"): every import of one is kept (`submissionIdentity`), the later import wins each key it holds and
 * the keys only an earlier import holds stay (population.csv of 2022-23 adds a year to the one of 2021-22; a
 * workers.csv of new starters adds them to the earlier list). Their rows say nothing of a year, so they are
 * taken in import order, not by the collection year their submission was given (the year imported in, or
 * `--year`). A key dropped from a later file stays: deletions do not take effect in an undated table.
 * @example mergeLocal('contacts', [march, june]) //=> June's rows plus March's rows dated before June's range
 * @example mergeLocal('population', [y2021, y2022]) //=> both years' rows; a year in both: 2022's import's row
 */
export function mergeLocal<K extends LocalKey>(
  key: K,
  given: readonly SubmissionRecords[],
  reidentify: Reidentify = reidentifyCopy,
): Row<K>[] {
  const rule = LOCAL_RULES[key] as LocalRule<K>;
  const subs = rule.keyDate ? given : [...given].sort((a, b) => a.seq - b.seq);
  // Each key's place in `records`/`owners` (a number per key: no object per row); a Map keeps first-seen order.
  const at = new Map<string, number>();
  const records: (Row<K> | undefined)[] = [];
  const owners: SubmissionRecords[] = [];
  // Bounds of the key dates held: a range outside them removes nothing, so the rows are not scanned.
  let low: IsoDate | null = null;
  let high: IsoDate | null = null;
  for (const sub of subs) {
    const rows = sub.tables[key] as Row<K>[] | undefined;
    if (rows === undefined) continue;
    const range = sub.dateRange;
    const kd = rule.keyDate;
    if (range !== null && kd && low !== null && high !== null && range.start <= high && range.end >= low) {
      // Deleting the current entry while iterating a Map is safe.
      for (const [k, i] of at) {
        const d = kd(records[i]!);
        if (d >= range.start && d <= range.end) {
          at.delete(k);
          records[i] = undefined;
        }
      }
    }
    // Within one file the first row of a key counts: a key already taken by this submission is skipped.
    for (const r of rows) {
      const k = rule.key(r);
      const i = at.get(k);
      if (i === undefined) {
        at.set(k, records.length);
        records.push(r);
        owners.push(sub);
      } else if (owners[i] !== sub) {
        records[i] = r;
        owners[i] = sub;
      } else continue;
      if (kd) {
        const d = kd(r);
        if (low === null || d < low) low = d;
        if (high === null || d > high) high = d;
      }
    }
  }
  // Re-identified only once, for the rows that stay.
  const out: Row<K>[] = [];
  for (const i of at.values()) out.push(reidentify(records[i]!, owners[i]!));
  return out;
}
