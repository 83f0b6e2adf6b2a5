import type { IsoDate } from '../calendar/iso-date.js';
import type { RecordTables } from '../ingest/staged.js';
import type { SourceKind } from '../model/source.js';
import type { RowCount } from '../validate/issue.js';
import type { SubmissionRecords } from './assemble/submission-records.js';
import type { Database } from './database.js';
import { readRecords } from './records/record-io.js';

/** A stored submission's bookkeeping (no records). */
export interface StoredSubmission {
  readonly id: string;
  readonly source: SourceKind;
  readonly collectionYear: string | null;
  readonly asAt: IsoDate | null;
  readonly dateRange: { readonly start: IsoDate; readonly end: IsoDate } | null;
  readonly identity: string;
  readonly seq: number;
  /** The import that stored it. */
  readonly importId: string;
  readonly tableKeys: readonly (keyof RecordTables)[];
  readonly pseudonymised: boolean;
  readonly sha256s: readonly string[];
  /** Row accounting of its files when imported. */
  readonly counts: readonly RowCount[];
}

interface Row {
  id: string;
  source: SourceKind;
  collection_year: string | null;
  as_at: IsoDate | null;
  range_start: IsoDate | null;
  range_end: IsoDate | null;
  identity: string;
  seq: number;
  import_id: string;
  tables_json: string;
  pseudonymised: number;
  counts_json: string | null;
}

/**
 * The submissions a dataset version holds, oldest import first, with their files' SHA-256.
 * @example (await versionSubmissions(db, '841-v3')).map((s) => s.identity) //=> ['ssda903|2021-22', 'cin|2021-22']
 */
export async function versionSubmissions(db: Database, datasetId: string): Promise<StoredSubmission[]> {
  const rows = await db.all<Row>(
    `SELECT s.id, s.source, s.collection_year, s.as_at, s.range_start, s.range_end, s.identity, s.seq, s.import_id, s.tables_json, s.pseudonymised, s.counts_json
       FROM submissions s JOIN dataset_submissions ds ON ds.submission_id = s.id
      WHERE ds.dataset_id = ? ORDER BY s.seq`,
    [datasetId],
  );
  const files = await db.all<{ submission_id: string; sha256: string }>(
    `SELECT f.submission_id, f.sha256 FROM submission_files f JOIN dataset_submissions ds ON ds.submission_id = f.submission_id
      WHERE ds.dataset_id = ? ORDER BY f.submission_id, f.file_no`,
    [datasetId],
  );
  const shas = new Map<string, string[]>();
  for (const f of files) {
    const list = shas.get(f.submission_id);
    if (list) list.push(f.sha256);
    else shas.set(f.submission_id, [f.sha256]);
  }
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    collectionYear: r.collection_year,
    asAt: r.as_at,
    dateRange: r.range_start && r.range_end ? { start: r.range_start, end: r.range_end } : null,
    identity: r.identity,
    seq: Number(r.seq),
    importId: r.import_id,
    tableKeys: JSON.parse(r.tables_json) as (keyof RecordTables)[],
    pseudonymised: Number(r.pseudonymised) !== 0,
    sha256s: shas.get(r.id) ?? [],
    counts: r.counts_json ? (JSON.parse(r.counts_json) as RowCount[]) : [],
  }));
}

/** A stored submission with its records, as the merge takes it. */
export async function readSubmission(db: Database, s: StoredSubmission): Promise<SubmissionRecords> {
  return withRecords(s, await readRecords(db, s.id, s.tableKeys));
}

/**
 * A stored submission with its records (read by {@link readSubmission}, or a version's at once), as the
 * merge takes it: the bookkeeping the merge orders by, and the tables.
 */
export function withRecords(s: StoredSubmission, tables: RecordTables): SubmissionRecords {
  return {
    id: s.id,
    source: s.source,
    collectionYear: s.collectionYear,
    asAt: s.asAt,
    dateRange: s.dateRange,
    seq: s.seq,
    importId: s.importId,
    tables,
  };
}
