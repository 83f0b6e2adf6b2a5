import type { IsoDate } from '../calendar/iso-date.js';
import type { StagedTables } from '../ingest/staged.js';
import type { SourceKind } from '../model/source.js';
import type { Severity } from './issue.js';
import type { CodeBook } from './code-lists.js';
import { isRowTable } from '../ingest/row-table.js';

/** A staged table's key. */
export type StagedTableKey = keyof StagedTables;

/** The staged tables that may be held as records: all but the episodes, always held by column. */
export type RecordTableKey = Exclude<StagedTableKey, 'episodes'>;

/** Any staged record: every one carries its provenance (Child as `sources`). */
export type AnyRecord = object;

/** What a rule sees: one submission's staged tables, read-only, with the year's code lists. */
export interface RuleContext {
  readonly source: SourceKind;
  /** Collection year `2021-22`. */
  readonly year: string;
  readonly yearStart: IsoDate;
  readonly yearEnd: IsoDate;
  /** Today's date (passed in; rules never read the clock). */
  readonly today: IsoDate;
  readonly tables: Readonly<StagedTables>;
  /** Every submission of the import (for cross-file lookups such as workers for allocations). */
  readonly importTables: readonly Readonly<StagedTables>[];
  /** Code lists of the collection year for the submission's source (SSDA903 lists for local care-leaver codes). */
  readonly codes: (source: 'ssda903' | 'cin', year?: string) => CodeBook | null;
  /** Raw values a record does not keep (e.g. Reviews' DOB column, the SEX code as given). */
  readonly extras: (record: AnyRecord) => Readonly<Record<string, string | null>> | undefined;
}

/** One finding of a rule on one record. */
export interface RuleHit {
  readonly table: StagedTableKey;
  /** The record the hit is about (for an episode, `episodes.record(row)`). */
  readonly record: AnyRecord;
  /** For an episode (held by column): its row in the table the rule was given (required for episodes). */
  readonly row?: number;
  readonly field: string | null;
  readonly value: string | null;
  /** What is wrong, without the file and position (the engine adds them) and without the outcome. */
  readonly message: string;
  /**
   * Overrides the rule's DfE rule number for this hit (null: none): a rule that covers a group of DfE rules
   * (GEN-CODE: 143–146, 149) gives each hit its field's one.
   */
  readonly dfeRule?: string | null;
  /**
   * The position the issue is about when it is not the record's own (inputs.md §6, `Sheet!Cell`): an Annex A
   * repeated key is reported at the key's cell, not at the row's first cell.
   */
  readonly position?: string;
  /** Overrides the rule's severity for this hit (e.g. an invalid code in a key field is an error). */
  readonly severity?: Exclude<Severity, 'structural'>;
  /** A repaired record that replaces this one (warnings "repaired by the stated rule"). */
  readonly repair?: AnyRecord;
  /**
   * Records read from the same row as this one (an Annex A List 5 row gives a Section47 and a strategy
   * discussion), rejected with it by an error: the row is listed once, by this hit.
   */
  readonly alsoRejects?: readonly { readonly table: StagedTableKey; readonly record: AnyRecord }[];
}

/** A rule ran and found these, or was skipped (e.g. its table is absent). */
export type RuleOutcome =
  | { readonly kind: 'ran'; readonly hits: readonly RuleHit[] }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * A validation rule (style.md §1, "What this means for cspi"): metadata plus a pure check over a submission's
 * staged tables. Errors reject the record (the rest loads), warnings load it flagged (possibly repaired),
 * queries load it unchanged.
 */
export interface Rule {
  readonly code: string;
  readonly severity: Exclude<Severity, 'structural'>;
  readonly dfeRule?: string;
  readonly sources: readonly SourceKind[];
  readonly tables: readonly StagedTableKey[];
  readonly fields: readonly string[];
  /** What the rule checks, in plain English (for the rule catalogue). */
  readonly message: string;
  check(ctx: RuleContext): RuleOutcome;
}

/**
 * A check done while reading (the row cannot become a record without it): listed in the catalogue with the
 * same metadata, applied by the readers.
 */
export interface ReaderCheck {
  readonly code: string;
  readonly severity: Severity;
  readonly dfeRule?: string;
  readonly message: string;
}

/** `{ kind: 'ran', hits }`. */
export function ran(hits: readonly RuleHit[]): RuleOutcome {
  return { kind: 'ran', hits };
}

/** `{ kind: 'skipped', reason }`. */
export function skipped(reason: string): RuleOutcome {
  return { kind: 'skipped', reason };
}

/**
 * A staged table held as records (every table but the episodes, held by column), undefined when the submission
 * has none.
 */
export function tableRecords(
  tables: Readonly<StagedTables>,
  key: RecordTableKey,
): readonly AnyRecord[] | undefined {
  const t = tables[key];
  // A census's CIN tables are held by column: every rule reading them reads the columns (cinTableOf), so one
  // reaching here is a programming error, not a reason to make a record of every row.
  if (isRowTable(t)) throw new Error(`${key} is held by column: read its columns, not its records`);
  return t;
}

/**
 * The row of a hit on a table held by column (episodes, a census's CIN tables). Every rule that reads such a table
 * reads its columns and names the row of each hit; a hit without one is a rule's programming error, and throws
 * (naming the field, not the values).
 */
export function rowOf(hit: RuleHit): number {
  if (hit.row === undefined) throw new Error(`a ${hit.table} hit on ${hit.field ?? 'a row'} gives no row`);
  return hit.row;
}

/** The child id of a staged record, if it has one. */
export function childIdOf(record: AnyRecord): string | null {
  const r = record as { childId?: string };
  return typeof r.childId === 'string' ? r.childId : null;
}

const runsOf = new WeakMap<readonly object[], Uint32Array>();

/**
 * Where each run of consecutive records with one child id ends (exclusive), in file order: run k is
 * `records[k === 0 ? 0 : ends[k - 1] .. ends[k])`. A return lists each child's records together, so a rule that
 * needs something once per child (its Header row, its group) does it once per run, not once per record.
 * Computed once per table array and shared (rules never change a table in place). Read-only.
 * @example childRuns([{ childId: 'A' }, { childId: 'A' }, { childId: 'B' }]) //=> Uint32Array [2, 3]
 */
export function childRuns(records: readonly { readonly childId: string }[]): Uint32Array {
  let ends = runsOf.get(records);
  if (ends === undefined) runsOf.set(records, (ends = runEnds(records)));
  return ends;
}

function runEnds(records: readonly { readonly childId: string }[]): Uint32Array {
  const n = records.length;
  const ends = new Uint32Array(n);
  let runs = 0;
  let i = 0;
  while (i < n) {
    const id = records[i]!.childId;
    let j = i + 1;
    while (j < n && records[j]!.childId === id) j++;
    ends[runs++] = j;
    i = j;
  }
  return ends.slice(0, runs);
}

/** How a table's run ids ({@link childRuns}) strictly increase: bit 1 as text, bit 2 as numbers (shorter first). */
const BY_TEXT = 1;
const BY_NUMBER = 2;
const orderOf = new WeakMap<readonly object[], number>();

/**
 * The orders a table's child ids strictly increase in from run to run ({@link childRuns}): `BY_TEXT` (1) as
 * text, `BY_NUMBER` (2) as numbers written without leading zeros (shorter first, then as text); 0 when
 * neither. A return is usually sorted by child id, one way or the other; in such a table no child id comes
 * back after another. Computed once per table array.
 * @example childRunOrder([{ childId: '9' }, { childId: '10' }]) //=> 2
 */
export function childRunOrder(records: readonly { readonly childId: string }[]): number {
  let order = orderOf.get(records);
  if (order === undefined) orderOf.set(records, (order = runOrder(records, childRuns(records))));
  return order;
}

function runOrder(records: readonly { readonly childId: string }[], ends: Uint32Array): number {
  let asText = true;
  let asNumber = true;
  let prev = ends.length > 0 ? records[0]!.childId : '';
  for (let k = 1; k < ends.length && (asText || asNumber); k++) {
    const id = records[ends[k - 1]!]!.childId;
    asText &&= prev < id;
    asNumber &&= prev.length < id.length || (prev.length === id.length && prev < id);
    prev = id;
  }
  return (asText ? BY_TEXT : 0) | (asNumber ? BY_NUMBER : 0);
}

const apartOf = new WeakMap<readonly object[], boolean>();

/**
 * True when some child's records come in more than one run ({@link childRuns}), so a run is not all of a
 * child's records. Computed once per table array. A table sorted by child id ({@link childRunOrder}) has
 * none; only an unsorted one is checked with a set.
 * @example childRunsApart([{ childId: 'A' }, { childId: 'B' }, { childId: 'A' }]) //=> true
 */
export function childRunsApart(records: readonly { readonly childId: string }[]): boolean {
  let apart = apartOf.get(records);
  if (apart === undefined) {
    apart = childRunOrder(records) === 0 && idsRepeat(records, childRuns(records));
    apartOf.set(records, apart);
  }
  return apart;
}

function idsRepeat(records: readonly { readonly childId: string }[], ends: Uint32Array): boolean {
  const seen = new Set<string>();
  let i = 0;
  for (const end of ends) {
    const id = records[i]!.childId;
    if (seen.has(id)) return true;
    seen.add(id);
    i = end;
  }
  return false;
}

/**
 * Groups records by child id, keeping file order within each child (children in order of first appearance).
 * A child's records usually follow each other, so each run of them ({@link childRuns}) is copied as one
 * exact-size slice: one look-up per run, and no array grown by `push` to a 17-slot store that a one- or
 * four-record child never fills (the groups are kept as long as the table, so the spare slots were kept too).
 * @example byChild([{ childId: 'A' }, { childId: 'B' }, { childId: 'A' }]).get('A')!.length //=> 2
 */
export function byChild<T extends { readonly childId: string }>(
  records: readonly T[] | undefined,
): Map<string, T[]> {
  const m = new Map<string, T[]>();
  if (records === undefined) return m;
  const ends = childRuns(records);
  let i = 0;
  for (let k = 0; k < ends.length; k++) {
    const j = ends[k]!;
    const id = records[i]!.childId;
    const list = m.get(id);
    if (list === undefined) m.set(id, records.slice(i, j));
    else for (let x = i; x < j; x++) list.push(records[x]!);
    i = j;
  }
  return m;
}

/**
 * A table's records grouped by child as spans of one array: child k's records are
 * `records[k === 0 ? 0 : ends[k - 1] .. ends[k])`, children in order of first appearance, each child's records in
 * file order (or in date order, from {@link childSpansByDate}). Read-only.
 */
export interface ChildSpans<T> {
  readonly records: readonly T[];
  readonly ends: Uint32Array;
}

const EMPTY_SPANS: ChildSpans<never> = { records: [], ends: new Uint32Array(0) };
const spansOf = new WeakMap<readonly object[], ChildSpans<object>>();

/**
 * The records grouped by child ({@link ChildSpans}), computed once per table array and shared by the rules
 * that walk a child's records. A return usually lists each child's records together: then the spans are the
 * table itself and its runs ({@link childRuns}), and nothing is copied or mapped; otherwise the groups of
 * {@link byChild}, one after another in one array.
 * @example const { records, ends } = childSpans(ctx.tables.episodes); records.slice(0, ends[0]) // child 1
 */
export function childSpans<T extends { readonly childId: string }>(
  records: readonly T[] | undefined,
): ChildSpans<T> {
  if (records === undefined) return EMPTY_SPANS;
  let spans = spansOf.get(records) as ChildSpans<T> | undefined;
  if (spans === undefined) {
    spans = childRunsApart(records) ? groupedSpans(records) : { records, ends: childRuns(records) };
    spansOf.set(records, spans);
  }
  return spans;
}

function groupedSpans<T extends { readonly childId: string }>(records: readonly T[]): ChildSpans<T> {
  const groups = byChild(records);
  const out: T[] = [];
  const ends = new Uint32Array(groups.size);
  let k = 0;
  for (const group of groups.values()) {
    for (const r of group) out.push(r);
    ends[k++] = out.length;
  }
  return { records: out, ends };
}

const sortedSpans = new WeakMap<readonly object[], Map<string, ChildSpans<object>>>();

/**
 * {@link childSpans} with each child's records in order of a date field (stable: equal dates keep file
 * order), computed once per table and field and shared by the rules that walk records in date order. Files
 * usually list each child's records in date order: then these are the file-order spans themselves.
 * @example const { records, ends } = childSpansByDate(ctx.tables.episodes, 'decom'); records[0]!.decom
 */
export function childSpansByDate<T extends { readonly childId: string }, F extends keyof T & string>(
  records: readonly T[] | undefined,
  field: F,
): ChildSpans<T> {
  if (records === undefined) return EMPTY_SPANS;
  let byField = sortedSpans.get(records);
  if (byField === undefined) sortedSpans.set(records, (byField = new Map()));
  let spans = byField.get(field) as ChildSpans<T> | undefined;
  if (spans === undefined) {
    spans = sortedWithin(childSpans(records), field);
    byField.set(field, spans);
  }
  return spans;
}

/** The spans with each span sorted by the field (stably); the spans themselves when all are in order. */
function sortedWithin<T, F extends keyof T>(spans: ChildSpans<T>, field: F): ChildSpans<T> {
  const { records, ends } = spans;
  let out: T[] | null = null;
  let from = 0;
  for (const to of ends) {
    let ordered = true;
    for (let i = from + 1; i < to && ordered; i++) ordered = !(records[i - 1]![field] > records[i]![field]);
    if (!ordered) {
      out ??= records.slice();
      const sorted = records
        .slice(from, to)
        .sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0));
      for (let i = from; i < to; i++) out[i] = sorted[i - from]!;
    }
    from = to;
  }
  return out === null ? spans : { records: out, ends };
}

const byIdCache = new WeakMap<readonly object[], ReadonlyMap<string, object>>();

/**
 * The records of a table by child id (a later record with the same id wins, as `new Map(entries)` does),
 * computed once per table array and shared by the rules that look children up. Read-only.
 * @example childrenById(ctx.tables.children).get('C1')?.dob
 */
export function childrenById<T extends { readonly childId: string }>(
  records: readonly T[] | undefined,
): ReadonlyMap<string, T> {
  if (records === undefined) return new Map();
  let m = byIdCache.get(records) as ReadonlyMap<string, T> | undefined;
  if (m === undefined) {
    const out = new Map<string, T>();
    for (const r of records) out.set(r.childId, r);
    byIdCache.set(records, (m = out));
  }
  return m;
}

const headsOf = new WeakMap<
  readonly object[],
  { readonly of: readonly object[]; readonly heads: unknown[] }
>();

/**
 * For each run of a table's records ({@link childRuns}), its child's record in `children` as
 * {@link childrenById} finds it (undefined when the child has none), computed once per table and children
 * array: the rules that need each episode's Header row share one look-up per run. When both tables are
 * sorted by child id the same way and no child has two records, the two are walked side by side (no map).
 * @example runHeads(episodes, children)[0]?.dob // the first run's child's DOB
 */
export function runHeads<C extends { readonly childId: string }>(
  records: readonly { readonly childId: string }[],
  children: readonly C[] | undefined,
): readonly (C | undefined)[] {
  const of = children ?? [];
  const cached = headsOf.get(records);
  if (cached !== undefined && cached.of === of) return cached.heads as (C | undefined)[];
  const order = childRunOrder(records) & childRunOrder(of);
  const heads =
    order !== 0 && childRuns(of).length === of.length
      ? headsSideBySide(records, of, order === BY_NUMBER)
      : headsByLookUp(records, of);
  headsOf.set(records, { of, heads });
  return heads;
}

function headsByLookUp<C extends { readonly childId: string }>(
  records: readonly { readonly childId: string }[],
  children: readonly C[],
): (C | undefined)[] {
  const ends = childRuns(records);
  const heads: (C | undefined)[] = new Array(ends.length);
  if (ends.length === 0) return heads;
  const byId = childrenById(children);
  let i = 0;
  for (let k = 0; k < ends.length; k++) {
    heads[k] = byId.get(records[i]!.childId);
    i = ends[k]!;
  }
  return heads;
}

/**
 * {@link headsByLookUp} for two tables whose ids strictly increase run by run in one order (as numbers when
 * `byNumber`, else as text), the children one record per id: a merge of the two sorted lists.
 */
function headsSideBySide<C extends { readonly childId: string }>(
  records: readonly { readonly childId: string }[],
  children: readonly C[],
  byNumber: boolean,
): (C | undefined)[] {
  const ends = childRuns(records);
  const heads: (C | undefined)[] = new Array(ends.length);
  let p = 0;
  let i = 0;
  for (let k = 0; k < ends.length; k++) {
    const id = records[i]!.childId;
    while (p < children.length && before(children[p]!.childId, id, byNumber)) p++;
    heads[k] = p < children.length && children[p]!.childId === id ? children[p] : undefined;
    i = ends[k]!;
  }
  return heads;
}

/** True when id a comes before id b: as numbers (shorter first, then as text) or as text. */
function before(a: string, b: string, byNumber: boolean): boolean {
  return byNumber ? a.length < b.length || (a.length === b.length && a < b) : a < b;
}
