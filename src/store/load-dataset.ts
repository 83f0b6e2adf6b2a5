import type { LaDataset } from '../model/la-dataset.js';
import type { ValidationIssue } from '../validate/issue.js';
import { assembleDataset } from './assemble/assemble-dataset.js';
import { reidentifyInPlace } from './assemble/keyed-merge.js';
import type { Database } from './database.js';
import type { DatasetVersion } from './dataset-versions.js';
import { getDatasetVersion, lockLa } from './dataset-versions.js';
import type { SubmissionRecords } from './assemble/submission-records.js';
import { readVersionRecords } from './records/read-version.js';
import { versionSubmissions, withRecords } from './stored-submissions.js';
import { readFiguresSnapshot, readSnapshot, writeSnapshot } from './snapshot/dataset-snapshots.js';

/**
 * One LA's dataset: the given version (default: the current one), its submissions read and merged
 * (inputs.md §1.1), or the version's stored snapshot of exactly that (src/store/snapshot). Undefined when
 * the LA has no such version.
 * @example const d = await loadDataset(db, '841'); d?.episodes.length //=> 1234
 */
export async function loadDataset(
  db: Database,
  la: string,
  datasetId?: string,
): Promise<LaDataset | undefined> {
  return (await loadDatasetVersion(db, la, datasetId))?.dataset;
}

/** How a load may treat the store. */
export interface LoadOptions {
  /**
   * When the LA's current version has no snapshot of this assembly version (its import ran before an
   * upgrade that changed the merge, so each load would assemble it again), keep the version just assembled
   * as its snapshot: for processes that may write (the CLI's commands, a hub's workers). Best effort:
   * a reader that may not write (a hub's LA-scoped read), a busy database or a newer import in the meantime
   * leaves the store as it was, and the load succeeds all the same.
   */
  readonly keepAssembled?: boolean;
}

/** {@link loadDataset} with the version's summary and its dataset checks. */
export async function loadDatasetVersion(
  db: Database,
  la: string,
  datasetId?: string,
  options: LoadOptions = {},
): Promise<{ version: DatasetVersion; dataset: LaDataset; checks: readonly ValidationIssue[] } | undefined> {
  const version = await getDatasetVersion(db, la, datasetId);
  if (!version) return undefined;
  // The current version's snapshot, written by its import: two reads instead of every record and the merge.
  const snapshot = await readSnapshot(db, version.id);
  if (snapshot) return { version, dataset: snapshot.dataset, checks: snapshot.checks };
  const assembled = await assembleVersion(db, version.id);
  if (options.keepAssembled && version.current) await keepAssembled(db, version, assembled);
  return { version, ...assembled };
}

/**
 * Stores a current version's assembled dataset as its snapshot ({@link LoadOptions.keepAssembled}), under
 * the LA's row lock that an import takes, and only while the version is still the LA's current one.
 * Returns whether it did.
 */
async function keepAssembled(
  db: Database,
  version: DatasetVersion,
  assembled: { dataset: LaDataset; checks: readonly ValidationIssue[] },
): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await lockLa(tx, version.la);
      const top = await tx.get<{ seq: number | null }>(
        'SELECT max(seq) AS seq FROM dataset_versions WHERE la = ?',
        [version.la],
      );
      if (top?.seq === null || top?.seq === undefined || Number(top.seq) !== version.seq) return false;
      return writeSnapshot(tx, version.la, version.id, assembled, new Date().toISOString());
    });
  } catch {
    // A cache: without it the version is assembled on each load, as it was just now.
    return false;
  }
}

/**
 * An LA's current dataset version read for computing figures only (a hub's compute job): from its snapshot,
 * the records without their source references (each `source` is the empty `NO_SOURCE`, see
 * `figuresSnapshot`) and without the checks, which is less to fetch, parse and build; without a snapshot,
 * assembled whole as {@link loadDatasetVersion} does. Indicators never read a record's source: the figures
 * are those of the full dataset. Never hand this dataset to members, reports or the dashboard.
 * @example (await loadFiguresDataset(db, '841'))?.dataset.episodes.length //=> 1234
 */
export async function loadFiguresDataset(
  db: Database,
  la: string,
  options: LoadOptions = {},
): Promise<{ version: DatasetVersion; dataset: LaDataset } | undefined> {
  const version = await getDatasetVersion(db, la);
  if (!version) return undefined;
  const dataset = await readFiguresSnapshot(db, version.id);
  if (dataset) return { version, dataset };
  const assembled = await assembleVersion(db, version.id);
  if (options.keepAssembled) await keepAssembled(db, version, assembled);
  return { version, dataset: assembled.dataset };
}

/**
 * A dataset version assembled from its stored records, whether or not it has a snapshot: every submission's
 * records read and merged (what the snapshot of the version holds).
 * @example (await assembleVersion(db, '841-v3')).dataset.episodes.length //=> 1234
 */
export async function assembleVersion(
  db: Database,
  datasetId: string,
): Promise<{ dataset: LaDataset; checks: readonly ValidationIssue[] }> {
  const version = await db.get<{ la: string }>('SELECT la FROM dataset_versions WHERE id = ?', [datasetId]);
  if (!version) throw new Error(`no dataset version ${datasetId}`);
  const records = await versionRecords(db, datasetId);
  // The records are this call's own, fresh from the database: re-identified in place.
  const { dataset, issues } = assembleDataset(version.la, records, reidentifyInPlace);
  return { dataset, checks: issues };
}

/**
 * Every submission of a dataset version with its stored records, as the merge takes them.
 * @example (await versionRecords(db, '841-v3')).map((s) => s.source) //=> ['cin', 'ssda903', 'local']
 */
export async function versionRecords(db: Database, datasetId: string): Promise<SubmissionRecords[]> {
  const subs = await versionSubmissions(db, datasetId);
  // One query per record table for the whole version, not one per submission and table.
  const tables = await readVersionRecords(db, subs);
  return subs.map((s) => withRecords(s, tables.get(s.id)!));
}
