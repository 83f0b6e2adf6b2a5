import type { LaDataset } from '../model/la-dataset.js';
import type { ValidationIssue } from '../validate/issue.js';
import { assembleDataset } from './assemble/assemble-dataset.js';
import type { Database } from './database.js';
import type { DatasetVersion } from './dataset-versions.js';
import { getDatasetVersion } from './dataset-versions.js';
import { readSubmission, versionSubmissions } from './stored-submissions.js';

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
  const records = [];
  for (const s of subs) records.push(await readSubmission(db, s));
  const { dataset, issues } = assembleDataset(la, records);
  return { version, dataset, checks: issues };
}
