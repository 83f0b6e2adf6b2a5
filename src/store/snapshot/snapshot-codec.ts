import type { LaDataset } from '../../model/la-dataset.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { ASSEMBLY_VERSION } from './assembly-version.js';

/**
 * A dataset version's assembled records (what `assembleDataset` gives) and its dataset checks, held as one
 * value so that loading a version is one read and one parse instead of reading every record table and
 * merging the submissions again (issues 4 and 7: loading was two thirds of computing an LA).
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

type Column = 'plain' | 'source' | 'sources';

interface EncodedTable {
  /** Field names in each record's key order. */
  readonly f: string[];
  /** How each field is encoded (`plain`, or a source reference / list of them through the dictionaries). */
  readonly c: Column[];
  /** One array of values per record. */
  readonly r: unknown[][];
}

interface Encoded {
  readonly v: number;
  /** The dataset's keys in their order. */
  readonly k: string[];
  /** Dictionaries of source references: submission ids and file names. */
  readonly subs: string[];
  readonly files: string[];
  /** Fields of the dataset that are not record lists (la, asAt, historyStart; Sets tagged). */
  readonly scalars: Record<string, unknown>;
  /** Record lists by dataset key: columns, or the records as they are (`{ raw: [...] }`). */
  readonly tables: Record<string, EncodedTable | { readonly raw: unknown[] }>;
  readonly checks: readonly ValidationIssue[];
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
  const src = (s: unknown): [number, string, number] => {
    if (!isSource(s)) throw new NotColumnar();
    return [files.index(s.file), s.position, subs.index(s.submissionId)];
  };
  const rows: unknown[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] as Record<string, unknown>;
    if (typeof rec !== 'object' || rec === null || Object.getPrototypeOf(rec) !== Object.prototype)
      return null;
    const keys = Object.keys(rec);
    if (keys.length !== fields.length) return null;
    const row = new Array(fields.length);
    for (let j = 0; j < fields.length; j++) {
      if (keys[j] !== fields[j]) return null;
      const v = rec[fields[j]!];
      const kind = columns[j];
      if (kind === 'source') row[j] = src(v);
      else if (kind === 'sources') {
        if (!Array.isArray(v)) throw new NotColumnar();
        row[j] = v.map(src);
      } else {
        assertPlain(v);
        row[j] = v;
      }
    }
    rows[i] = row;
  }
  return { f: fields, c: columns, r: rows };
}

/**
 * The snapshot of an assembled dataset and its checks as JSON text: null when some value could not be given
 * back exactly (the caller then keeps no snapshot). Not compressed here: inflating cost a third as much as
 * parsing on this machine's cores, and PostgreSQL compresses large values itself (TOAST).
 * @example decodeSnapshot(encodeSnapshot({ dataset, checks })!).dataset //=> deep-equal to dataset
 */
export function encodeSnapshot(snapshot: DatasetSnapshot): string | null {
  const subs = new Dictionary();
  const files = new Dictionary();
  const scalars: Record<string, unknown> = {};
  const tables: Encoded['tables'] = {};
  try {
    for (const [key, value] of Object.entries(snapshot.dataset)) {
      if (Array.isArray(value)) {
        const t = value.length > 0 ? columnar(value, subs, files) : null;
        if (t) tables[key] = t;
        else {
          assertPlain(value);
          tables[key] = { raw: value };
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
  const encoded: Encoded = {
    v: ASSEMBLY_VERSION,
    k: Object.keys(snapshot.dataset),
    subs: subs.list,
    files: files.list,
    scalars,
    tables,
    checks: snapshot.checks,
  };
  return JSON.stringify(encoded);
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

type RowBuilder = (r: unknown[], src: (s: [number, string, number]) => Source) => object;

/**
 * One object literal per record with the fields in their stored order (the same hidden class for every
 * record of a table, as the merge built them). Field names are quoted with JSON.stringify, so any name is a
 * string literal here, never code.
 */
function rowBuilder(t: EncodedTable): RowBuilder {
  const parts = t.f.map((name, j) => {
    const at = `r[${j}]`;
    const value = t.c[j] === 'source' ? `src(${at})` : t.c[j] === 'sources' ? `${at}.map(src)` : at;
    return `${JSON.stringify(name)}: ${value}`;
  });
  return new Function('r', 'src', `return { ${parts.join(', ')} };`) as RowBuilder;
}

/**
 * The dataset and checks of {@link encodeSnapshot}'s output, or null when the text were written by another
 * assembly version (the merge changed since: the caller assembles the version again).
 */
export function decodeSnapshot(text: string): DatasetSnapshot | null {
  const e = JSON.parse(text) as Encoded;
  if (e.v !== ASSEMBLY_VERSION) return null;
  const src = ([file, position, sub]: [number, string, number]): Source => ({
    file: e.files[file]!,
    position,
    submissionId: e.subs[sub]!,
  });
  const dataset: Record<string, unknown> = {};
  for (const key of e.k) {
    const t = e.tables[key];
    if (t === undefined) {
      const value = e.scalars[key];
      dataset[key] =
        typeof value === 'object' && value !== null && '$set' in value
          ? new Set((value as { $set: unknown[] }).$set)
          : value;
    } else if ('raw' in t) dataset[key] = t.raw;
    else {
      const build = rowBuilder(t);
      const out = new Array(t.r.length);
      for (let i = 0; i < t.r.length; i++) out[i] = build(t.r[i]!, src);
      dataset[key] = out;
    }
  }
  return { dataset: dataset as unknown as LaDataset, checks: e.checks };
}
