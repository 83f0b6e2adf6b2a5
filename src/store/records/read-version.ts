import type { RecordTables } from '../../ingest/staged.js';
import type { Database } from '../database.js';
import type { ColumnType, RecordTable } from './record-table.js';
import { META_COLUMNS, columnNames } from './record-table.js';
import { RECORD_TABLES } from './record-tables.js';

/** Builds a model record from a stored row's values (in {@link columnNames} order). */
type RowBuilder = (v: readonly unknown[]) => object;

function conversion(type: ColumnType, at: string): string {
  switch (type) {
    case 'bool':
      return `(${at} === null || ${at} === undefined ? null : Number(${at}) !== 0)`;
    case 'json':
      return `(${at} === null || ${at} === undefined ? null : JSON.parse(String(${at})))`;
    case 'integer':
    case 'real':
      return `(${at} === null || ${at} === undefined ? null : Number(${at}))`;
    default:
      return `(${at} === undefined ? null : ${at})`;
  }
}

const builders = new Map<RecordTable, RowBuilder>();

/**
 * The row builder of a record table, generated once from its column list: one object literal per row,
 * fields in column order then its source (`source` or `sources`) naming file, position and submission,
 * exactly what `fromValues` builds, without a loop or a switch per value.
 */
function builderOf(t: RecordTable): RowBuilder {
  let b = builders.get(t);
  if (b) return b;
  const n = META_COLUMNS.length;
  const fields = t.columns.map((c, i) => `${JSON.stringify(c.field)}: ${conversion(c.type, `v[${n + i}]`)}`);
  const src = `{ file: String(v[2] ?? ''), position: String(v[3] ?? ''), submissionId: String(v[0]) }`;
  if (t.sourceField === 'source') fields.push(`source: ${src}`);
  if (t.sourceField === 'sources') fields.push(`sources: [${src}]`);
  // Generated from the fixed table descriptions in record-tables.ts (no user input).
  b = new Function('v', `return { ${fields.join(', ')} };`) as RowBuilder;
  builders.set(t, b);
  return b;
}

/**
 * Every record of a dataset version's submissions, one query per record table (each submission's rows
 * in file order), split into each submission's tables: for each submission id, the tables its
 * `tableKeys` name (an empty table stays present as an empty list).
 * @example (await readVersionRecords(db, subs)).get('841-cin-2021-22-1')?.referrals?.length //=> 2140
 */
export async function readVersionRecords(
  db: Database,
  submissions: readonly { readonly id: string; readonly tableKeys: readonly (keyof RecordTables)[] }[],
): Promise<Map<string, RecordTables>> {
  const out = new Map<string, Record<string, object[]>>();
  const wanted = new Set<keyof RecordTables>();
  for (const s of submissions) {
    const tables: Record<string, object[]> = {};
    for (const k of s.tableKeys) {
      tables[k] = [];
      wanted.add(k);
    }
    out.set(s.id, tables);
  }
  for (const t of RECORD_TABLES) {
    if (!wanted.has(t.key)) continue;
    const build = builderOf(t);
    // The submission ids are named, not joined from dataset_submissions: on a national hub (tens of millions
    // of rows per table) a join lets PostgreSQL's planner choose a scan of the whole table, while a list of
    // ids is always a range read of the primary key (submission_id, ord), in the order wanted.
    const ids = submissions.filter((s) => s.tableKeys.includes(t.key)).map((s) => s.id);
    const rows = await db.allRows(
      `SELECT ${columnNames(t)
        .map((c) => `r.${c}`)
        .join(', ')} FROM ${t.table} r
        WHERE r.submission_id IN (${ids.map(() => '?').join(', ')}) ORDER BY r.submission_id, r.ord`,
      ids,
    );
    let sub: string | null = null;
    let list: object[] | undefined;
    for (const v of rows) {
      const id = v[0] as string;
      if (id !== sub) {
        sub = id;
        list = out.get(id)?.[t.key];
      }
      if (list) list.push(build(v));
    }
  }
  return out as Map<string, RecordTables>;
}
