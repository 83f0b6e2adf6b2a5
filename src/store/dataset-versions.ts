import type { IsoDate } from '../calendar/iso-date.js';
import type { Database } from './database.js';
import type { RowCount } from '../validate/issue.js';

/**
 * Takes the LA's row lock (an UPDATE of its `las` row; PostgreSQL holds it to the end of the transaction), so
 * work on one LA's versions runs one transaction after another. False when the LA has no row yet.
 * @example await lockLa(tx, '841') //=> true
 */
export async function lockLa(db: Database, la: string): Promise<boolean> {
  return (await db.run('UPDATE las SET code = code WHERE code = ?', [la])).changes > 0;
}

/** A dataset version's summary, as `cspi datasets` and the data page list it. */
export interface DatasetVersion {
  readonly id: string;
  readonly la: string;
  readonly seq: number;
  readonly createdAt: string;
  readonly importId: string | null;
  readonly contentHash: string;
  /** The latest as-at date of its sources. */
  readonly extractDate: IsoDate | null;
  readonly asAt: unknown;
  /** Records per dataset table after merging; per submission and table; per file as imported (read = loaded + rejected). */
  readonly rowCounts: {
    readonly tables: Readonly<Record<string, number>>;
    readonly submissions: readonly SubmissionSummary[];
    readonly files: readonly RowCount[];
  };
  readonly validation: ValidationSummary;
  readonly checks: ValidationSummary;
  readonly current: boolean;
}

export interface SubmissionSummary {
  readonly id: string;
  readonly source: string;
  readonly collectionYear: string | null;
  readonly asAt: IsoDate | null;
  readonly rows: Readonly<Record<string, number>>;
}

/** Counts of issues by severity and by rule code. */
export interface ValidationSummary {
  readonly error: number;
  readonly warning: number;
  readonly query: number;
  readonly structural: number;
  readonly byCode: Readonly<Record<string, number>>;
}

interface VersionRow {
  id: string;
  la: string;
  seq: number;
  created_at: string;
  import_id: string | null;
  content_hash: string;
  extract_date: IsoDate | null;
  as_at_json: string;
  row_counts_json: string;
  validation_json: string;
  checks_json: string;
}

const COLUMNS =
  'id, la, seq, created_at, import_id, content_hash, extract_date, as_at_json, row_counts_json, validation_json, checks_json';

function toVersion(r: VersionRow, currentSeq: number | undefined): DatasetVersion {
  return {
    id: r.id,
    la: r.la,
    seq: Number(r.seq),
    createdAt: r.created_at,
    importId: r.import_id,
    contentHash: r.content_hash,
    extractDate: r.extract_date,
    asAt: JSON.parse(r.as_at_json),
    rowCounts: { files: [], ...JSON.parse(r.row_counts_json) },
    validation: JSON.parse(r.validation_json),
    checks: JSON.parse(r.checks_json),
    current: Number(r.seq) === currentSeq,
  };
}

/**
 * The dataset versions of one LA (or every LA), newest first; the newest of each LA is current.
 * @example (await listDatasetVersions(db, '841'))[0].current //=> true
 */
export async function listDatasetVersions(db: Database, la?: string): Promise<DatasetVersion[]> {
  const rows = la
    ? await db.all<VersionRow>(`SELECT ${COLUMNS} FROM dataset_versions WHERE la = ? ORDER BY seq DESC`, [la])
    : await db.all<VersionRow>(`SELECT ${COLUMNS} FROM dataset_versions ORDER BY la, seq DESC`);
  const current = new Map<string, number>();
  for (const r of rows)
    if (!current.has(r.la) || current.get(r.la)! < Number(r.seq)) current.set(r.la, Number(r.seq));
  return rows.map((r) => toVersion(r, current.get(r.la)));
}

/** One version by id (within its LA), or the LA's current version when id is omitted; undefined if none. */
export async function getDatasetVersion(
  db: Database,
  la: string,
  id?: string,
): Promise<DatasetVersion | undefined> {
  const top = await db.get<{ seq: number | null }>(
    'SELECT max(seq) AS seq FROM dataset_versions WHERE la = ?',
    [la],
  );
  const currentSeq = top?.seq === null || top?.seq === undefined ? undefined : Number(top.seq);
  if (currentSeq === undefined) return undefined;
  const row = id
    ? await db.get<VersionRow>(`SELECT ${COLUMNS} FROM dataset_versions WHERE la = ? AND id = ?`, [la, id])
    : await db.get<VersionRow>(`SELECT ${COLUMNS} FROM dataset_versions WHERE la = ? AND seq = ?`, [
        la,
        currentSeq,
      ]);
  return row ? toVersion(row, currentSeq) : undefined;
}

/** Counts issues by severity and code. */
export function summariseIssues(issues: readonly { code: string; severity: string }[]): ValidationSummary {
  const s = { error: 0, warning: 0, query: 0, structural: 0, byCode: {} as Record<string, number> };
  for (const i of issues) {
    if (
      i.severity === 'error' ||
      i.severity === 'warning' ||
      i.severity === 'query' ||
      i.severity === 'structural'
    )
      s[i.severity]++;
    s.byCode[i.code] = (s.byCode[i.code] ?? 0) + 1;
  }
  return s;
}
