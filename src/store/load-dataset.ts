import type { LaDataset } from '../model/la-dataset.js';
import type { ValidationIssue } from '../validate/issue.js';
import { assembleDataset } from './assemble/assemble-dataset.js';
import type { Database } from './database.js';
import type { DatasetVersion } from './dataset-versions.js';
import { getDatasetVersion } from './dataset-versions.js';
import type { SubmissionRecords } from './assemble/submission-records.js';
import { readVersionRecords } from './records/read-version.js';
import { versionSubmissions } from './stored-submissions.js';

/**
 * One LA's dataset: the given version (default: the current one), its submissions read and merged
 * (inputs.md §1.1). Undefined when the LA has no such version.
 * @example const d = await loadDataset(db, '841'); d?.episodes.length //=> 1234
 */
export async function loadDataset(
  db: Database,
  la: string,
  datasetId?: string,
): Promise<LaDataset | undefined> {
  return (await loadDatasetVersion(db, la, datasetId))?.dataset;
}

/** {@link loadDataset} with the version's summary and its dataset checks. */
export async function loadDatasetVersion(
  db: Database,
  la: string,
  datasetId?: string,
): Promise<{ version: DatasetVersion; dataset: LaDataset; checks: readonly ValidationIssue[] } | undefined> {
  const version = await getDatasetVersion(db, la, datasetId);
  if (!version) return undefined;
  const subs = await versionSubmissions(db, version.id);
  // One query per record table for the whole version, not one per submission and table.
  const tables = await readVersionRecords(db, subs);
  const records: SubmissionRecords[] = subs.map((s) => ({
    id: s.id,
    source: s.source,
    collectionYear: s.collectionYear,
    asAt: s.asAt,
    dateRange: s.dateRange,
    seq: s.seq,
    tables: tables.get(s.id)!,
  }));
  const { dataset, issues } = assembleDataset(la, records);
  return { version, dataset, checks: issues };
}
