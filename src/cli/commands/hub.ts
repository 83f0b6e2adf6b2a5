import type { Command } from 'commander';
import { parsePeriod } from '../../calendar/period.js';
import {
  fanOutCompute,
  fanOutImport,
  lasComputed,
  lasWithDatasets,
  waitForJobs,
  type JobProgress,
} from '../../hub/fan-out.js';
import { laFolders, notLaFolders } from '../../hub/la-folders.js';
import { INDICATORS } from '../../indicators/registry.js';
import { hubBenchmarksForOperator } from '../../hub/hub-benchmarks.js';
import { earlierVersionsNote } from '../../hub/indicator-results.js';
import { enableLaIsolation, hubIsSetUp, notAHub } from '../../hub/la-isolation.js';
import { type LaGroups, LaGroupsError, loadLaGroups } from '../../hub/la-groups.js';
import { benchmarkLines } from '../../hub/benchmarks-text.js';
import { QUEUES, openQueue, queueTiming } from '../../hub/queue.js';
import type { Database } from '../../store/database.js';
import { isPostgresUrl, openDatabase, resolveDatabaseUrl } from '../../store/open.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import { fileProblem } from '../main.js';
import { laCode } from '../../ingest/la-code.js';
import { MIN_OTHER_LAS } from '../../hub/aggregate-sharing.js';
import { MIN_OTHER_LAS_RANGE, hubSettings, setMinOtherLas } from '../../hub/hub-settings.js';
import { commandLineActor, osUserName } from '../os-user.js';
import { type AuditEntry, appendAudit } from '../../web/audit/audit-log.js';

interface HubOptions {
  db?: string;
  json?: boolean;
}

/**
 * Opens the hub database. With `initialised`, refuses (exit 2) a database `cspi hub init` has not set up:
 * jobs would load LAs there with no isolation between them ({@link hubIsSetUp}).
 */
async function openHub(opts: HubOptions, initialised = false): Promise<{ url: string; db: Database }> {
  const url = resolveDatabaseUrl(opts.db);
  if (!isPostgresUrl(url)) {
    throw new UserError(
      'hub commands need the hub PostgreSQL database: pass --db postgres://… or set DATABASE_URL',
    );
  }
  const db = await openDatabase(url);
  if (initialised && !(await hubIsSetUp(db))) {
    const location = db.location;
    await db.close();
    throw new UserError(notAHub(location));
  }
  return { url, db };
}

/** LA folders under a synth-style root: `ROOT/<LA code>/…` (a folder named by a 3-digit DfE code). */
/**
 * `cspi hub …`: a regional or national hub on PostgreSQL. `init` sets up LA isolation; `import` and
 * `compute` put one job per LA on the queue for `cspi worker` processes and wait for them (resumable:
 * a job whose worker dies is retried by another); `benchmarks` prints the between-LA comparisons;
 * `settings` shows and sets how aggregates across LAs are shared.
 */
export function register(program: Command): void {
  const hub = program
    .command('hub')
    .description('regional/national hub on PostgreSQL: many LAs, workers, benchmarks');

  hub
    .command('init')
    .description('prepare the hub database: schema and row-level isolation between LAs')
    .option('--db <url>', 'hub database (postgres://…; default DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .action(async (opts: HubOptions) => {
      const { db } = await openHub(opts);
      try {
        await enableLaIsolation(db);
        // Audited as every other cspi command that changes the hub: who set it up (or set it up again).
        await appendAudit(db, {
          actor: commandLineActor(),
          ip: null,
          action: 'hub-init',
          la: null,
          detail: { laIsolation: true },
        });
        const out = createOutput(Boolean(opts.json));
        out.info(`hub ready on ${db.location}: schema migrated, LA isolation enabled`);
        out.result({ database: db.location, laIsolation: true });
      } finally {
        await db.close();
      }
    });

  hub
    .command('import')
    .description('queue one import per LA folder (ROOT/<LA code>/…) and wait for the workers')
    .argument('<root>', 'folder holding one sub-folder per LA, named by its DfE code')
    .option(
      '--compute <period>',
      'then compute every indicator of this period (e.g. 2021-22-Q3) for each LA, in its import job',
    )
    .option('--db <url>', 'hub database (postgres://…; default DATABASE_URL)')
    .option('--no-wait', 'queue the jobs and return')
    .option('--timeout <minutes>', 'give up waiting after this long', '60')
    .option('--json', 'machine-readable output')
    .action(async (root: string, opts: HubOptions & { compute?: string; wait: boolean; timeout: string }) => {
      const out = createOutput(Boolean(opts.json));
      // Checked here, so a mistyped period is reported before any job is queued.
      const period = opts.compute === undefined ? undefined : parsePeriod(opts.compute).id;
      const folders = laFolders(root);
      const leftOut = notLaFolders(root);
      if (folders.length === 0)
        throw new UserError(
          `${root} holds no LA folders (named by a 3-digit DfE code)` +
            (leftOut.length > 0 ? `; its folders ${leftOut.join(', ')} are not` : ''),
        );
      if (leftOut.length > 0) out.info(leftOutLine(leftOut));
      await runJobs(
        opts,
        QUEUES.import,
        folders.length,
        'LAs imported',
        (boss, timing) =>
          fanOutImport(boss, folders, timing, { computePeriod: period, queuedBy: osUserName() }),
        // Each import is recorded by its job (`hub import (user)`); the computation asked for with it is
        // recorded here, as `cspi hub compute` records its own.
        period === undefined
          ? undefined
          : (queued) => ({
              actor: commandLineActor(),
              ip: null,
              action: 'hub-compute',
              la: null,
              detail: { period, queued, skipped: 0, force: false, withImport: true },
            }),
      ).then((p) => out.result(leftOut.length > 0 ? { ...(p as object), leftOut } : p));
    });

  hub
    .command('compute')
    .description('compute every indicator of a period for all LAs, one job per LA, and wait for the workers')
    .requiredOption('--period <id>', 'period, e.g. 2021-22-Q3')
    .option('--db <url>', 'hub database (postgres://…; default DATABASE_URL)')
    .option('--no-wait', 'queue the jobs and return')
    .option('--timeout <minutes>', 'give up waiting after this long', '60')
    .option('--force', 'recompute LAs already computed for the period on their current dataset')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: HubOptions & { period: string; wait: boolean; timeout: string; force?: boolean }) => {
        const period = parsePeriod(opts.period);
        const out = createOutput(Boolean(opts.json));
        const { db } = await openHub(opts, true);
        const [las, done] = await Promise.all([
          lasWithDatasets(db),
          opts.force ? new Set<string>() : lasComputed(db, period.id, INDICATORS.length),
        ]).finally(() => db.close());
        if (las.length === 0) throw new UserError('no LA has a dataset yet: run cspi hub import first');
        const todo = las.filter((l) => !done.has(l.la));
        const skipped = las.length - todo.length;
        if (skipped > 0)
          out.info(
            `${skipped} of ${las.length} LAs already computed for ${period.id} on their current dataset: ` +
              'not queued again (--force recomputes them)',
          );
        if (todo.length === 0) {
          out.result({ total: 0, skipped });
          return;
        }
        await runJobs(
          opts,
          QUEUES.compute,
          todo.length,
          'LAs computed',
          (boss, timing) => fanOutCompute(boss, todo, period.id, timing, { queuedBy: osUserName() }),
          (queued) => ({
            actor: commandLineActor(),
            ip: null,
            action: 'hub-compute',
            la: null,
            detail: { period: period.id, queued, skipped, force: Boolean(opts.force) },
          }),
        ).then((p) => out.result({ ...(p as object), skipped }));
      },
    );

  hub
    .command('benchmarks')
    .description('between-LA benchmarks for a period: means, quartiles, LA ranks')
    .requiredOption('--period <id>', 'period, e.g. 2021-22-Q3')
    .option(
      '--la <code>',
      'show this LA’s position; its statistical-neighbour group without it, as its dashboard shows',
      laCode,
    )
    .option('--groups <file>', 'groups file: { "statistical-neighbours": ["805", …] }')
    .option('--db <url>', 'hub database (postgres://…; default DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .action(async (opts: HubOptions & { period: string; la?: string; groups?: string }) => {
      const period = parsePeriod(opts.period);
      const groups = groupsOption(opts.groups);
      const { db } = await openHub(opts);
      try {
        const { benchmarks, earlierVersions, las, lasWithAValue } = await hubBenchmarksForOperator(
          db,
          period.id,
          groups,
          opts.la,
        );
        const refusal = benchmarksRefusal(period.id, las, opts.la, lasWithAValue);
        if (refusal !== null) throw new UserError(refusal);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ period: period.id, benchmarks, earlierVersions }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(`Benchmarks between LAs, ${period.id}\n`);
        // Figures of an LA imported since they were computed are still used; the operator is told which.
        if (earlierVersions.las.length > 0) {
          const note = earlierVersionsNote({
            las: earlierVersions.las.length,
            of: earlierVersions.of,
            period: period.id,
          });
          process.stdout.write(`${note}: ${earlierVersions.las.join(', ')}\n`);
        }
        for (const b of benchmarks) process.stdout.write(`${benchmarkLines(b, opts.la).join('\n')}\n`);
      } finally {
        await db.close();
      }
    });

  registerSettings(hub);
}

/**
 * Why `cspi hub benchmarks` has nothing to show, or null: no LA has figures for the period (never computed, or
 * a mistyped period), the LAs computed have no value for any indicator (the period is outside their data), or
 * `--la` names an LA without figures. It printed a table of dashes (or no position) and exited 0, as if the
 * hub held the period.
 * @example benchmarksRefusal('2019-20-Q3', []) //=> 'no LA has figures for 2019-20-Q3 on this hub: compute them with cspi hub compute --period 2019-20-Q3'
 */
export function benchmarksRefusal(
  period: string,
  las: readonly string[],
  la?: string,
  lasWithAValue: readonly string[] = las,
): string | null {
  const compute = `cspi hub compute --period ${period}`;
  if (las.length === 0) return `no LA has figures for ${period} on this hub: compute them with ${compute}`;
  if (lasWithAValue.length === 0)
    return `no LA has a value for ${period} (${las.length} computed, every indicator not available): the period is outside the data imported`;
  if (la !== undefined && !las.includes(la))
    return `--la ${la}: LA ${la} has no figures for ${period} on this hub (${las.length} ${las.length === 1 ? 'LA has' : 'LAs have'}); if it has been imported, run ${compute}`;
  return null;
}

/** The comparator groups of `--groups FILE`; a file that is not a groups document is refused, saying why. */
function groupsOption(file: string | undefined): LaGroups {
  try {
    return loadLaGroups(file);
  } catch (e) {
    if (e instanceof LaGroupsError) throw new UserError(`--groups ${file}: ${e.message}`);
    // A folder or an unreadable file: Node's error for reading a folder names no path, so it is named here.
    const code = (e as { code?: unknown }).code;
    const problem = typeof code === 'string' ? fileProblem({ code, path: file }) : undefined;
    if (problem !== undefined) throw new UserError(`--groups ${problem}`);
    throw e;
  }
}

/**
 * `cspi hub settings`: prints the hub's settings, and with `--min-other-las N` sets the sharing rule (the
 * fewest other LAs a mean or quartile shown to an LA may be made of; report and dashboard), audited.
 */
function registerSettings(hub: Command): void {
  hub
    .command('settings')
    .description('show the hub’s settings; --min-other-las sets how aggregates across LAs are shared')
    .option(
      '--min-other-las <n>',
      `the fewest other LAs a mean or quartile shown to an LA may be made of (${MIN_OTHER_LAS_RANGE.low}–${MIN_OTHER_LAS_RANGE.high}; default ${MIN_OTHER_LAS})`,
    )
    .option(
      '--by <name>',
      'who the change is made for, if not the OS user running the command (the audit log records both)',
    )
    .option('--db <url>', 'hub database (postgres://…; default DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .action(async (opts: HubOptions & { minOtherLas?: string; by?: string }) => {
      const { db } = await openHub(opts);
      try {
        if (opts.minOtherLas !== undefined) {
          const n = /^\d+$/.test(opts.minOtherLas.trim()) ? Number(opts.minOtherLas) : NaN;
          const by = opts.by?.trim() || osUserName();
          await setMinOtherLas(db, n, by, new Date(), commandLineActor()).catch((e: unknown) => {
            if (e instanceof RangeError)
              throw new UserError(`--min-other-las ${opts.minOtherLas}: ${e.message}`);
            throw e;
          });
        }
        const settings = await hubSettings(db);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(settings)}\n`);
          return;
        }
        const n = settings.minOtherLas;
        process.stdout.write(
          `Aggregates across LAs (means, quartiles) are shown to an LA only when made of at least ${n} other LA${n === 1 ? '' : 's'}` +
            (n < MIN_OTHER_LAS
              ? ` (warning: from a mean of ${n === 1 ? 'one other LA, that LA' : 'two other LAs and its own figure, each'}'s figure can be worked out)`
              : '') +
            '.\n',
        );
      } finally {
        await db.close();
      }
    });
}

/**
 * The line `cspi hub import` says about the folders of its root it leaves out (not LA folders).
 * @example leftOutLine(['Kent']) //=> 'left out 1 folder not named by a 3-digit DfE code: Kent'
 */
export function leftOutLine(names: readonly string[]): string {
  return `left out ${names.length} ${names.length === 1 ? 'folder' : 'folders'} not named by a 3-digit DfE code: ${names.join(', ')}`;
}

const START_WORKERS = 'start workers with: cspi worker --db <hub url>';

/** How long a queue may wait with no job taken before the hub says no worker seems to be running. */
const IDLE_QUEUE_MS = 15_000;

/**
 * The hint shown while no worker has taken any job of this run for {@link IDLE_QUEUE_MS} (none running, or
 * all busy elsewhere); null once one has, or before then.
 * @example idleQueueHint({ total: 3, completed: 0, failed: 0, active: 0, retried: 0, refused: 0 }, 20_000) //=> 'no worker has taken a job yet; start workers with: …'
 */
export function idleQueueHint(q: JobProgress, waitedMs: number): string | null {
  if (waitedMs < IDLE_QUEUE_MS || q.completed + q.failed + q.active > 0) return null;
  return `no worker has taken a job yet; ${START_WORKERS}`;
}

const jobs = (n: number): string => `${n} ${n === 1 ? 'job' : 'jobs'}`;

/** The jobs of a run neither completed nor failed: still queued or running. */
const pendingJobs = (p: JobProgress): number => p.total - p.completed - p.failed;

/**
 * The `--json` result of a wait for the hub's jobs: the counts, and `timedOut` (the wait gave up) with
 * `pending` (jobs still queued or running, left on the queue), as {@link jobsSummary} says in the terminal.
 * Without them a script saw `completed` below `total` and could not tell a timeout from a bug.
 * @example jobsResult({ total: 3, completed: 1, failed: 0, active: 1, retried: 0, refused: 0, problems: [] }).timedOut //=> true
 */
export function jobsResult(p: JobProgress): JobProgress & { timedOut: boolean; pending: number } {
  const pending = pendingJobs(p);
  return { ...p, timedOut: pending > 0, pending };
}

/**
 * What ends a wait for the hub's jobs, and the exit code: 1 when a job failed, an import was refused, or the
 * wait gave up with jobs still queued or running (they stay on the queue for the workers). The line counts;
 * below it, one line per LA refused or failed, naming the LA and why (README "Running a hub"), and per LA
 * computed with no value for any indicator (the period is outside its data: said, but not a failure).
 * @example jobsSummary({ total: 3, completed: 1, failed: 0, active: 1, retried: 0, refused: 0, problems: [] }, 60).exitCode //=> 1
 */
export function jobsSummary(p: JobProgress, minutes: number): { line: string; exitCode: 0 | 1 } {
  const waiting = pendingJobs(p);
  const line =
    `${p.completed - p.refused} of ${p.total} done, ${p.failed} failed, ${p.retried} retried after a failure` +
    (p.refused > 0
      ? `, ${p.refused} ${p.refused === 1 ? 'import' : 'imports'} refused (their files' fault: cspi import on the LA's folder lists every problem)`
      : '') +
    (waiting > 0
      ? `; stopped waiting after ${minutes} min with ${waiting} still queued or running (they stay on the queue for the workers; ${START_WORKERS})`
      : '');
  const perLa = p.problems.map((x) =>
    x.outcome === 'no value' ? `  LA ${x.la}: ${x.reason}` : `  LA ${x.la} ${x.outcome}: ${x.reason}`,
  );
  return {
    line: [line, ...perLa].join('\n'),
    exitCode: p.failed > 0 || p.refused > 0 || waiting > 0 ? 1 : 0,
  };
}

async function runJobs(
  opts: HubOptions & { wait: boolean; timeout: string },
  queue: string,
  total: number,
  label: string,
  send: (
    boss: Awaited<ReturnType<typeof openQueue>>,
    timing: ReturnType<typeof queueTiming>,
  ) => Promise<Map<string, string>>,
  audit?: (queued: number) => Omit<AuditEntry, 'id' | 'at'>,
): Promise<unknown> {
  const minutes = Number(opts.timeout);
  if (!(minutes > 0))
    throw new UserError(`--timeout must be a number of minutes above 0 (got "${opts.timeout}")`);
  const { url, db } = await openHub(opts, true);
  await db.close();
  const timing = queueTiming();
  const boss = await openQueue(url, timing);
  const out = createOutput(Boolean(opts.json));
  try {
    const ids = await send(boss, timing);
    // The run is audited once its jobs are queued (before any wait: the workers make the change whether or
    // not this command waits for them).
    if (audit) {
      const { db: log } = await openHub(opts);
      await appendAudit(log, audit(ids.size)).finally(() => log.close());
    }
    if (!opts.wait) {
      out.info(`queued ${jobs(ids.size)} on ${queue}; running workers take them (${START_WORKERS})`);
      return { queued: ids.size };
    }
    out.info(`queued ${jobs(ids.size)} on ${queue}`);
    const bar = out.progress(label, total, 'LAs');
    const started = Date.now();
    let hinted = false;
    // Stopped whatever happens: a bar left running keeps the process alive (its redraw timer) after an error.
    const p = await waitForJobs(
      boss,
      queue,
      ids,
      (q) => {
        const hint = idleQueueHint(q, Date.now() - started);
        bar.update(q.completed, hint ?? (q.failed ? `(${q.failed} failed)` : ''));
        if (hint !== null && !hinted && !process.stderr.isTTY) out.info(hint);
        hinted ||= hint !== null;
      },
      minutes * 60_000,
    ).finally(() => bar.stop());
    const summary = jobsSummary(p, minutes);
    out.info(summary.line);
    if (summary.exitCode !== 0) process.exitCode = summary.exitCode;
    return jobsResult(p);
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 5000 });
  }
}
