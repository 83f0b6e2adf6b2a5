import type { RecordTables } from '../../ingest/staged.js';
import type { SourceRef } from '../../model/source.js';

/** How a model field is held in a column: dates as DATE, flags as INTEGER 0/1, lists as JSON text. */
export type ColumnType = 'text' | 'date' | 'integer' | 'real' | 'bool' | 'json';

export interface ColumnSpec {
  /** SQL column name (snake_case). */
  readonly column: string;
  /** Model field name. */
  readonly field: string;
  readonly type: ColumnType;
}

/** Which key of a model record says where it came from. */
export type SourceField = 'source' | 'sources' | 'none';

/**
 * One typed table of case records: the single description of how a model record type maps to SQL columns,
 * used for the DDL, for inserts and for reading back. Every row also carries `submission_id`, `ord` (its
 * place within the submission's table, file order) and its source file and position.
 */
export interface RecordTable {
  /** Key of the records in {@link RecordTables} and `LaDataset`. */
  readonly key: keyof RecordTables;
  /** SQL table name. */
  readonly table: string;
  readonly sourceField: SourceField;
  readonly columns: readonly ColumnSpec[];
}

/** The bookkeeping columns every record table starts with. */
export const META_COLUMNS = ['submission_id', 'ord', 'src_file', 'src_position'] as const;

const SQL_TYPE: Record<ColumnType, string> = {
  text: 'TEXT',
  date: 'DATE',
  integer: 'INTEGER',
  real: 'DOUBLE PRECISION',
  bool: 'INTEGER',
  json: 'TEXT',
};

/**
 * Shorthand for a column list: `'childId decom:date plDistance:real'` → columns `child_id`, `decom`,
 * `pl_distance`; `field=column` names the column (SQL keywords such as `end` are avoided that way).
 * @example cols('childId dob:date') //=> [{ column: 'child_id', field: 'childId', type: 'text' }, { column: 'dob', field: 'dob', type: 'date' }]
 */
export function cols(spec: string): ColumnSpec[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((part) => {
      const [name, type = 'text'] = part.split(':') as [string, ColumnType?];
      const [field, column = snake(field)] = name.split('=') as [string, string?];
      return { column, field, type: type as ColumnType };
    });
}

function snake(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** CREATE TABLE for a record table (SQL both databases accept). */
export function createTableSql(t: RecordTable): string {
  const lines = [
    'submission_id TEXT NOT NULL REFERENCES submissions(id)',
    'ord INTEGER NOT NULL',
    'src_file TEXT',
    'src_position TEXT',
    ...t.columns.map((c) => `${c.column} ${SQL_TYPE[c.type]}`),
    'PRIMARY KEY (submission_id, ord)',
  ];
  return `CREATE TABLE ${t.table} (\n  ${lines.join(',\n  ')}\n)`;
}

/** All SQL column names of a record table, in insert order. */
export function columnNames(t: RecordTable): string[] {
  return [...META_COLUMNS, ...t.columns.map((c) => c.column)];
}

function toSql(type: ColumnType, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (type) {
    case 'bool':
      return v ? 1 : 0;
    case 'json':
      return JSON.stringify(v);
    default:
      return v;
  }
}

function fromSql(type: ColumnType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'bool':
      return Number(v) !== 0;
    case 'json':
      return JSON.parse(String(v));
    case 'integer':
    case 'real':
      return Number(v);
    default:
      return v;
  }
}

function sourceOf(t: RecordTable, record: Record<string, unknown>): SourceRef | null {
  if (t.sourceField === 'source') return (record['source'] as SourceRef | undefined) ?? null;
  if (t.sourceField === 'sources') return ((record['sources'] as SourceRef[] | undefined) ?? [])[0] ?? null;
  return null;
}

/**
 * A model record as the values of one row, in {@link columnNames} order.
 * @example toRow(EPISODES, 'sub1', 0, episode) //=> ['sub1', 0, 'episodes.csv', 'line 2', 'c1', '2021-04-01', …]
 */
export function toRow(t: RecordTable, submissionId: string, ord: number, record: object): unknown[] {
  const r = record as Record<string, unknown>;
  const src = sourceOf(t, r);
  const row: unknown[] = [submissionId, ord, src?.file ?? null, src?.position ?? null];
  for (const c of t.columns) row.push(toSql(c.type, r[c.field]));
  return row;
}

/**
 * A stored row read as an array (values in {@link columnNames} order) back to its model record, its source
 * naming the submission: what {@link fromRow} does, without a row object.
 */
export function fromValues<T>(t: RecordTable, v: readonly unknown[]): T {
  const out: Record<string, unknown> = {};
  const n = META_COLUMNS.length;
  const columns = t.columns;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    out[c.field] = fromSql(c.type, v[n + i]);
  }
  const src: SourceRef = {
    file: String(v[2] ?? ''),
    position: String(v[3] ?? ''),
    submissionId: String(v[0]),
  };
  if (t.sourceField === 'source') out['source'] = src;
  if (t.sourceField === 'sources') out['sources'] = [src];
  return out as T;
}

/** A stored row back to its model record, its source naming the submission. */
export function fromRow<T>(t: RecordTable, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const c of t.columns) out[c.field] = fromSql(c.type, row[c.column]);
  const src: SourceRef = {
    file: String(row['src_file'] ?? ''),
    position: String(row['src_position'] ?? ''),
    submissionId: String(row['submission_id']),
  };
  if (t.sourceField === 'source') out['source'] = src;
  if (t.sourceField === 'sources') out['sources'] = [src];
  return out as T;
}
