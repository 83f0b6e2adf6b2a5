import type { CinTable } from '../../ingest/cin/cin-table.js';
import type { CinRecord, ListField } from '../../ingest/cin/cin-shapes.js';
import type { Column, ColumnValue } from '../../ingest/column.js';

/** A row of a table held by column that repeats an earlier row's natural key, with the first row of that key. */
export interface RowKeyRepeat {
  readonly first: number;
  readonly row: number;
}

// By table (a CinTable of any record type).
const repeatsOf = new WeakMap<object, readonly RowKeyRepeat[]>();

/**
 * `keyRepeats` for a CIN census table held by column: the rows that repeat an earlier row's natural key (its id),
 * in file order, each with the first row of that key. A referral's key is its child and CINreferralDate, an
 * assessment's its child, its referral's date and its start date, the other tables' their child and start date:
 * repeats are looked for within each child's rows by those columns, without building an id. A table holding
 * rows staged as records (whose ids are their own) is keyed by its ids, as its records are. Computed once per
 * table (a table is never changed: the engine makes a new one), and shared by GEN-DUP-KEY, GEN-DUP-ROW and
 * CIN-ASMT-BEFORE-REF.
 * @example cinKeyRepeats(CinTable.fromRecords(REFERRAL_SHAPE, [a, b, aAgain])) //=> [{ first: 0, row: 2 }]
 */
export function cinKeyRepeats<R extends CinRecord>(t: CinTable<R>): readonly RowKeyRepeat[] {
  let out = repeatsOf.get(t);
  if (out === undefined) {
    out = t.hasStagedRows ? repeatsById(t) : repeatsByKeyColumns(t);
    repeatsOf.set(t, out);
  }
  return out;
}

/**
 * The columns a census row's natural key is read from, beside its child: `a` and, for an assessment, `b`, as
 * indices into their columns' values (equal indices, equal values); `b` is null when the key has one date.
 */
interface KeyColumns {
  readonly a: Int32Array;
  readonly b: Int32Array | null;
  /** How many distinct values `b` indexes (to make one number of the two indices). */
  readonly bValues: number;
}

function keyColumns<R extends CinRecord>(t: CinTable<R>): KeyColumns {
  const referralDate = t.referralDate.index;
  if (t.shape.idKey === 'referral') return { a: referralDate, b: null, bValues: 0 };
  const start = valueColumn(t, 'startDate');
  return t.shape.idKey === 'referral-start'
    ? { a: referralDate, b: start.index, bValues: start.values.length }
    : { a: start.index, b: null, bValues: 0 };
}

/** The value column of a field, by name. */
function valueColumn<R extends CinRecord>(t: CinTable<R>, name: string): Column<ColumnValue> {
  let k = 0;
  for (const [field, kind] of t.shape.fields) {
    if (kind !== 'value') continue;
    if (field === name) return t.valueColumns[k]!;
    k++;
  }
  throw new Error(`${t.shape.table} has no column ${name}`);
}

/**
 * {@link cinKeyRepeats} of a table of census rows: each child's rows ({@link rowsByChild}) compared by their key
 * columns, pairwise (as `keyRepeats` does), or through a map of their keys past 32 rows.
 */
function repeatsByKeyColumns<R extends CinRecord>(t: CinTable<R>): RowKeyRepeat[] {
  const { a, b, bValues } = keyColumns(t);
  const { rows, ends } = rowsByChild(t);
  // The first row of each repeated row's key, by row (-1: not a repeat); a child's rows are in file order.
  let firstOf: Int32Array | null = null;
  let from = 0;
  for (const to of ends) {
    if (to - from > 32) {
      const seen = new Map<number, number>();
      for (let j = from; j < to; j++) {
        const row = rows[j]!;
        const key = b === null ? a[row]! : a[row]! * bValues + b[row]!;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, row);
        else (firstOf ??= new Int32Array(t.length).fill(-1))[row] = first;
      }
    } else {
      for (let j = from + 1; j < to; j++) {
        const row = rows[j]!;
        for (let k = from; k < j; k++) {
          const other = rows[k]!;
          if (a[other] === a[row] && (b === null || b[other] === b[row])) {
            (firstOf ??= new Int32Array(t.length).fill(-1))[row] = other;
            break;
          }
        }
      }
    }
    from = to;
  }
  const repeats: RowKeyRepeat[] = [];
  if (firstOf === null) return repeats;
  for (let row = 0; row < t.length; row++)
    if (firstOf[row]! >= 0) repeats.push({ first: firstOf[row]!, row });
  return repeats;
}

/**
 * A table's rows grouped by child: child k's rows are `rows[k === 0 ? 0 : ends[k - 1] .. ends[k])`, children in
 * order of first appearance, each child's rows in file order. A census lists each Child's elements together, so
 * the rows usually are so already (each child one run); else a stable counting sort by the child's index.
 */
function rowsByChild<R extends CinRecord>(t: CinTable<R>): { rows: Int32Array; ends: Uint32Array } {
  const n = t.length;
  const child = t.child;
  const children = t.childIds.length;
  let runs = 0;
  for (let i = 0; i < n; i++) if (i === 0 || child[i] !== child[i - 1]) runs++;
  const rows = new Int32Array(n);
  if (runs === children) {
    // Each child's rows in one run, and the runs in the order the children were first seen.
    const ends = new Uint32Array(runs);
    let run = 0;
    for (let i = 0; i < n; i++) {
      rows[i] = i;
      if (i + 1 === n || child[i + 1] !== child[i]) ends[run++] = i + 1;
    }
    return { rows, ends };
  }
  const counts = new Uint32Array(children);
  for (let i = 0; i < n; i++) counts[child[i]!]!++;
  const next = new Uint32Array(children);
  const ends = new Uint32Array(children);
  let total = 0;
  let spans = 0;
  for (let k = 0; k < children; k++) {
    next[k] = total;
    total += counts[k]!;
    // A child with no row left (the table was filtered) has no span.
    if (counts[k]! > 0) ends[spans++] = total;
  }
  for (let i = 0; i < n; i++) rows[next[child[i]!]!++] = i;
  return { rows, ends: ends.slice(0, spans) };
}

/** {@link cinKeyRepeats} of a table holding staged records: one map of every id, as `repeatsByKey`. */
function repeatsById<R extends CinRecord>(t: CinTable<R>): RowKeyRepeat[] {
  const repeats: RowKeyRepeat[] = [];
  const seen = new Map<string, number>();
  for (let row = 0; row < t.length; row++) {
    // As `naturalKey` reads a record's id.
    const id = String(t.id(row));
    const first = seen.get(id);
    if (first === undefined) seen.set(id, row);
    else repeats.push({ first, row });
  }
  return repeats;
}

/**
 * Whether two rows of a CIN table read from a census (not staged as records: {@link CinTable.isStaged}) are the
 * same but for their provenance: their records' `content` (the record as JSON, without its source) is the same,
 * compared column by column without making the records. Two rows with one child and CINdetails date have one id
 * and referral id; the value columns are compared by index (equal values, equal indices), as JSON writes them (a
 * number that is not finite as null), and the lists by value.
 */
export function sameCensusContent<R extends CinRecord>(t: CinTable<R>, a: number, b: number): boolean {
  if (t.child[a] !== t.child[b] || t.referralDate.index[a] !== t.referralDate.index[b]) return false;
  for (const column of t.valueColumns) {
    const x = column.index[a]!;
    const y = column.index[b]!;
    if (x !== y && !(writtenAsNull(column.values[x]) && writtenAsNull(column.values[y]))) return false;
  }
  for (const [field, kind] of t.shape.fields) {
    if (kind !== 'list') continue;
    const name = field as ListField<R>;
    const size = t.listSize(name, a);
    if (size !== t.listSize(name, b)) return false;
    if (size === 0) continue;
    const x = t.list(name, a);
    const y = t.list(name, b);
    for (let k = 0; k < size; k++) if (x[k] !== y[k]) return false;
  }
  return true;
}

/** Whether JSON writes a value as null: null itself, or a number that is not finite. */
function writtenAsNull(v: ColumnValue | undefined): boolean {
  return v === null || (typeof v === 'number' && !Number.isFinite(v));
}
