import type { LaDataset } from '../../model/la-dataset.js';
import type { Member } from '../../indicators/types.js';

/**
 * One member row as an edition freezes it (report.md §8 "the children in each numerator and denominator
 * (held internally)"): child id, whether in the numerator, the record ids and the dates that decided it.
 * Held only inside the edition record; never rendered in any output.
 */
export interface FrozenMember {
  readonly childId: string;
  readonly inNumerator: boolean;
  readonly recordIds: readonly string[];
  /** The deciding dates as `name=date` pairs joined with `;`, in name order (compact and comparable). */
  readonly dates: string;
}

/** Frozen member rows per indicator id. */
export type FrozenMembers = Readonly<Record<string, readonly FrozenMember[]>>;

/**
 * The frozen form of an indicator's member rows.
 * @example freezeMembers([{ childId: 'C1', recordIds: ['r1'], dates: { a: '2021-10-01' }, inNumerator: true, reason: '' }])
 * //=> [{ childId: 'C1', inNumerator: true, recordIds: ['r1'], dates: 'a=2021-10-01' }]
 */
export function freezeMembers(members: readonly Member[]): FrozenMember[] {
  return members.map((m) => ({
    childId: m.childId,
    inNumerator: m.inNumerator,
    recordIds: [...m.recordIds],
    dates: Object.keys(m.dates)
      .sort()
      .map((k) => `${k}=${m.dates[k] ?? ''}`)
      .join(';'),
  }));
}

/**
 * A record's natural key from its loaded id (`loadedId`: "submission:key"): what stays the same when the
 * record's return is imported again as a new submission. An id without a submission is its own key.
 * @example recordKey('841-ssda903-2021-22-45:C1/2021-11-11') //=> 'C1/2021-11-11'
 */
export function recordKey(loadedId: string): string {
  return loadedId.slice(loadedId.indexOf(':') + 1);
}

/** Record ids of a dataset by child id (every table whose rows carry `id` and `childId`). */
export type RecordIndex = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Indexes the record ids of a dataset by child, for telling why a child moved between an edition and now.
 * @example recordIndex(dataset).get('C1') //=> Set { 'C1/2021-10-01', … }
 */
export function recordIndex(data: LaDataset): RecordIndex {
  const out = new Map<string, Set<string>>();
  for (const value of Object.values(data)) {
    if (!Array.isArray(value)) continue;
    for (const row of value as unknown[]) {
      if (!row || typeof row !== 'object') continue;
      const r = row as { id?: unknown; childId?: unknown };
      if (typeof r.id !== 'string' || typeof r.childId !== 'string') continue;
      let s = out.get(r.childId);
      if (!s) out.set(r.childId, (s = new Set()));
      s.add(r.id);
    }
  }
  return out;
}
