import type PgBoss from 'pg-boss';
import type { Database } from '../store/database.js';
import { importPriority, type LaFolder } from './la-folders.js';
import { type ComputeJob, type ImportJob, type QueueTiming, QUEUES, jobOptions } from './queue.js';

/** LAs holding a current dataset version, in code order. */
export async function lasWithDatasets(db: Database): Promise<string[]> {
  const rows = await db.all<{ la: string }>('SELECT DISTINCT la FROM dataset_versions ORDER BY la');
  return rows.map((r) => r.la);
}

/**
 * "Compute period P for all LAs": one compute job per LA. Returns the job ids by LA; each job is retried
 * on another worker if its worker dies (see worker.ts).
 */
export async function fanOutCompute(
  boss: PgBoss,
  las: readonly string[],
  period: string,
  timing: QueueTiming,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const la of las) {
    const job: ComputeJob = { la, period };
    const id = await boss.send(QUEUES.compute, job, jobOptions(timing));
    if (id) ids.set(la, id);
  }
  return ids;
}

/** One import job per LA folder; the largest folders are taken first ({@link importPriority}). */
export async function fanOutImport(
  boss: PgBoss,
  folders: readonly LaFolder[],
  timing: QueueTiming,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const f of folders) {
    const job: ImportJob = { la: f.la, paths: f.paths };
    const id = await boss.send(QUEUES.import, job, {
      ...jobOptions(timing),
      priority: importPriority(f.bytes),
    });
    if (id) ids.set(f.la, id);
  }
  return ids;
}

/** Counts of a set of jobs by state. */
export interface JobProgress {
  readonly total: number;
  readonly completed: number;
  readonly failed: number;
  readonly active: number;
  /** Jobs that have been retried at least once (e.g. after a worker died). */
  readonly retried: number;
}

/** Reads the states of a set of jobs. */
export async function jobProgress(boss: PgBoss, queue: string, ids: Iterable<string>): Promise<JobProgress> {
  let total = 0;
  let completed = 0;
  let failed = 0;
  let active = 0;
  let retried = 0;
  for (const id of ids) {
    total++;
    const job = await boss.getJobById(queue, id);
    if (!job) continue;
    if (job.state === 'completed') completed++;
    else if (job.state === 'failed' || job.state === 'cancelled') failed++;
    else if (job.state === 'active') active++;
    if (job.retryCount > 0) retried++;
  }
  return { total, completed, failed, active, retried };
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
    const p = await jobProgress(boss, queue, ids.values());
    onProgress(p);
    if (p.completed + p.failed >= p.total || Date.now() > deadline) return p;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
