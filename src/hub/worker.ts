import type PgBoss from 'pg-boss';
import { parsePeriod } from '../calendar/period.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { Database } from '../store/database.js';
import { StoreBusyError, StoreUnavailableError } from '../store/store-error.js';
import { MigrationError } from '../store/migrate.js';
import { PeriodError } from '../calendar/period.js';
import { LaGroupsError } from './la-groups.js';
import { briefError, loggableError } from '../web/loggable-error.js';
import { getDatasetVersion } from '../store/dataset-versions.js';
import { type ImportOutcome, importDataset } from '../store/import-dataset.js';
import { type LaComputeOutcome, computeAndStoreLa, storeLaFigures } from './compute-la.js';
import {
  type ComputeJob,
  type ComputeJobOutput,
  type ImportJob,
  type ImportJobOutput,
  QUEUES,
  type QueueTiming,
  queueTiming,
  hubComputeActor,
  hubImportActor,
  refusalReason,
} from './queue.js';
import { recordImport } from '../web/audit/data-upload.js';

/** A line a worker logs about a job: ids, LA codes and counts only, never child-level data. */
export type WorkerLog = (event: {
  readonly queue: string;
  readonly jobId: string;
  readonly la: string;
  readonly outcome: string;
  readonly seconds: number;
  /** Of `seconds`, those an import job spent computing its period's indicators (`computePeriod`). */
  readonly computeSeconds?: number;
}) => void;

/** Test hook: a compute job for this LA never finishes, so a test can kill the worker mid-job. */
function hangsFor(la: string): boolean {
  return process.env['CSPI_TEST'] === '1' && process.env['CSPI_TEST_HANG_LA'] === la;
}

/**
 * Registers this process as a hub worker: it takes import and compute jobs from the PostgreSQL queue one at
 * a time per queue and runs them against the hub database. A job whose worker dies stays active until its
 * expiry, then pg-boss fails and retries it on any live worker; a compute job replaces its LA's figures in
 * one transaction, so a retry never duplicates results. Each LA's figures stored (a compute job's, or an
 * import job's `computePeriod`) are audited in that transaction (`hub-compute-la`, `laComputedEntry`),
 * naming who queued the job: `hub compute (jsmith)`, or `hub import (jsmith)`.
 */
export async function startWorker(
  boss: PgBoss,
  db: Database,
  log: WorkerLog,
  timing: QueueTiming = queueTiming(),
): Promise<void> {
  const options = { batchSize: 1, pollingIntervalSeconds: timing.pollingIntervalSeconds };
  // pg-boss waits out the rest of its polling interval after every fetch (2 s by default): with jobs shorter
  // than that (most LAs' computations), a worker would sit idle between them. After a job, the worker is
  // told to fetch again at once; only an empty queue waits for the interval.
  const ids: Partial<Record<string, string>> = {};
  const fetchAgain = (queue: string): void => {
    const id = ids[queue];
    if (id !== undefined) boss.notifyWorker(id);
  };
  ids[QUEUES.compute] = await boss.work<ComputeJob>(QUEUES.compute, options, async ([job]) => {
    if (!job) return;
    const t0 = Date.now();
    const output = await logFailure(log, QUEUES.compute, job, t0, async () => {
      if (hangsFor(job.data.la)) await new Promise(() => {});
      const outcome = await computeAndStoreLa(
        db,
        job.data.la,
        parsePeriod(job.data.period),
        undefined,
        undefined,
        { actor: hubComputeActor(job.data.queuedBy), withImport: false },
      );
      log({
        queue: QUEUES.compute,
        jobId: job.id,
        la: job.data.la,
        outcome: outcome ? computedText(outcome) : 'no dataset',
        seconds: (Date.now() - t0) / 1000,
      });
      const out: ComputeJobOutput | null = outcome ? { withAValue: outcome.withAValue } : null;
      return out;
    });
    fetchAgain(QUEUES.compute);
    return output;
  });
  ids[QUEUES.import] = await boss.work<ImportJob>(QUEUES.import, options, async ([job]) => {
    if (!job) return undefined;
    const t0 = Date.now();
    return logFailure(log, QUEUES.import, job, t0, async () => {
      const { la, computePeriod } = job.data;
      // The period is checked before the import, so a bad one fails the job without importing.
      const period = computePeriod === undefined ? null : parsePeriod(computePeriod);
      const actor = hubImportActor(job.data.queuedBy);
      const { result, assembled } = await importLa(db, la, job.data.paths, period !== null, actor);
      const reason = result.kind === 'refused' ? refusalReason(result.issues) : null;
      let outcome: string = reason === null ? result.kind : `refused: ${reason}`;
      let computeSeconds: number | undefined;
      let withAValue: number | undefined;
      if (period && result.kind !== 'refused') {
        const c0 = Date.now();
        // The version just committed is computed from the dataset its import assembled; an unchanged import
        // (or one that kept no snapshot) loads the current version as a compute job would.
        const version = result.kind === 'imported' ? await getDatasetVersion(db, la, result.datasetId) : null;
        // Audited as a compute job's figures are, naming who queued the import.
        const audit = { actor, withImport: true };
        const figures =
          version && assembled
            ? await storeLaFigures(db, version, assembled, period, undefined, undefined, audit)
            : await computeAndStoreLa(db, la, period, undefined, undefined, audit);
        if (figures) {
          outcome += `, ${computedText(figures)}`;
          withAValue = figures.withAValue;
        }
        computeSeconds = (Date.now() - c0) / 1000;
      }
      const seconds = (Date.now() - t0) / 1000;
      log({
        queue: QUEUES.import,
        jobId: job.id,
        la,
        outcome,
        seconds,
        ...(computeSeconds === undefined ? {} : { computeSeconds }),
      });
      fetchAgain(QUEUES.import);
      // A refused import is the data's fault, not the worker's: it is not retried, but its job's output says
      // so, and `cspi hub import` counts it refused, not done (`cspi import` on the folder shows the issues).
      const output: ImportJobOutput =
        reason === null
          ? { outcome: result.kind, ...(withAValue === undefined ? {} : { withAValue }) }
          : { outcome: 'refused', reason };
      return output;
    });
  });
}

/**
 * How a worker logs an LA's computed period: `24 indicators for 2021-22-Q3`, and when none has a value
 * (the period is outside the LA's data) `…, none with a value (the period is outside the LA's data)`.
 */
function computedText(c: LaComputeOutcome): string {
  return (
    `${c.indicators} indicators for ${c.period}` +
    (c.withAValue === 0 ? ", none with a value (the period is outside the LA's data)" : '')
  );
}

/** Errors whose messages are written for the operator and quote no record (a store that is busy or gone, …). */
const OPERATOR_ERRORS = [StoreBusyError, StoreUnavailableError, MigrationError, PeriodError, LaGroupsError];

/**
 * Why a job failed, as the worker log and the hub's run summary may say it: an operator-facing error's
 * message; any other error by its kind and frames only ({@link loggableError}), since its message can quote a
 * child's data (a chain outside the holiday table names the child, a database error quotes the value it
 * refused), and a hub's operator is not one of the LA's users.
 */
export function failureText(e: unknown): string {
  return isOperatorError(e) ? e.message : loggableError(e);
}

const isOperatorError = (e: unknown): e is Error => OPERATOR_ERRORS.some((k) => e instanceof k);

/**
 * The error a failed job throws, which pg-boss stores and `cspi hub import`/`compute` summarise, one short
 * line per LA (README "Running a hub"): an operator-facing error's message; any other error's kind, code
 * and first frame of cspi's own code ({@link briefError}) as its message, with its frames (never its message,
 * whatever CSPI_DEBUG the worker runs with: a hub's operator is not one of the LA's users) in `frames`, which
 * the summary shows only with CSPI_DEBUG=1 (`failureReason`). The whole frames made every failed LA's line
 * a dozen code frames long.
 */
export function jobFailure(e: unknown): Error & { readonly frames?: string } {
  if (isOperatorError(e)) return new Error(e.message);
  return Object.assign(new Error(briefError(e)), { frames: loggableError(e, false) });
}

/**
 * Runs a job's work; if it throws, logs the job as failed ({@link failureText}) and throws {@link jobFailure},
 * so pg-boss retries the job and stores no more than the log shows. A failed job logged
 * nothing before: `cspi worker --json` gave no line for it and the operator could not see which LA failed or
 * why.
 */
export async function logFailure<T>(
  log: WorkerLog,
  queue: string,
  job: { readonly id: string; readonly data: { readonly la: string } },
  t0: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const reason = failureText(e);
    log({
      queue,
      jobId: job.id,
      la: job.data.la,
      outcome: `failed: ${reason}`,
      seconds: (Date.now() - t0) / 1000,
    });
    throw jobFailure(e);
  }
}

/**
 * Reads and imports one LA's files, as they are: a hub import job never pseudonymises (inputs.md §7: it is
 * applied on import inside the LA, and the LA's secret is never sent to the hub). An LA sending pseudonymised
 * data imports it itself (`cspi import --pseudonymise --db <hub url>`); a job's raw files for such an LA
 * are then refused (S-PSEUDO-MIXED) rather than stored beside them. With `keep`, also returns the dataset the
 * import assembled (null when it handed none over). The staged records are not kept beyond the import, so a
 * job computing after it holds only the assembled dataset. The import's `data-upload` audit entry names
 * `actor` as who loaded it ({@link hubImportActor}), written in the import's transaction as `cspi import`
 * writes its own.
 */
async function importLa(
  db: Database,
  la: string,
  paths: readonly string[],
  keep: boolean,
  actor: string,
): Promise<{ result: ImportOutcome; assembled: LaDataset | null }> {
  let assembled: LaDataset | null = null;
  const ingest = await readInputs([...paths], { la, laGivenBy: "the LA folder's name" });
  const result = await importDataset(db, ingest, {
    la,
    record: recordImport(actor, la, ingest),
    onAssembled: keep ? (dataset) => (assembled = dataset) : undefined,
  });
  return { result, assembled };
}
