import PgBoss from 'pg-boss';

/** Queue names: imports and indicator computations are separate so each can be scaled and watched. */
export const QUEUES = { import: 'cspi-import', compute: 'cspi-compute' } as const;

/** Payload of a compute job: one LA, one period. */
export interface ComputeJob {
  readonly la: string;
  readonly period: string;
  /**
   * The OS user who queued the job (`cspi hub compute`): the job's `hub-compute-la` audit entry names them
   * as who computed the LA's figures ({@link hubComputeActor}). A job queued by an earlier cspi has none.
   */
  readonly queuedBy?: string;
}

/** Payload of an import job: one LA's files (paths every worker can read, e.g. a shared folder). */
export interface ImportJob {
  readonly la: string;
  readonly paths: readonly string[];
  /**
   * A period (e.g. `2021-22-Q4`) whose indicators the job computes and stores once the LA is imported, from
   * the dataset it has just assembled (`cspi hub import --compute`): what a compute job for the LA would
   * store, without loading the version again.
   */
  readonly computePeriod?: string;
  /**
   * The OS user who queued the job (`cspi hub import`): the job's `data-upload` audit entry names them as who
   * loaded the LA's dataset ({@link hubImportActor}). A job queued by an earlier cspi has none.
   */
  readonly queuedBy?: string;
}

/**
 * Who a hub import job's `data-upload` audit entry (and the dashboard's "Loaded by") names as having loaded
 * the LA's dataset: the hub import and the OS user who queued it, `hub import (jsmith)`, as a `cspi import`
 * is `command line (jsmith)`. The worker that ran it is machinery, not the person answerable for the data; a
 * job queued by an earlier cspi, which did not say who queued it, is `hub import (unknown)`.
 * @example hubImportActor('jsmith') //=> 'hub import (jsmith)'
 */
export function hubImportActor(queuedBy: string | undefined): string {
  return `hub import (${queuedBy?.trim() || 'unknown'})`;
}

/**
 * Who a hub compute job's `hub-compute-la` audit entry names as having computed the LA's figures: the hub
 * computation and the OS user who queued it, `hub compute (jsmith)`, as an import job's loader is
 * `hub import (jsmith)` ({@link hubImportActor}); a job queued by an earlier cspi is `hub compute (unknown)`.
 * @example hubComputeActor('jsmith') //=> 'hub compute (jsmith)'
 */
export function hubComputeActor(queuedBy: string | undefined): string {
  return `hub compute (${queuedBy?.trim() || 'unknown'})`;
}

/** What an import job leaves as its output: how the import ended (`refused` completes the job, unretried). */
export interface ImportJobOutput {
  readonly outcome: 'imported' | 'unchanged' | 'refused';
  /**
   * Why a refused import was refused: its first structural problem (`S-…` code and message, which name the
   * file and position, never a child), and how many more there are ({@link refusalReason}).
   */
  readonly reason?: string;
  /** With `computePeriod`: of the indicators computed, those with a value ({@link ComputeJobOutput}). */
  readonly withAValue?: number;
}

/**
 * What a compute job leaves as its output: how many indicators have a value for the period. None means the
 * period is outside the LA's data; `cspi hub compute` names such LAs (it said "done" for all).
 */
export interface ComputeJobOutput {
  readonly withAValue: number;
}

/**
 * The reason a hub import was refused, for the operator's summary: the first structural problem, code and
 * message, and how many more (`cspi import` on the LA's folder lists them all).
 * @example refusalReason([{ code: 'S-NO-INPUT', message: 'no input files found in /r/999.' }]) //=> 'S-NO-INPUT no input files found in /r/999.'
 */
export function refusalReason(issues: readonly { code: string; message: string }[]): string {
  const [first] = issues;
  if (!first) return 'refused by the store';
  const more = issues.length - 1;
  return `${first.code} ${first.message}${more > 0 ? ` (and ${more} more structural ${more === 1 ? 'problem' : 'problems'})` : ''}`;
}

/** Queue timing; tests shorten these so a killed worker's job is retried within seconds. */
export interface QueueTiming {
  /** A job active this long without completing is failed and retried (its worker is presumed dead). */
  readonly expireInSeconds: number;
  /** How often expired jobs are looked for. */
  readonly maintenanceIntervalSeconds: number;
  readonly retryLimit: number;
  readonly pollingIntervalSeconds: number;
}

/**
 * Default timing, overridable by environment for operators and tests: CSPI_JOB_EXPIRE_SECONDS (900),
 * CSPI_JOB_MAINTENANCE_SECONDS (30), CSPI_JOB_RETRY_LIMIT (3), CSPI_JOB_POLL_SECONDS (2).
 */
export function queueTiming(env: Readonly<Record<string, string | undefined>> = process.env): QueueTiming {
  const n = (name: string, fallback: number): number => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v >= 1 ? v : fallback;
  };
  return {
    expireInSeconds: n('CSPI_JOB_EXPIRE_SECONDS', 900),
    maintenanceIntervalSeconds: n('CSPI_JOB_MAINTENANCE_SECONDS', 30),
    retryLimit: n('CSPI_JOB_RETRY_LIMIT', 3),
    pollingIntervalSeconds: n('CSPI_JOB_POLL_SECONDS', 2),
  };
}

/**
 * Starts a pg-boss instance on the hub's PostgreSQL database (its tables live in the `pgboss` schema) and
 * makes sure both queues exist with the retry and expiry policy. `onError` hears the errors of its
 * background work (see {@link queueErrorReporter}).
 */
export async function openQueue(
  url: string,
  timing: QueueTiming = queueTiming(),
  onError: (e: unknown) => void = () => {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    maintenanceIntervalSeconds: timing.maintenanceIntervalSeconds,
    monitorStateIntervalSeconds: 60,
  });
  // Errors of the background work (fetching jobs, maintenance) are retried by pg-boss itself; they must not
  // crash a worker, but a worker reports them (`onError`): one whose database had gone kept running silently.
  boss.on('error', onError);
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    const policy = {
      name,
      retryLimit: timing.retryLimit,
      retryDelay: 1,
      expireInSeconds: timing.expireInSeconds,
    };
    await boss.createQueue(name, policy);
    // createQueue keeps an existing queue's options: apply the current policy.
    await boss.updateQueue(name, policy);
  }
  return boss;
}

/** Send options for a job under the given timing (explicit, so a job never depends on queue defaults). */
export function jobOptions(timing: QueueTiming): PgBoss.SendOptions {
  return { retryLimit: timing.retryLimit, retryDelay: 1, expireInSeconds: timing.expireInSeconds };
}

/**
 * How a worker reports the queue's background errors (its database gone or restarting, a lost connection):
 * one line per distinct message at most once per `intervalMs`, the message only (never a job's data). pg-boss
 * keeps trying, so the worker carries on and takes jobs again once the database is back.
 * @example queueErrorReporter((l) => console.error(l))(new Error('database "hub" does not exist'))
 */
export function queueErrorReporter(
  write: (line: string) => void,
  intervalMs = 60_000,
  now: () => number = Date.now,
): (e: unknown) => void {
  const last = new Map<string, number>();
  return (e) => {
    const m = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : e;
    const message = typeof m === 'string' && m !== '' ? m : String(m);
    const at = now();
    const before = last.get(message);
    if (before !== undefined && at - before < intervalMs) return;
    last.set(message, at);
    write(`the hub database failed: ${message} (still trying; jobs are taken again once it is back)`);
  };
}
