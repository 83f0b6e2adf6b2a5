import type { RecordTables, StagedTables } from '../../ingest/staged.js';
import { isRowTable, type RowTable } from '../../ingest/row-table.js';
import type { Database } from '../database.js';
import type { RecordTable } from './record-table.js';
import { columnNames, fromValues, toRow } from './record-table.js';
import { RECORD_TABLES } from './record-tables.js';

const BY_KEY = new Map(RECORD_TABLES.map((t) => [t.key, t]));

/** The record table holding a staged table. */
export function recordTable(key: keyof StagedTables): RecordTable {
  const t = BY_KEY.get(key);
  if (!t) throw new Error(`no record table for ${String(key)}`);
  return t;
}

/** Rows written per insertMany call (keeps memory flat and lets progress move). */
const BATCH = 5000;

/**
 * Writes one submission's records into the typed tables, in file order (`ord`).
 * @example await writeRecords(tx, 'sub-1', staged.tables, (n) => bar.update(n))
 */
export async function writeRecords(
  db: Database,
  submissionId: string,
  tables: StagedTables,
  onRows?: (rows: number) => void,
): Promise<void> {
  for (const [key, records] of Object.entries(tables) as [
    keyof StagedTables,
    object[] | RowTable<object>,
  ][]) {
    const t = recordTable(key);
    const names = columnNames(t);
    for (let at = 0; at < records.length; at += BATCH) {
      const end = Math.min(records.length, at + BATCH);
      const rows: unknown[][] = [];
      for (let i = at; i < end; i++) {
        // A row's record is made for it alone in a table held by column (episodes, a census's CIN tables).
        const r = isRowTable(records) ? records.record(i) : records[i]!;
        rows.push(toRow(t, submissionId, i, r));
      }
      await db.insertMany(t.table, names, rows);
      onRows?.(end - at);
    }
  }
}

/**
 * Reads one submission's records back, table by table, in file order. `keys` names the tables the
 * submission holds (an empty table stays present as an empty list).
 */
export async function readRecords(
  db: Database,
  submissionId: string,
  keys: readonly (keyof RecordTables)[],
): Promise<RecordTables> {
  const out: Record<string, unknown[]> = {};
  for (const key of keys) {
    const t = recordTable(key);
    const rows = await db.allRows(
      `SELECT ${columnNames(t).join(', ')} FROM ${t.table} WHERE submission_id = ? ORDER BY ord`,
      [submissionId],
    );
    out[key] = rows.map((r) => fromValues(t, r));
  }
  return out as RecordTables;
}
