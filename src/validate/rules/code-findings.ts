import type { AnyRecord, RuleContext, RuleHit, StagedTableKey } from '../rule.js';
import { CODE_FIELDS, type CodeFieldRef } from '../table-fields.js';
import { financialYearContaining } from '../../calendar/period.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { CodeBook } from '../code-lists.js';
import {
  type Column,
  EPISODE_CODE_FIELDS,
  EpisodeTable,
  type EpisodeCodeField,
} from '../../ingest/episode-table.js';
import { CinTable } from '../../ingest/cin/cin-table.js';
import type { CinRecord, ListColumn } from '../../ingest/cin/cin-shapes.js';

/**
 * Checks every coded field of a submission against its collection year's lists (shared by GEN-CODE and
 * GEN-LEGACY): a code not in the list is `invalid`; a legacy code is `legacy` and, where the list says what it
 * maps to, repaired to that code. Fields without a list that year are not checked. Hits come table by table,
 * each table's records in order and each record's fields in CODE_FIELDS order. A table held by column (the
 * episodes, a census's CIN tables) is read from its columns, each distinct code judged once: its hit gives its
 * `row` and `t.record(row)`, made only for a row with a finding, and its repair is that full record with the
 * code replaced.
 */
export function codeFindings(ctx: RuleContext, kind: 'invalid' | 'legacy'): RuleHit[] {
  const hits: RuleHit[] = [];
  const spec = CODE_FIELDS[ctx.source];
  // The book for a list and year, looked up once per (list, year) rather than once per value.
  const books = new Map<string, CodeBook | null>();
  const bookFor = (list: 'ssda903' | 'cin', year: string): CodeBook | null => {
    const key = `${list}|${year}`;
    let book = books.get(key);
    if (book === undefined) books.set(key, (book = ctx.codes(list, year) ?? ctx.codes(list)));
    return book;
  };
  // A date's collection year, computed once per distinct date.
  const years = new Map<IsoDate, string>();
  const yearOf = (d: IsoDate | null | undefined): string => {
    if (!d) return ctx.year;
    let y = years.get(d);
    if (y === undefined) years.set(d, (y = yearOfDate(d, ctx.year)));
    return y;
  };
  const scanKey = `${ctx.source}|${ctx.year}`;
  for (const [table, fields] of Object.entries(spec) as [StagedTableKey, readonly CodeFieldRef[]][]) {
    const staged = ctx.tables[table];
    if (!staged) continue;
    // Fields whose list does not exist for the submission's year are never checked (no per-record work).
    const fixed = fields.map((ref) => {
      if (ref.yearOf) return undefined;
      const book = bookFor(ref.list, ctx.year);
      return book && book.has(ref.field) ? book : null;
    });
    // A record's findings: `read` gives a field's value, `dateOf` the date its `yearOf` names.
    const findings = (
      read: (ref: CodeFieldRef, fi: number) => unknown,
      dateOf: (ref: CodeFieldRef) => unknown,
    ) =>
      fieldFindings(
        kind,
        fields,
        fixed,
        read,
        (ref) => (ref.yearOf ? yearOf(dateOf(ref) as IsoDate | null) : ctx.year),
        bookFor,
      );
    if (staged instanceof EpisodeTable || staged instanceof CinTable) {
      // Tables held by column (episodes, a census's CIN tables): their rows with a code that is not a valid,
      // current one, found once per table and year as for the other tables, then each such row's findings
      // read from its columns.
      const t = staged as EpisodeTable | CinTable<CinRecord>;
      const columns = fields.map((ref) =>
        t instanceof EpisodeTable ? episodeCodeColumn(t, ref) : cinCodeColumn(t, ref),
      );
      let scan = columnScans.get(t);
      if (scan === undefined || scan.key !== scanKey || scan.codes !== ctx.codes) {
        const rows = candidateRows(t.length, fields, columns, fixed);
        columnScans.set(t, (scan = { key: scanKey, codes: ctx.codes, rows }));
      }
      for (const i of scan.rows) {
        // No such field has a yearOf date (episodeCodeColumn, cinCodeColumn).
        const { found, changes } = findings(
          (_, fi) => columns[fi]!.at(i),
          () => null,
        );
        if (found === null) continue;
        const record = t.record(i);
        const repair = changes === null ? null : { ...record, ...changes };
        for (const f of found)
          hits.push(repair ? { table, record, row: i, ...f, repair } : { table, record, row: i, ...f });
      }
      continue;
    }
    const records = staged as readonly AnyRecord[];
    // Records with a code that is not a valid, current one: found once per table and year, shared by
    // GEN-CODE and GEN-LEGACY (a rule that rejects or repairs records leaves a new array, scanned afresh).
    let scan = scans.get(records);
    if (
      scan === undefined ||
      scan.key !== scanKey ||
      scan.codes !== ctx.codes ||
      scan.extras !== ctx.extras
    ) {
      const candidates = scanCandidates(records, fields, fixed, ctx, bookFor, yearOf);
      scans.set(records, (scan = { key: scanKey, codes: ctx.codes, extras: ctx.extras, candidates }));
    }
    for (const record of scan.candidates) {
      const r = record as Record<string, unknown>;
      const { found, changes } = findings(
        (ref) => (ref.extra ? ctx.extras(record)?.[ref.extra] : r[ref.prop!]),
        (ref) => r[ref.yearOf!],
      );
      if (found === null) continue;
      const repaired = changes === null ? null : { ...r, ...changes };
      for (const f of found)
        hits.push(repaired ? { table, record, ...f, repair: repaired } : { table, record, ...f });
    }
  }
  return hits;
}

/** One finding of {@link fieldFindings}: a hit without its table, record and repair. */
type Finding = Omit<RuleHit, 'table' | 'record' | 'row' | 'repair'>;

/**
 * The findings of one record's coded fields, in field order (`read` gives a field's value, `yearOf` the
 * collection year whose list it is checked against), and the properties its repair changes
 * (null when none): an invalid code kept in its `rawProp` and read as null (GEN-CODE), a legacy code read as
 * the code it maps to (GEN-LEGACY).
 */
function fieldFindings(
  kind: 'invalid' | 'legacy',
  fields: readonly CodeFieldRef[],
  fixed: readonly (CodeBook | null | undefined)[],
  read: (ref: CodeFieldRef, fi: number) => unknown,
  yearOf: (ref: CodeFieldRef) => string,
  bookFor: (list: 'ssda903' | 'cin', year: string) => CodeBook | null,
): { readonly found: Finding[] | null; readonly changes: Record<string, unknown> | null } {
  let changes: Record<string, unknown> | null = null;
  let found: Finding[] | null = null;
  for (let fi = 0; fi < fields.length; fi++) {
    const ref = fields[fi]!;
    if (fixed[fi] === null) continue;
    const raw = read(ref, fi);
    if (raw === null || raw === undefined) continue;
    const year = yearOf(ref);
    const book = fixed[fi] ?? bookFor(ref.list, year);
    if (!book || !book.has(ref.field)) continue;
    if (!Array.isArray(raw)) {
      // One value (the usual case): nothing to collect when it is a valid, current code.
      const entry = book.get(ref.field, String(raw));
      if (entry !== undefined && entry.status !== 'legacy') continue;
    }
    const values = Array.isArray(raw) ? (raw as string[]) : [String(raw)];
    const next: string[] = [];
    for (const v of values) {
      const entry = book.get(ref.field, v);
      if (!entry) {
        if (kind === 'invalid') {
          (found ??= []).push({
            field: ref.field,
            value: v,
            message: `${ref.field} '${v}' is not a valid code in ${year}${ref.rawProp ? '; read as unknown' : ''}`,
            severity: ref.key ? 'error' : 'warning',
            dfeRule: ref.dfeRule ?? null,
          });
          if (ref.rawProp) {
            changes ??= {};
            changes[ref.prop!] = null;
            changes[ref.rawProp] = v;
          }
        }
        next.push(v);
        continue;
      }
      if (entry.status === 'legacy' && kind === 'legacy') {
        const to = entry.maps_to;
        (found ??= []).push({
          field: ref.field,
          value: v,
          message: `${ref.field} ${v} is no longer used in ${year}${to ? `; read as ${to}` : ''}`,
          severity: entry.severity ?? 'warning',
          dfeRule: ref.dfeRule ?? null,
        });
        next.push(to ?? v);
        continue;
      }
      next.push(v);
    }
    if (kind === 'legacy' && ref.prop && next.some((v, i) => v !== values[i])) {
      changes ??= {};
      changes[ref.prop] = Array.isArray(raw) ? next : next[0];
    }
  }
  return { found, changes };
}

/** Per table array: the records that have a code that is not a valid, current one (see codeFindings). */
const scans = new WeakMap<
  readonly AnyRecord[],
  {
    readonly key: string;
    /** The code lists and raw extras the scan read (a cached scan is reused only with the same ones). */
    readonly codes: RuleContext['codes'];
    readonly extras: RuleContext['extras'];
    readonly candidates: readonly AnyRecord[];
  }
>();

/** Per table held by column: its rows that have a code that is not a valid, current one (see codeFindings). */
const columnScans = new WeakMap<
  EpisodeTable | CinTable<CinRecord>,
  { readonly key: string; readonly codes: RuleContext['codes']; readonly rows: Int32Array }
>();

/**
 * A coded field of a table held by column: each distinct code once (`values`, index 0 null), the rows holding
 * each (`rowsHolding`), and a row's value (`at`: its code, or for a list field its codes, a new array).
 */
interface CodeColumn {
  readonly values: readonly (string | null)[];
  at(i: number): string | string[] | null;
  /** Marks (1 in `marked`) each row holding a value `bad` marks, counting the rows newly marked. */
  markRowsHolding(bad: Uint8Array, marked: Uint8Array): number;
}

/** A field with one code per row. */
function valueCodeColumn(column: Column<string | null>): CodeColumn {
  const { index, values } = column;
  return {
    values,
    at: (i) => values[index[i]!]!,
    markRowsHolding(bad, marked) {
      let count = 0;
      for (let i = 0; i < marked.length; i++) {
        if (bad[index[i]!] === 1 && marked[i] === 0) {
          marked[i] = 1;
          count++;
        }
      }
      return count;
    },
  };
}

/** A field with a list of codes per row. */
function listCodeColumn(list: ListColumn): CodeColumn {
  const { start, index, values } = list;
  return {
    values,
    at: (i) => list.at(i),
    markRowsHolding(bad, marked) {
      let count = 0;
      for (let i = 0; i < marked.length; i++) {
        if (marked[i] === 1) continue;
        for (let e = start[i]!; e < start[i + 1]!; e++) {
          if (bad[index[e]!] === 1) {
            marked[i] = 1;
            count++;
            break;
          }
        }
      }
      return count;
    },
  };
}

/**
 * The column of an episode's coded field. Episodes' coded fields (CODE_FIELDS) are code columns, named by
 * their record property, read in the submission's year: an episode has no raw extras, a field read from one
 * or by a date's year would need reading here first, so it is refused.
 */
function episodeCodeColumn(t: EpisodeTable, ref: CodeFieldRef): CodeColumn {
  const prop = ref.prop as EpisodeCodeField | undefined;
  if (prop === undefined || !EPISODE_CODE_FIELDS.includes(prop) || ref.yearOf || ref.rawProp)
    throw new Error(`episodes' ${ref.field} is not a code column read in the submission's year`);
  return valueCodeColumn(t.codes[prop]);
}

/**
 * The column of a CIN census table's coded field: a value column (a referral's ReferralSource) or a list
 * (an assessment's factors), named by its record property and read in the submission's year. A CIN table's
 * row has no raw extras (its repair's `rawProp` is a column of its own), so a field read from one or by a
 * date's year is refused, as for episodes.
 */
function cinCodeColumn(t: CinTable<CinRecord>, ref: CodeFieldRef): CodeColumn {
  const named = ref.prop === undefined ? undefined : t.namedColumn(ref.prop);
  if (named === undefined || ref.yearOf || ref.extra)
    throw new Error(`${t.shape.table}' ${ref.field} is not a code column read in the submission's year`);
  return named.kind === 'value'
    ? valueCodeColumn(named.column as Column<string | null>)
    : listCodeColumn(named.column);
}

/**
 * The rows of a table held by column with at least one code that is not a valid, current one, in row order.
 * A coded field holds each distinct value once ({@link CodeColumn}): each is judged once (in the Set of the
 * field's current codes, or else looked up in full: it may be lower case, legacy or invalid), and only a field
 * with a value found wanting is walked, for the rows holding it.
 */
function candidateRows(
  n: number,
  fields: readonly CodeFieldRef[],
  columns: readonly CodeColumn[],
  fixed: readonly (CodeBook | null | undefined)[],
): Int32Array {
  const marked = new Uint8Array(n);
  let count = 0;
  for (let fi = 0; fi < fields.length; fi++) {
    const book = fixed[fi];
    // Null: no list that year; undefined never happens (the columns refuse yearOf fields).
    if (!book) continue;
    const field = fields[fi]!.field;
    const column = columns[fi]!;
    const values = column.values;
    // Each distinct value is judged once (values[0] is null: nothing to check).
    const current = book.current(field);
    const bad = new Uint8Array(values.length);
    let anyBad = false;
    for (let k = 1; k < values.length; k++) {
      const v = values[k]!;
      if (!current.has(v) && !isCurrent(book, field, v)) anyBad = (bad[k] = 1) === 1;
    }
    if (anyBad) count += column.markRowsHolding(bad, marked);
  }
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; k < count; i++) if (marked[i] === 1) rows[k++] = i;
  return rows;
}

function isCurrent(book: CodeBook, field: string, code: string): boolean {
  const entry = book.get(field, code);
  return entry !== undefined && entry.status !== 'legacy';
}

function yearOfDate(d: IsoDate | null | undefined, fallback: string): string {
  return d ? financialYearContaining(d).financialYear : fallback;
}

/**
 * The records with at least one code that is not a valid, current one, in file order. A value found in the
 * Set of the field's current codes (fields whose list is the submission year's) needs no further look-up;
 * only a value missing from it is looked up in full (it may be lower case, legacy or invalid). Fields whose
 * list the year lacks are left out before the walk; each field remembers the last value found current (a
 * return repeats its codes row after row; codes are shared strings, so the check is one comparison).
 */
function scanCandidates(
  records: readonly AnyRecord[],
  fields: readonly CodeFieldRef[],
  fixed: readonly (CodeBook | null | undefined)[],
  ctx: RuleContext,
  bookFor: (list: 'ssda903' | 'cin', year: string) => CodeBook | null,
  yearOf: (d: IsoDate | null | undefined) => string,
): AnyRecord[] {
  const checked = fields.flatMap((ref, fi) => (fixed[fi] === null ? [] : [{ ref, book: fixed[fi] }]));
  const n = checked.length;
  const refs = checked.map((c) => c.ref);
  const books = checked.map((c) => c.book);
  const keys = refs.map((ref) => (ref.extra ?? ref.prop)!);
  const inExtras = refs.map((ref) => ref.extra !== undefined);
  const current = checked.map((c) => c.book?.current(c.ref.field));
  const reads = refs.map((ref) => ref.read);
  const lastCurrent: unknown[] = refs.map(() => undefined);
  const candidates: AnyRecord[] = [];
  for (const record of records) {
    const r = record as Record<string, unknown>;
    for (let j = 0; j < n; j++) {
      const read = reads[j];
      const raw = read !== undefined ? read(r) : inExtras[j] ? ctx.extras(record)?.[keys[j]!] : r[keys[j]!];
      if (raw === null || raw === undefined || raw === lastCurrent[j]) continue;
      const set = current[j];
      if (set !== undefined) {
        if (typeof raw === 'string') {
          if (set.has(raw)) {
            lastCurrent[j] = raw;
            continue;
          }
        } else if (allIn(set, raw)) continue;
      }
      const ref = refs[j]!;
      const book = books[j] ?? bookFor(ref.list, yearOf(r[ref.yearOf!] as IsoDate | null));
      if (!book || !book.has(ref.field)) continue;
      if (
        !Array.isArray(raw)
          ? !isCurrent(book, ref.field, String(raw))
          : raw.some((v) => !isCurrent(book, ref.field, v as string))
      ) {
        candidates.push(record);
        break;
      }
    }
  }
  return candidates;
}

/** True when raw is an array whose every value is in the set. */
function allIn(set: ReadonlySet<string>, raw: unknown): boolean {
  if (!Array.isArray(raw)) return false;
  for (const v of raw) if (!set.has(v as string)) return false;
  return true;
}
