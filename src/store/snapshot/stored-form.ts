import type { RecordTables, StagedTables } from '../../ingest/staged.js';
import { isRowTable, type RowTable } from '../../ingest/row-table.js';
import type { ColumnType, RecordTable } from '../records/record-table.js';
import { recordTable } from '../records/record-io.js';

/** A staged value the database would not give back as it was (so no snapshot is written). */
export class NotStorable extends Error {}

/** Throws {@link NotStorable}: a value the database would not give back as it was. */
function notStorable(): never {
  throw new NotStorable();
}

/** A text value (or null) that both databases keep as it is; anything else is {@link NotStorable}. */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !(v as string & { isWellFormed(): boolean }).isWellFormed()) notStorable();
  return v;
}

/**
 * How `toRow` then `fromValues` turn a value of each column type, for values either database gives back as
 * stored; anything else is {@link NotStorable} (SQLite's column affinity would turn a number in a TEXT
 * column into text, PostgreSQL would round 2.5 in an INTEGER column, neither keeps a lone UTF-16
 * surrogate). Flags come back as booleans and lists as their JSON text parsed, whatever was staged.
 */
const CONVERT: Record<ColumnType, (v: unknown) => unknown> = {
  text,
  date: text,
  integer: (v) =>
    v === null || v === undefined
      ? null
      : typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0)
        ? v
        : notStorable(),
  real: (v) =>
    v === null || v === undefined
      ? null
      : typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)
        ? v
        : notStorable(),
  bool: (v) => (v === null || v === undefined ? null : Boolean(v)),
  json: (v) => (v === null || v === undefined ? null : isStringList(v) ? v.slice() : jsonCopy(v)),
};

/** A list of strings (the usual JSON column: factors, disabilities, review dates): its copy is its JSON copy. */
function isStringList(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/** What storing a value as JSON text and parsing it back gives. */
function jsonCopy(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

type FormBuilder = (
  r: Record<string, unknown>,
  src: { file: string; position: string; submissionId: string },
  c: typeof CONVERT,
) => object;

const builders = new Map<RecordTable, FormBuilder>();

/**
 * The stored-form builder of a record table, generated once from its column list: one object literal with
 * the fields in column order, then its source, exactly the shape `fromValues` builds.
 */
function builderOf(t: RecordTable): FormBuilder {
  let b = builders.get(t);
  if (b) return b;
  const fields = t.columns.map(
    (col) => `${JSON.stringify(col.field)}: c.${col.type}(r[${JSON.stringify(col.field)}])`,
  );
  if (t.sourceField === 'source') fields.push('source: src');
  if (t.sourceField === 'sources') fields.push('sources: [src]');
  // Generated from the fixed table descriptions in record-tables.ts (no user input).
  b = new Function('r', 'src', 'c', `return { ${fields.join(', ')} };`) as FormBuilder;
  builders.set(t, b);
  return b;
}

/**
 * One staged record as reading it back from its record table gives it (`readRecords`, `readVersionRecords`):
 * what `fromValues(t, toRow(t, submissionId, ord, record))` gives, its source naming the submission. Throws
 * {@link NotStorable} when a value would come back different from the database, so an import never
 * snapshots what it did not store.
 * @example storedForm(recordTable('episodes'), '841-ssda903-2021-22-1', staged)
 */
export function storedForm(t: RecordTable, submissionId: string, record: object): object {
  const r = record as Record<string, unknown>;
  const from = (
    t.sourceField === 'source'
      ? r['source']
      : t.sourceField === 'sources'
        ? (r['sources'] as unknown[] | undefined)?.[0]
        : undefined
  ) as { file?: unknown; position?: unknown } | undefined;
  const src = {
    file: text(from?.file) ?? '',
    position: text(from?.position) ?? '',
    submissionId,
  };
  return builderOf(t)(r, src, CONVERT);
}

/** Every table of a staged submission in its stored form ({@link storedForm}). */
export function storedTables(submissionId: string, tables: StagedTables): RecordTables {
  const out: Record<string, object[]> = {};
  for (const [key, records] of Object.entries(tables) as [
    keyof StagedTables,
    object[] | RowTable<object>,
  ][]) {
    const t = recordTable(key);
    if (isRowTable(records)) {
      // Held by column: each row's record is made for its stored form alone.
      const forms = new Array<object>(records.length);
      for (let i = 0; i < records.length; i++) forms[i] = storedForm(t, submissionId, records.record(i));
      out[key] = forms;
    } else out[key] = records.map((r) => storedForm(t, submissionId, r));
  }
  return out as RecordTables;
}
