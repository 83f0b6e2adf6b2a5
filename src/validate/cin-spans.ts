import type { CinTable } from '../ingest/cin/cin-table.js';
import type { CinRecord, CinTableKey, FieldColumn } from '../ingest/cin/cin-shapes.js';
import type { RuleHit } from './rule.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { Referral } from '../model/cin.js';

/**
 * A CIN table's rows grouped by child: child k's rows are `rows[k === 0 ? 0 : ends[k - 1] .. ends[k])`, children in
 * order of first appearance, each child's rows in order of `date` (stable: equal dates keep file order), as
 * `childSpansByDate` groups records. Read from the table's child index: no record per row.
 * @example const { rows, ends } = cinRowsByChild(t, t.field('startDate'))
 */
export function cinRowsByChild<R extends CinRecord>(
  t: CinTable<R>,
  date: FieldColumn<IsoDate | null>,
): { readonly rows: Int32Array; readonly ends: Uint32Array } {
  const children = t.childIds.length;
  const ends = new Uint32Array(children);
  for (let i = 0; i < t.length; i++) ends[t.child[i]!]!++;
  for (let k = 1; k < children; k++) ends[k]! += ends[k - 1]!;
  // Each child's rows in file order, placed from the child's start (a counting sort by child).
  const next = new Uint32Array(children);
  for (let k = 1; k < children; k++) next[k] = ends[k - 1]!;
  const rows = new Int32Array(t.length);
  for (let i = 0; i < t.length; i++) rows[next[t.child[i]!]!++] = i;
  let from = 0;
  for (let k = 0; k < children; k++) {
    const to = ends[k]!;
    let ordered = true;
    for (let j = from + 1; j < to && ordered; j++) ordered = !(date.at(rows[j - 1]!)! > date.at(rows[j]!)!);
    if (!ordered) {
      const sorted = Array.from(rows.subarray(from, to)).sort((a, b) => {
        const x = date.at(a)!;
        const y = date.at(b)!;
        return x < y ? -1 : x > y ? 1 : 0;
      });
      rows.set(sorted, from);
    }
    from = to;
  }
  return { rows, ends };
}

/** Some referrals, found by the referral id an element gives ({@link referralKeys}). */
export interface ReferralKeys {
  /** Marks (1) in `into` every referral row, among those given, whose id is element row i's `referralId`. */
  mark(t: ElementRows, i: number, into: Uint8Array): void;
}

/** What {@link ReferralKeys.mark} reads of an element's table (any of the four inside a CINdetails). */
export type ElementRows = Pick<CinTable<CinRecord>, 'isStaged' | 'childId' | 'referralDateAt' | 'referralId'>;

/**
 * Finds some referrals (`rows` of `referrals`) by the referral id of the elements inside a CINdetails, as a set of
 * their ids would, without an id string per element: a row read from a census has the id `CHILD/REFERRALDATE` and
 * an element read with it the `referralId` `CHILD/ITSREFERRALDATE`, so those are matched by child and date (ISO
 * dates hold no '/', so an id's last '/' splits it one way only); a row staged as a record (another source's, a
 * repair) by its id string.
 */
export function referralKeys(referrals: CinTable<Referral>, rows: readonly number[]): ReferralKeys {
  const byChild = new Map<string, Map<IsoDate, number[]>>();
  const byId = new Map<string, number[]>();
  const add = <K>(m: Map<K, number[]>, k: K, r: number): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [r]);
    else list.push(r);
  };
  for (const r of rows) {
    if (referrals.isStaged(r)) {
      add(byId, referrals.id(r), r);
      continue;
    }
    const child = referrals.childId(r);
    let dates = byChild.get(child);
    if (dates === undefined) byChild.set(child, (dates = new Map()));
    add(dates, referrals.referralDateAt(r), r);
  }
  const markAll = (found: readonly number[] | undefined, into: Uint8Array): void => {
    if (found !== undefined) for (const r of found) into[r] = 1;
  };
  return {
    mark(t, i, into) {
      if (!t.isStaged(i)) {
        markAll(byChild.get(t.childId(i))?.get(t.referralDateAt(i)), into);
        if (byId.size > 0) markAll(byId.get(t.referralId(i)), into);
        return;
      }
      const id = t.referralId(i);
      const cut = id.lastIndexOf('/');
      if (cut !== -1) markAll(byChild.get(id.slice(0, cut))?.get(id.slice(cut + 1) as IsoDate), into);
      markAll(byId.get(id), into);
    },
  };
}

/** What a rule finds on one row: the hit without its table, row and record. */
export type RowFinding = Pick<RuleHit, 'field' | 'value' | 'message'> & Partial<Pick<RuleHit, 'repair'>>;

/**
 * The hits of a rule that judges each row of a CIN table on its own, in row order: `finder` is given the table
 * once (to take the columns it reads) and returns the judgement of row i, null when the row is fine. Each hit
 * names its row and `t.record(row)`, made for it alone. None when the submission has no such table.
 * @example rowHits(cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans), 'cpPlans', (t) => { const end = t.field('endDate'); return (i) => … })
 */
export function rowHits<R extends CinRecord>(
  t: CinTable<R> | undefined,
  table: CinTableKey,
  finder: (t: CinTable<R>) => (i: number) => RowFinding | null,
): RuleHit[] {
  const hits: RuleHit[] = [];
  if (t === undefined) return hits;
  const find = finder(t);
  for (let i = 0; i < t.length; i++) {
    const f = find(i);
    if (f !== null) hits.push({ table, row: i, record: t.record(i), ...f });
  }
  return hits;
}
