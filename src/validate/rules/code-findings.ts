import { tableRecords } from '../rule.js';
import type { AnyRecord, RuleContext, RuleHit, StagedTableKey } from '../rule.js';
import { CODE_FIELDS, type CodeFieldRef } from '../table-fields.js';
import { financialYearContaining } from '../../calendar/period.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { CodeBook } from '../code-lists.js';

/**
 * Checks every coded field of a submission against its collection year's lists (shared by GEN-CODE and
 * GEN-LEGACY): a code not in the list is `invalid`; a legacy code is `legacy` and, where the list says what it
 * maps to, repaired to that code. Fields without a list that year are not checked.
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
  for (const [table, fields] of Object.entries(spec) as [StagedTableKey, readonly CodeFieldRef[]][]) {
    const records = tableRecords(ctx.tables, table);
    if (!records) continue;
    // Fields whose list does not exist for the submission's year are never checked (no per-record work).
    const fixed = fields.map((ref) => {
      if (ref.yearOf) return undefined;
      const book = bookFor(ref.list, ctx.year);
      return book && book.has(ref.field) ? book : null;
    });
    // Records with a code that is not a valid, current one: found once per table and year, shared by
    // GEN-CODE and GEN-LEGACY (a rule that rejects or repairs records leaves a new array, scanned afresh).
    const scanKey = `${ctx.source}|${ctx.year}`;
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
      let repaired: Record<string, unknown> | null = null;
      let found: Omit<RuleHit, 'repair'>[] | null = null;
      for (let fi = 0; fi < fields.length; fi++) {
        const ref = fields[fi]!;
        if (fixed[fi] === null) continue;
        const r = record as Record<string, unknown>;
        const raw = ref.extra ? ctx.extras(record)?.[ref.extra] : r[ref.prop!];
        if (raw === null || raw === undefined) continue;
        const year = ref.yearOf ? yearOf(r[ref.yearOf] as IsoDate | null) : ctx.year;
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
                table,
                record,
                field: ref.field,
                value: v,
                message: `${ref.field} '${v}' is not a valid code in ${year}${ref.rawProp ? '; read as unknown' : ''}`,
                severity: ref.key ? 'error' : 'warning',
                dfeRule: ref.dfeRule ?? null,
              });
              if (ref.rawProp) {
                repaired ??= { ...r };
                repaired[ref.prop!] = null;
                repaired[ref.rawProp] = v;
              }
            }
            next.push(v);
            continue;
          }
          if (entry.status === 'legacy' && kind === 'legacy') {
            const to = entry.maps_to;
            (found ??= []).push({
              table,
              record,
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
          repaired ??= { ...r };
          repaired[ref.prop] = Array.isArray(raw) ? next : next[0];
        }
      }
      if (found !== null) for (const f of found) hits.push(repaired ? { ...f, repair: repaired } : f);
    }
  }
  return hits;
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
