import type PgBoss from 'pg-boss';
import type { Database } from '../store/database.js';
import { importPriority, type LaFolder } from './la-folders.js';
import {
  type ComputeJob,
  type ComputeJobOutput,
  type ImportJob,
  type ImportJobOutput,
  type QueueTiming,
  QUEUES,
  jobOptions,
} from './queue.js';

/** An LA holding a current dataset version, and how many records that version has. */
export interface LaWithDataset {
  readonly la: string;
  readonly records: number;
}

/** LAs holding a current dataset version, in code order, each with its current version's record count. */
export async function lasWithDatasets(db: Database): Promise<LaWithDataset[]> {
  const rows = await db.all<{ la: string; row_counts_json: string }>(
    `SELECT v.la, v.row_counts_json FROM dataset_versions v
      WHERE v.seq = (SELECT max(w.seq) FROM dataset_versions w WHERE w.la = v.la) ORDER BY v.la`,
  );
  return rows.map((r) => ({ la: r.la, records: recordCount(r.row_counts_json) }));
}

/**
 * LAs whose current dataset version already has a stored result for every indicator of `period` (a
 * `hub compute` job, or an import job's `--compute`, finished for it): a rerun of `cspi hub compute` skips
 * them, so a run stopped part-way resumes where it stopped. An LA imported since is not among them.
 */
export async function lasComputed(db: Database, period: string, indicators: number): Promise<Set<string>> {
  const rows = await db.all<{ la: string }>(
    `SELECT r.la FROM indicator_results r
       JOIN dataset_versions v ON v.id = r.dataset_id
      WHERE r.period = ? AND v.seq = (SELECT max(w.seq) FROM dataset_versions w WHERE w.la = v.la)
      GROUP BY r.la HAVING count(DISTINCT r.indicator_id) >= ?`,
    [period, indicators],
  );
  return new Set(rows.map((r) => r.la));
}

/** The records of a version by its stored row counts (`{ tables: { episodes: 696, … }, … }`); 0 if unreadable. */
function recordCount(rowCountsJson: string): number {
  try {
    const tables = (JSON.parse(rowCountsJson) as { tables?: Record<string, unknown> }).tables ?? {};
    return Object.values(tables).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
  } catch {
    return 0;
  }
}

/**
 * The queue priority of an LA's computation: its records in thousands, so workers take the largest LAs
 * first (as imports do, {@link importPriority}) and a run does not end on one large LA computed alone.
 * @example computePriority(1_234_567) //=> 1234
 */
export function computePriority(records: number): number {
  return Math.min(2 ** 31 - 1, Math.max(0, Math.floor(records / 1000)));
}

/**
 * "Compute period P for all LAs": one compute job per LA, the largest first ({@link computePriority}).
 * Returns the job ids by LA; each job is retried on another worker if its worker dies (see worker.ts). With
 * `queuedBy` (the OS user running `cspi hub compute`), each job's audit entry names who queued it.
 */
export async function fanOutCompute(
  boss: PgBoss,
  las: readonly LaWithDataset[],
  period: string,
  timing: QueueTiming,
  options: { readonly queuedBy?: string } = {},
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { la, records } of las) {
    const job: ComputeJob = {
      la,
      period,
      ...(options.queuedBy === undefined ? {} : { queuedBy: options.queuedBy }),
    };
    const id = await boss.send(QUEUES.compute, job, {
      ...jobOptions(timing),
      priority: computePriority(records),
    });
    if (id) ids.set(la, id);
  }
  return ids;
}

/**
 * One import job per LA folder; the largest folders are taken first ({@link importPriority}). With
 * `computePeriod`, each job then computes that period's indicators for its LA (see {@link ImportJob}); with
 * `queuedBy` (the OS user running `cspi hub import`), each job's audit entry names who queued it.
 */
export async function fanOutImport(
  boss: PgBoss,
  folders: readonly LaFolder[],
  timing: QueueTiming,
  options: { readonly computePeriod?: string; readonly queuedBy?: string } = {},
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const f of folders) {
    const job: ImportJob = {
      la: f.la,
      paths: f.paths,
      ...(options.computePeriod === undefined ? {} : { computePeriod: options.computePeriod }),
      ...(options.queuedBy === undefined ? {} : { queuedBy: options.queuedBy }),
    };
    const id = await boss.send(QUEUES.import, job, {
      ...jobOptions(timing),
      priority: importPriority(f.bytes),
    });
    if (id) ids.set(f.la, id);
  }
  return ids;
}

/**
 * An LA whose job did not load or compute it, and why, as the hub operator is told: an import the store
 * refused (its files' fault: the first structural problem), a job that failed for good (its error), or a
 * computation with no value for any indicator (the period is outside the LA's data; not a failure).
 */
export interface JobProblem {
  readonly la: string;
  readonly outcome: 'refused' | 'failed' | 'no value';
  readonly reason: string;
}

/** Counts of a set of jobs by state. */
export interface JobProgress {
  readonly total: number;
  readonly completed: number;
  readonly failed: number;
  readonly active: number;
  /** Jobs that have been retried at least once (e.g. after a worker died). */
  readonly retried: number;
  /**
   * Of the completed jobs, imports the store refused (their data's fault: not retried). Counted done before,
   * so `cspi hub import` said every LA was imported while a refused LA had no data on the hub.
   */
  readonly refused: number;
  /**
   * The LAs refused or failed, in LA order, with the reason: the summary named neither the LA nor why
   * ("the worker log names the LAs"), and the worker logged no line for a failed job.
   */
  readonly problems: readonly JobProblem[];
}

const NO_VALUE = "no indicator has a value for the period (it is outside the LA's data)";

/** True when a completed import job's output says its import was refused ({@link ImportJobOutput}). */
function wasRefused(output: unknown): boolean {
  return (output as Partial<ImportJobOutput> | null | undefined)?.outcome === 'refused';
}

/**
 * Why a job failed, from the output pg-boss stored, in one short line: the thrown error's message
 * (`{ message, stack, … }`: an operator-facing message, or an unexpected error's kind and first cspi frame,
 * `jobFailure` in worker.ts), or pg-boss's own reason (`{ value: "…" }`, `{ value: { message: "…" } }`), its
 * words for a job that outlived its expiry on every try put in the operator's terms (the setting to raise).
 * Never the stack; an unexpected error's frames (`frames`, never its message) only with CSPI_DEBUG=1.
 * @example failureReason({ name: 'Error', message: 'deadlock detected', stack: '…' }) //=> 'deadlock detected'
 */
export function failureReason(output: unknown, debug = process.env['CSPI_DEBUG'] === '1'): string {
  const frames = (output as { frames?: unknown } | null | undefined)?.frames;
  if (debug && typeof frames === 'string' && frames.trim() !== '') return frames.trim();
  const text = (v: unknown): string | null => {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'object' && v !== null) {
      const o = v as { message?: unknown; value?: unknown };
      return text(o.message) ?? text(o.value);
    }
    return null;
  };
  const reason = text(output);
  if (reason === null) return 'the job failed (no reason recorded)';
  // pg-boss's own words for a job that outlived its expiry, in the operator's terms.
  const ms = /^handler execution exceeded (\d+)ms$/.exec(reason);
  if (ms) return `it ran longer than CSPI_JOB_EXPIRE_SECONDS (${Number(ms[1]) / 1000} s) on every try`;
  if (reason === 'job failed by timeout in active state')
    return 'its worker stopped (killed, or lost its database) and no result came within CSPI_JOB_EXPIRE_SECONDS on every try';
  // A worker before `jobFailure` stored every frame ("X at a | at b | … (message withheld …)"): the first.
  const legacy = /^(\S+(?: \(code [^)]*\))? at [^|]*?) \| at /.exec(reason);
  return legacy && !debug ? legacy[1]! : reason;
}

/** Reads the states of a set of jobs (job ids by LA). */
export async function jobProgress(
  boss: PgBoss,
  queue: string,
  jobs: ReadonlyMap<string, string>,
): Promise<JobProgress> {
  let total = 0;
  let completed = 0;
  let failed = 0;
  let active = 0;
  let retried = 0;
  let refused = 0;
  const problems: JobProblem[] = [];
  for (const [la, id] of [...jobs].sort(([a], [b]) => a.localeCompare(b))) {
    total++;
    const job = await boss.getJobById(queue, id);
    if (!job) continue;
    if (job.state === 'completed') {
      completed++;
      if (wasRefused(job.output)) {
        refused++;
        const reason = (job.output as Partial<ImportJobOutput>).reason;
        problems.push({ la, outcome: 'refused', reason: reason ?? 'refused by the store' });
      } else if ((job.output as Partial<ComputeJobOutput> | null)?.withAValue === 0)
        problems.push({ la, outcome: 'no value', reason: NO_VALUE });
    } else if (job.state === 'failed' || job.state === 'cancelled') {
      failed++;
      problems.push({
        la,
        outcome: 'failed',
        reason: job.state === 'cancelled' ? 'the job was cancelled' : failureReason(job.output),
      });
    } else if (job.state === 'active') active++;
    if (job.retryCount > 0) retried++;
  }
  return { total, completed, failed, active, retried, refused, problems };
}

/**
 * Waits until every job has completed or failed for good, reporting progress; resolves with the final
 * counts. `timeoutMs` bounds the wait.
 */
export async function waitForJobs(
  boss: PgBoss,
  queue: string,
  ids: ReadonlyMap<string, string>,
  onProgress: (p: JobProgress) => void,
  timeoutMs: number,
  pollMs = 1000,
): Promise<JobProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await jobProgress(boss, queue, ids);
    onProgress(p);
    if (p.completed + p.failed >= p.total || Date.now() > deadline) return p;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
