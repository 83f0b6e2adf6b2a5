/**
 * `npm run bench -- hub`: a hub on PostgreSQL, end to end: N synthetic LAs × 5 years imported by two
 * `cspi worker` processes, each import job then computing every indicator for 2021-22-Q4 for its LA
 * (`cspi hub import --compute`); then the computation alone (a compute job per LA) with two workers and
 * with one (the speed-up). N = 6 by default (CSPI_BENCH_HUB_LAS), 153 with CSPI_BENCH_NATIONAL=1 (issue 7:
 * import and computation in under 10 minutes with two workers). Needs a PostgreSQL server: CSPI_BENCH_PG_URL
 * or CSPI_TEST_PG_URL (`eval "$(scripts/pg-test-cluster.sh start)"`); a scratch database is made and dropped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { enableLaIsolation } from '../src/hub/la-isolation.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { heading, print, timed } from './measure.js';
import type { Database } from '../src/store/database.js';
import { openDatabase } from '../src/store/open.js';
import { fanOutCompute, fanOutImport, lasWithDatasets, waitForJobs } from '../src/hub/fan-out.js';
import { laFolders } from '../src/hub/la-folders.js';
import { QUEUES, openQueue, queueTiming } from '../src/hub/queue.js';
import { benchWebOnStore } from './web.js';

const CLI = fileURLToPath(new URL('../bin/cspi.js', import.meta.url));

export async function benchHub(): Promise<void> {
  const base = process.env['CSPI_BENCH_PG_URL'] ?? process.env['CSPI_TEST_PG_URL'];
  const national = process.env['CSPI_BENCH_NATIONAL'] === '1';
  const n = national ? 153 : Number(process.env['CSPI_BENCH_HUB_LAS'] ?? 6);
  heading(
    `hub: ${n} synthetic LAs × 5 years on PostgreSQL, 2 workers (goal for 153: import + compute < 10 min)`,
  );
  if (!base) {
    console.log('  skipped: set CSPI_TEST_PG_URL (eval "$(scripts/pg-test-cluster.sh start)")');
    return;
  }
  const name = `cspi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dir = mkdtempSync(join(tmpdir(), 'cspi-hub-bench-'));
  const workers: ChildProcess[] = [];
  const timing = queueTiming();
  // Seconds the import jobs spent computing (their `computeSeconds`), read from the workers' JSON log lines.
  let computeInImports = 0;
  const startWorker = (): ChildProcess => {
    // As the `cspi` command starts Node (bin/cspi.js: a larger young generation).
    const w = spawn(process.execPath, ['--max-semi-space-size=64', CLI, 'worker', '--db', url, '--json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    createInterface({ input: w.stdout! }).on('line', (line) => {
      try {
        const e = JSON.parse(line) as { computeSeconds?: number };
        computeInImports += e.computeSeconds ?? 0;
      } catch {
        // not a job line
      }
    });
    workers.push(w);
    return w;
  };
  try {
    const [, synthSecs] = await timed(() =>
      spawnSync(
        process.execPath,
        [CLI, 'synth', '--out', dir, '--las', String(n), '--years', '5', '--seed', '1'],
        {
          stdio: 'ignore',
        },
      ),
    );
    print({ name: `synthetic data for ${n} LAs (not counted below)`, value: synthSecs, unit: 's' });
    const db = await openDatabase(url);
    await enableLaIsolation(db); // as `cspi hub init`: workers refuse a database without it
    const boss = await openQueue(url, timing);
    try {
      startWorker();
      const w2 = startWorker();
      const folders = laFolders(dir);
      // PostgreSQL's autovacuum works through the freshly loaded record tables on the same two cores; how
      // much of it ran during each phase helps read the figures from run to run.
      let vacuums = await autovacuumRuns(db);
      const vacuumsSince = async (): Promise<void> => {
        const now = await autovacuumRuns(db);
        print({ name: '  autovacuum and autoanalyze runs during it', value: now - vacuums, unit: 'runs' });
        vacuums = now;
      };
      // End to end as a hub runs a new quarter: `cspi hub import ROOT --compute 2021-22-Q4`, each import job
      // computing its LA's figures from the dataset it has just assembled.
      const [imported, importSecs] = await timed(async () =>
        waitForJobs(
          boss,
          QUEUES.import,
          await fanOutImport(boss, folders, timing, { computePeriod: '2021-22-Q4' }),
          () => {},
          3_600_000,
        ),
      );
      print({
        name: `import + compute 2021-22-Q4 in the import jobs, 2 workers (${imported.completed}/${imported.total} LAs)`,
        value: importSecs,
        unit: 's',
        goal: n === 153 ? '< 600 s' : undefined,
      });
      print({
        name: '  of which computing, summed over the jobs (worker-seconds)',
        value: computeInImports,
        unit: 's',
      });
      print({
        name: '  import alone, estimated (end to end − computing ÷ 2 workers)',
        value: importSecs - computeInImports / 2,
        unit: 's',
        goal: n === 153 ? '< 600 s' : undefined,
      });
      await vacuumsSince();
      const loaded = await lasWithDatasets(db);
      // Settle the database first (what autovacuum would do over the next minutes), so that computing alone
      // with 2 workers and then 1 is measured on the same footing: the speed-up is the workers', not
      // autovacuum's share of the cores in one phase and not the other.
      const [, settleSecs] = await timed(() => db.exec('VACUUM (ANALYZE)'));
      print({ name: 'VACUUM (ANALYZE) after the import (not counted)', value: settleSecs, unit: 's' });
      vacuums = await autovacuumRuns(db);
      // Computing alone (a compute job per LA, each loading its LA's version), with 2 workers then 1.
      const [c2, compute2] = await timed(async () =>
        waitForJobs(
          boss,
          QUEUES.compute,
          await fanOutCompute(boss, loaded, '2021-22-Q4', timing),
          () => {},
          3_600_000,
        ),
      );
      print({
        name: `compute 2021-22-Q4 alone, 2 workers (${c2.completed}/${c2.total} LAs)`,
        value: compute2,
        unit: 's',
      });
      await vacuumsSince();
      w2.kill('SIGTERM');
      await new Promise((r) => w2.once('exit', r));
      const [c1, compute1] = await timed(async () =>
        waitForJobs(
          boss,
          QUEUES.compute,
          await fanOutCompute(boss, loaded, '2021-22-Q4', timing),
          () => {},
          3_600_000,
        ),
      );
      print({
        name: `compute 2021-22-Q4 alone, 1 worker (${c1.completed}/${c1.total} LAs)`,
        value: compute1,
        unit: 's',
      });
      await vacuumsSince();
      print({ name: 'speed-up of computation from 1 to 2 workers', value: compute1 / compute2, unit: '×' });
      // Issue 6's dashboard goal "with the national-scale set loaded": the dashboard on this very hub store.
      const la = loaded.some((l) => l.la === '841') ? '841' : loaded[0]!.la;
      await benchWebOnStore(db, la, `${loaded.length} LAs on PostgreSQL`);
    } finally {
      for (const w of workers) w.kill('SIGKILL');
      await boss.stop({ graceful: false, wait: true, timeout: 5000 });
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Autovacuum and autoanalyze runs so far on the hub database's tables (PostgreSQL's statistics). */
async function autovacuumRuns(db: Database): Promise<number> {
  const r = await db.get<{ n: string | number }>(
    'SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) AS n FROM pg_stat_user_tables',
  );
  return Number(r?.n ?? 0);
}
