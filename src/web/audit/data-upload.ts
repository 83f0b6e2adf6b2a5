import type { IngestResult } from '../../ingest/staged.js';
import type { Database } from '../../store/database.js';
import type { ImportOutcome } from '../../store/import-dataset.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { type AuditEntry, appendAudit } from './audit-log.js';

/** What a `data-upload` entry says of an upload or import (report.md §9): never a child id or a value. */
export interface DataUpload {
  /** The files, by name (a dashboard upload's file names; an import's paths from the folder holding them). */
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  readonly refused: boolean;
  /** The version it made current (an unchanged import: the version still current); null when refused. */
  readonly datasetVersion: string | null;
  /** Its validation issues and dataset checks, counted by severity only. */
  readonly issues: readonly Pick<ValidationIssue, 'severity'>[];
}

/**
 * The detail of a `data-upload` audit entry, the same for the dashboard's upload and `cspi import` (and a hub
 * import job): file names, their total bytes, refused or not, the dataset version, issue counts by severity.
 * @example dataUploadDetail({ files: [{ name: 'episodes.csv', bytes: 10 }], refused: false, datasetVersion: '841-v1', issues: [] }).files //=> 'episodes.csv'
 */
export function dataUploadDetail(u: DataUpload): AuditEntry['detail'] {
  const by = { structural: 0, error: 0, warning: 0, query: 0 };
  for (const i of u.issues) by[i.severity]++;
  return {
    files: u.files.map((f) => f.name).join(', '),
    bytes: u.files.reduce((s, f) => s + f.bytes, 0),
    refused: u.refused,
    datasetVersion: u.datasetVersion,
    structural: by.structural,
    errors: by.error,
    warnings: by.warning,
    queries: by.query,
  };
}

/**
 * What an import of read files says as a {@link DataUpload}: the issues the dashboard shows for it (a refused
 * reading's own issues, else a refusal's; an imported version's with its dataset checks).
 */
export function importedUpload(ingest: IngestResult, outcome: ImportOutcome): DataUpload {
  return {
    files: ingest.files.map((f) => ({ name: f.name, bytes: f.size })),
    refused: outcome.kind === 'refused',
    datasetVersion: outcome.kind === 'refused' ? null : outcome.datasetId,
    issues:
      outcome.kind === 'refused'
        ? ingest.refused
          ? ingest.issues
          : outcome.issues
        : outcome.kind === 'imported'
          ? [...ingest.issues, ...outcome.checks]
          : ingest.issues,
  };
}

/**
 * The `record` of an import run outside the dashboard (`cspi import`, a hub import job): writes its
 * `data-upload` entry, `actor` as who loaded it and no IP, in the import's transaction
 * (`ImportOptions.record`), so the entry commits with the version or not at all.
 * @example importDataset(db, ingest, { la: '841', record: recordImport(commandLineActor(), '841', ingest) })
 */
export function recordImport(
  actor: string,
  la: string | null,
  ingest: IngestResult,
): (tx: Database, outcome: ImportOutcome) => Promise<void> {
  return async (tx, outcome) => {
    await appendAudit(tx, {
      actor,
      ip: null,
      action: 'data-upload',
      la,
      detail: dataUploadDetail(importedUpload(ingest, outcome)),
    });
  };
}

/**
 * Who is shown as having loaded a version with no `data-upload` entry naming it: one imported before
 * `cspi import` and hub import jobs wrote one (the dashboard's upload always has), so by the command line,
 * user not recorded.
 */
export const LOADER_NOT_RECORDED = 'command line';

/**
 * Who loaded each dataset version (of one LA, or of every LA), by version id: the actor of the earliest
 * `data-upload` entry naming the version. The earliest, because a later upload or import of the same files
 * (unchanged: no new version) names the version still current, and did not load it.
 * @example (await datasetLoaders(db, '841')).get('841-v2') //=> 'command line (jsmith)'
 */
export async function datasetLoaders(db: Database, la?: string): Promise<Map<string, string>> {
  const rows = await db.all<{ actor: string | null; detail: string }>(
    `SELECT actor, detail FROM audit_log WHERE action = 'data-upload'${la === undefined ? '' : ' AND la = ?'} ORDER BY id`,
    la === undefined ? [] : [la],
  );
  const loaders = new Map<string, string>();
  for (const r of rows) {
    const v = (JSON.parse(r.detail) as { datasetVersion?: unknown }).datasetVersion;
    if (typeof v === 'string' && r.actor !== null && !loaders.has(v)) loaders.set(v, r.actor);
  }
  return loaders;
}
