import type { LaDataset } from '../../model/la-dataset.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { ASSEMBLY_VERSION } from './assembly-version.js';

/**
 * A dataset version's assembled records (what `assembleDataset` gives) and its dataset checks, held ready
 * so that loading a version is two reads (head and parts) and a parse instead of reading every record table
 * and merging the submissions again (issues 4 and 7: loading was two thirds of computing an LA).
 *
 * The encoding is exact or nothing: every table whose records share one shape is stored as columns (field
 * names once, one array per record, source references through a dictionary of submissions and files); a
 * table of mixed shapes is stored as it is; Sets are tagged. A value JSON would not give back exactly
 * (undefined, NaN, ±Infinity, -0, Dates, Maps, class instances) makes {@link encodeSnapshot} return null,
 * and the caller then keeps no snapshot (loading falls back to the merge): a wrong figure is worse than a
 * slow one.
 */
export interface DatasetSnapshot {
  readonly dataset: LaDataset;
  readonly checks: readonly ValidationIssue[];
}

/** A source reference as the records carry it (`{ file, position, submissionId }`). */
interface Source {
  readonly file: string;
  readonly position: string;
  readonly submissionId: string;
}

/**
 * How a column's values are held: `plain` as they are; `dict` (strings and nulls that repeat: dates, codes,
 * teams, a child's id across their visits) as the distinct values once and one index per record; `source`
 * and `sources` as references through the dictionaries of submissions and files.
 */
type Column = 'plain' | 'dict' | 'source' | 'sources';

interface EncodedTable {
  /** Number of records. */
  readonly n: number;
  /** Field names in each record's key order. */
  readonly f: string[];
  /** How each field is encoded (`plain`, or a source reference / list of them through the dictionaries). */
  readonly c: Column[];
  /**
   * One array per field, one value per record: a plain field's values; a `dict` field's [distinct values,
   * index of each record's value]; a `source` field's three parallel arrays (file index, position, submission
   * index); a `sources` field's lists of [file, position, submission].
   */
  readonly v: unknown[][];
}

/** The layout of the encoded text; bump with any change to it (a stored snapshot of another is ignored). */
const FORMAT = 4;

/**
 * A snapshot as text: a head (layout, dictionaries, scalars) and the parts it names, each one JSON value (a
 * column of a table, a table kept as it is, the checks). In parts, no single string or database value is
 * the size of a large LA's whole dataset (200 MB): each part is read, sent and parsed on its own.
 */
export interface SnapshotText {
  readonly head: string;
  readonly parts: readonly string[];
}

/** A table in the head: its columns' layout and the parts holding their values (one per field, in order). */
interface TableHead {
  readonly n: number;
  readonly f: string[];
  readonly c: Column[];
  readonly p: number[];
}

interface Head {
  readonly fmt: number;
  readonly v: number;
  /** The dataset's keys in their order. */
  readonly k: string[];
  /** Dictionaries of source references: submission ids and file names. */
  readonly subs: string[];
  readonly files: string[];
  /** Fields of the dataset that are not record lists (la, asAt, historyStart; Sets tagged). */
  readonly scalars: Record<string, unknown>;
  /** Record lists by dataset key: columns, or the part holding the records as they are (`{ raw: part }`). */
  readonly tables: Record<string, TableHead | { readonly raw: number }>;
  /** The part holding the checks. */
  readonly checks: number;
  /** How many parts there are. */
  readonly np: number;
}

class Unrepresentable extends Error {}

/** A table whose records cannot be held as columns (it is then kept as it is). */
class NotColumnar extends Error {}

/** Throws {@link Unrepresentable} unless JSON gives `v` back exactly (plain data only). */
function assertPlain(v: unknown): void {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unrepresentable();
      return;
    case 'object': {
      if (v === null) return;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) throw new Unrepresentable(); // a hole reads back as null
          assertPlain(v[i]);
        }
        return;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) throw new Unrepresentable();
      for (const k of Object.keys(v)) assertPlain((v as Record<string, unknown>)[k]);
      return;
    }
    default:
      throw new Unrepresentable();
  }
}

function isSource(v: unknown): v is Source {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  const s = v as Record<string, unknown>;
  return (
    keys.length === 3 &&
    keys[0] === 'file' &&
    keys[1] === 'position' &&
    keys[2] === 'submissionId' &&
    typeof s['file'] === 'string' &&
    typeof s['position'] === 'string' &&
    typeof s['submissionId'] === 'string'
  );
}

class Dictionary {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();
  index(s: string): number {
    let i = this.at.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.at.set(s, i);
    }
    return i;
  }
}

/**
 * A table's records as columns (one array per field, none per record: less to allocate here, and less for
 * JSON.parse to build when loading), or null when the records do not all share the first one's keys in its
 * order. Throws {@link NotColumnar} for a source that is not a plain reference, {@link Unrepresentable} for
 * a value JSON would not give back.
 */
function encodeTable(records: readonly unknown[], subs: Dictionary, files: Dictionary): EncodedTable | null {
  const first = records[0];
  if (typeof first !== 'object' || first === null || Object.getPrototypeOf(first) !== Object.prototype)
    return null;
  const fields = Object.keys(first);
  if (fields.includes('__proto__')) return null; // an object literal would set the prototype
  const columns: Column[] = fields.map((f) => {
    const v = (first as Record<string, unknown>)[f];
    if (f === 'source' && isSource(v)) return 'source';
    if (f === 'sources' && Array.isArray(v) && v.every(isSource)) return 'sources';
    return 'plain';
  });
  const n = records.length;
  const values: unknown[][] = columns.map((kind) =>
    kind === 'source' ? [new Array(n), new Array(n), new Array(n)] : new Array(n),
  );
  const src = (s: unknown): [number, string, number] => {
    if (!isSource(s)) throw new NotColumnar();
    return [files.index(s.file), s.position, subs.index(s.submissionId)];
  };
  for (let i = 0; i < n; i++) {
    const rec = records[i] as Record<string, unknown>;
    if (typeof rec !== 'object' || rec === null || Object.getPrototypeOf(rec) !== Object.prototype)
      return null;
    // The same keys in the same order (for-in: no array per record; the prototype has no enumerable keys).
    let k = 0;
    for (const key in rec) if (key !== fields[k++]) return null;
    if (k !== fields.length) return null;
    for (let j = 0; j < fields.length; j++) {
      const v = rec[fields[j]!];
      const kind = columns[j];
      const column = values[j]!;
      if (kind === 'source') {
        if (!isSource(v)) throw new NotColumnar();
        (column[0] as number[])[i] = files.index(v.file);
        (column[1] as string[])[i] = v.position;
        (column[2] as number[])[i] = subs.index(v.submissionId);
      } else if (kind === 'sources') {
        if (!Array.isArray(v)) throw new NotColumnar();
        column[i] = v.map(src);
      } else {
        // Strings, flags and null (most values) need no further look.
        if (typeof v !== 'string' && typeof v !== 'boolean' && v !== null) assertPlain(v);
        column[i] = v;
      }
    }
  }
  for (let j = 0; j < fields.length; j++) {
    if (columns[j] !== 'plain') continue;
    const dict = dictionaryColumn(values[j]!);
    if (dict) {
      columns[j] = 'dict';
      values[j] = dict;
    }
  }
  return { n, f: fields, c: columns, v: values };
}

/**
 * A column of strings (and nulls) as its distinct values and an index per record, when they repeat enough
 * to be worth it (at most one distinct value in four): a whole number parses in a fraction of a string's
 * time, and the records share one string per distinct value instead of one each. Null otherwise (numbers,
 * flags, lists, or mostly distinct strings such as record ids), having given up as soon as that is clear.
 */
function dictionaryColumn(values: readonly unknown[]): [unknown[], number[]] | null {
  const n = values.length;
  const limit = n >> 2;
  const at = new Map<string | null, number>();
  const distinct: (string | null)[] = [];
  const index = new Array<number>(n);
  let strings = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'string') strings = true;
    else if (v !== null) return null;
    let k = at.get(v);
    if (k === undefined) {
      if (distinct.length >= limit) return null;
      k = distinct.push(v) - 1;
      at.set(v, k);
    }
    index[i] = k;
  }
  return strings ? [distinct, index] : null;
}

/**
 * The snapshot of an assembled dataset and its checks as text: null when some value could not be given back
 * exactly (the caller then keeps no snapshot). Not compressed here: inflating cost a third as much as
 * parsing on this machine's cores, and PostgreSQL compresses large values itself (TOAST).
 * @example decodeSnapshot(encodeSnapshot({ dataset, checks })!).dataset //=> deep-equal to dataset
 */
export function encodeSnapshot(snapshot: DatasetSnapshot): SnapshotText | null {
  const subs = new Dictionary();
  const files = new Dictionary();
  const scalars: Record<string, unknown> = {};
  const tables: Head['tables'] = {};
  const parts: string[] = [];
  const part = (value: unknown): number => parts.push(JSON.stringify(value)) - 1;
  try {
    for (const [key, value] of Object.entries(snapshot.dataset)) {
      if (Array.isArray(value)) {
        const t = value.length > 0 ? columnar(value, subs, files) : null;
        if (t) tables[key] = { n: t.n, f: t.f, c: t.c, p: t.v.map(part) };
        else {
          assertPlain(value);
          tables[key] = { raw: part(value) };
        }
      } else if (value instanceof Set) {
        const items = [...value];
        assertPlain(items);
        scalars[key] = { $set: items };
      } else {
        if (typeof value === 'object' && value !== null && '$set' in value) return null;
        assertPlain(value);
        scalars[key] = value;
      }
    }
    assertPlain(snapshot.checks);
  } catch (e) {
    if (e instanceof Unrepresentable) return null;
    throw e;
  }
  const checks = part(snapshot.checks);
  const head: Head = {
    fmt: FORMAT,
    v: ASSEMBLY_VERSION,
    k: Object.keys(snapshot.dataset),
    subs: subs.list,
    files: files.list,
    scalars,
    tables,
    checks,
    np: parts.length,
  };
  return { head: JSON.stringify(head), parts };
}

/** {@link encodeTable}, or null when a record's source is not a plain reference. */
function columnar(records: readonly unknown[], subs: Dictionary, files: Dictionary): EncodedTable | null {
  try {
    return encodeTable(records, subs, files);
  } catch (e) {
    if (e instanceof NotColumnar) return null;
    throw e;
  }
}

type TableBuilder = (v: unknown[][], n: number, files: string[], subs: string[]) => object[];

/**
 * The source reference every record of a figures-only dataset carries ({@link figuresSnapshot}): no file,
 * position or submission. Shared and frozen.
 */
export const NO_SOURCE: Readonly<Source> = Object.freeze({ file: '', position: '', submissionId: '' });
/** The source list every child of a figures-only dataset carries (shared, frozen, empty). */
export const NO_SOURCES: readonly Source[] = Object.freeze([]);

/** The expression reading record `i`'s value of field `j` (its column is `c${j}`), by the column's kind. */
const READ_VALUE: Readonly<Record<Column, (j: number) => string>> = {
  plain: (j) => `c${j}[i]`,
  dict: (j) => `d${j}[c${j}[i]]`,
  source: (j) => `{ file: files[c${j}[0][i]], position: c${j}[1][i], submissionId: subs[c${j}[2][i]] }`,
  sources: (j) => `c${j}[i].map((s) => ({ file: files[s[0]], position: s[1], submissionId: subs[s[2]] }))`,
};

/** {@link READ_VALUE} for a figures-only dataset: source references are the shared placeholders. */
const READ_FIGURES_VALUE: Readonly<Record<Column, (j: number) => string>> = {
  plain: READ_VALUE.plain,
  dict: READ_VALUE.dict,
  source: () => 'NO_SOURCE',
  sources: () => 'NO_SOURCES',
};

const isColumn = (c: unknown): c is Column => typeof c === 'string' && Object.hasOwn(READ_VALUE, c);

/** Whether a column holds source references (which a figures-only load leaves out). */
const isReference = (c: Column): boolean => c === 'source' || c === 'sources';

/** Whether a `dict` column's part has its shape: [distinct values, indexes]. */
const isDictionary = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && Array.isArray(v[0]) && Array.isArray(v[1]);

/**
 * The records of an encoded table, by a function generated for its fields: one object literal per record
 * with the fields in their stored order (the same hidden class for every record, as the merge built them).
 * Field names are quoted with JSON.stringify, so any name is a string literal here, never code; a column
 * kind is one of {@link READ_VALUE}'s (the caller checks).
 */
function tableBuilder(
  t: { readonly f: readonly string[]; readonly c: readonly Column[] },
  read: Readonly<Record<Column, (j: number) => string>>,
): TableBuilder {
  const key = JSON.stringify([read === READ_FIGURES_VALUE, t.f, t.c]);
  let builder = BUILDERS.get(key);
  if (builder === undefined) {
    builder = newTableBuilder(t, read);
    BUILDERS.set(key, builder);
  }
  return builder;
}

/**
 * The builders made so far, by layout: one function per table layout for the process's life, so every LA's
 * records of a table come from one allocation site (V8 learns to place them straight in the old generation
 * once they keep surviving, and the function stays optimised) instead of a fresh function per load.
 */
const BUILDERS = new Map<string, TableBuilder>();

function newTableBuilder(
  t: { readonly f: readonly string[]; readonly c: readonly Column[] },
  read: Readonly<Record<Column, (j: number) => string>>,
): TableBuilder {
  const head = t.f.map((_, j) =>
    t.c[j] === 'dict' ? `const d${j} = v[${j}][0], c${j} = v[${j}][1];` : `const c${j} = v[${j}];`,
  );
  const parts = t.f.map((name, j) => `${JSON.stringify(name)}: ${read[t.c[j]!](j)}`);
  const build = new Function(
    'NO_SOURCE',
    'NO_SOURCES',
    `return (v, n, files, subs) => { ${head.join(' ')} const out = new Array(n); for (let i = 0; i < n; i++) out[i] = { ${parts.join(', ')} }; return out; };`,
  ) as (noSource: Readonly<Source>, noSources: readonly Source[]) => TableBuilder;
  return build(NO_SOURCE, NO_SOURCES);
}

/** The head of a snapshot's text, or null when it was written by another assembly version or layout. */
function readHead(text: string): Head | null {
  const e = JSON.parse(text) as Head;
  return e.fmt === FORMAT && e.v === ASSEMBLY_VERSION ? e : null;
}

/**
 * The dataset a head and its parts describe; `figures` leaves every source reference out (the parts holding
 * them are never read). Null when the head names a part that is not there or a column of an unknown kind.
 */
function decodeDataset(e: Head, part: (i: number) => string | undefined, figures: boolean): LaDataset | null {
  const parsePart = (i: unknown): unknown => {
    const text = typeof i === 'number' && Number.isInteger(i) ? part(i) : undefined;
    if (text === undefined) throw new BadLayout();
    return JSON.parse(text) as unknown;
  };
  try {
    const dataset: Record<string, unknown> = {};
    for (const key of e.k) {
      const t = e.tables[key];
      if (t === undefined) {
        const value = e.scalars[key];
        dataset[key] =
          typeof value === 'object' && value !== null && '$set' in value
            ? new Set((value as { $set: unknown[] }).$set)
            : value;
      } else if ('raw' in t) dataset[key] = parsePart(t.raw);
      else if (t.c.every(isColumn) && t.p.length === t.f.length) {
        const columns = t.p.map((p, j) => {
          const kind = t.c[j]!;
          if (figures && isReference(kind)) return null;
          const column = parsePart(p);
          if (kind === 'dict' && !isDictionary(column)) throw new BadLayout();
          return column;
        });
        const build = tableBuilder(t, figures ? READ_FIGURES_VALUE : READ_VALUE);
        dataset[key] = build(columns as unknown[][], t.n, e.files, e.subs);
      } else return null;
    }
    return dataset as unknown as LaDataset;
  } catch (err) {
    if (err instanceof BadLayout) return null;
    throw err;
  }
}

/**
 * The dataset and checks of {@link encodeSnapshot}'s output, or null when the text was written by another
 * assembly version or in another layout, or its parts are not the ones its head names (the caller then
 * assembles the version again).
 */
export function decodeSnapshot(text: SnapshotText): DatasetSnapshot | null {
  const e = readHead(text.head);
  if (e === null || e.np !== text.parts.length) return null;
  const part = (i: number): string | undefined =>
    i >= 0 && i < text.parts.length ? text.parts[i] : undefined;
  const dataset = decodeDataset(e, part, false);
  if (dataset === null) return null;
  const checks = Number.isInteger(e.checks) ? part(e.checks) : undefined;
  if (checks === undefined) return null;
  return { dataset, checks: JSON.parse(checks) as ValidationIssue[] };
}

/** Reading a snapshot for its figures only: the parts to fetch, then the dataset from them. */
export interface FiguresSnapshot {
  /** The parts needed, in order: every part but the records' source references and the checks. */
  readonly parts: readonly number[];
  /** The dataset from those parts (null when one is missing): every record's source is {@link NO_SOURCE}. */
  decode(parts: ReadonlyMap<number, string>): LaDataset | null;
}

/**
 * A snapshot read for computing figures (a hub's compute job): the records without their source references
 * (each `source` is {@link NO_SOURCE}, each child's `sources` {@link NO_SOURCES}) and no checks, so those
 * parts (a large share of a snapshot's text and of the objects loading makes) are neither fetched nor
 * parsed. Indicators never read a record's source; members and the report read the full dataset
 * ({@link decodeSnapshot}). Null when the head was written by another assembly version or layout.
 * @example const f = figuresSnapshot(head); const dataset = f?.decode(await fetch(f.parts))
 */
export function figuresSnapshot(head: string): FiguresSnapshot | null {
  const e = readHead(head);
  if (e === null) return null;
  const parts: number[] = [];
  for (const key of e.k) {
    const t = e.tables[key];
    if (t === undefined) continue;
    if ('raw' in t) parts.push(t.raw);
    else t.p.forEach((p, j) => (isReference(t.c[j]!) ? undefined : parts.push(p)));
  }
  return {
    parts,
    decode: (texts) => decodeDataset(e, (i) => texts.get(i), true),
  };
}

/** A head naming a part that is not there. */
class BadLayout extends Error {}
