import type { StagedTables } from '../../ingest/staged.js';
import type { ColumnType, RecordTable } from '../records/record-table.js';
import { META_COLUMNS, fromValues, toRow } from '../records/record-table.js';
import { recordTable } from '../records/record-io.js';

/** A staged value the database would not give back as it was (so no snapshot is written). */
export class NotStorable extends Error {}

/**
 * Whether a value bound for a column of this type comes back from either database exactly as
 * `fromValues` turns it (SQLite's column affinity would turn a number in a TEXT column into text, and
 * PostgreSQL would round 2.5 in an INTEGER column; neither keeps a lone UTF-16 surrogate).
 */
function storesExactly(type: ColumnType, v: unknown): boolean {
  if (v === null) return true;
  switch (type) {
    case 'text':
    case 'date':
      return typeof v === 'string' && (v as string & { isWellFormed(): boolean }).isWellFormed();
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0);
    case 'real':
      return typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0);
    case 'bool':
    case 'json':
      return true; // stored as 1/0 and as JSON text: fromValues reads back exactly what was stored
  }
}

/**
 * One staged record as reading it back from its record table gives it (`readRecords`, `readVersionRecords`):
 * the columns' values converted as stored, its source naming the submission. Throws {@link NotStorable}
 * when a value would come back different from the database, so an import never snapshots what it did not
 * store.
 * @example storedForm(recordTable('episodes'), '841-ssda903-2021-22-1', 0, staged)
 */
export function storedForm(t: RecordTable, submissionId: string, ord: number, record: object): object {
  const row = toRow(t, submissionId, ord, record);
  const n = META_COLUMNS.length;
  for (let i = 0; i < t.columns.length; i++) {
    if (!storesExactly(t.columns[i]!.type, row[n + i])) throw new NotStorable();
  }
  for (const meta of [row[2], row[3]]) if (meta !== null && typeof meta !== 'string') throw new NotStorable();
  return fromValues(t, row);
}

/** Every table of a staged submission in its stored form ({@link storedForm}). */
export function storedTables(submissionId: string, tables: StagedTables): StagedTables {
  const out: Record<string, object[]> = {};
  for (const [key, records] of Object.entries(tables) as [keyof StagedTables, object[]][]) {
    const t = recordTable(key);
    out[key] = records.map((r, i) => storedForm(t, submissionId, i, r));
  }
  return out as StagedTables;
}
