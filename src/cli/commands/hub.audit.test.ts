/**
 * Audit of the hub as an operator runs it from the command line (README "Running a hub", issue 7; issue 3 for
 * imports): what the summary of a run names, what a worker logs, exit codes. Pure functions, no queue.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarksRefusal, jobsSummary, leftOutLine } from './hub.js';
import { notLaFolders } from '../../hub/la-folders.js';
import { failureReason, jobProgress, type JobProgress } from '../../hub/fan-out.js';
import type PgBoss from 'pg-boss';
import { openDatabase } from '../../store/open.js';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { saveIndicatorReport } from '../../hub/indicator-results.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { parsePeriod } from '../../calendar/period.js';
import { INDICATORS } from '../../indicators/registry.js';
import { QUEUES, queueErrorReporter, queueTiming } from '../../hub/queue.js';
import { logFailure, startWorker, type WorkerLog } from '../../hub/worker.js';
import { StoreUnavailableError } from '../../store/store-error.js';
import { DueChainError } from '../../indicators/lib/due-chain.js';
import { refusalReason } from '../../hub/queue.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { LaGroupsError, parseLaGroups } from '../../hub/la-groups.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hubIsSetUp } from '../../hub/la-isolation.js';
import { testStores } from '../../store/test-stores.js';
import { importDataset } from '../../store/import-dataset.js';
import { child, episode, ingestResult, referral, staged } from '../../store/test-records.js';

const CLI = fileURLToPath(new URL('../../../bin/cspi.js', import.meta.url));
const pg = testStores().find((s) => s.name === 'postgres')!;
const cspi = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

const progress = (p: Partial<JobProgress>): JobProgress => ({
  total: 3,
  completed: 0,
  failed: 0,
  active: 0,
  retried: 0,
  refused: 0,
  problems: [],
  ...p,
});

// The brief's contract: a root with one LA refused loads the rest, and "the summary must say which LA and
// why, exit code 1". It said "1 import refused (…the worker log names the LAs…)", and the worker log said
// "refused" without why; a failed job was named nowhere.
test('hub summary: each LA refused or failed is named below the counts, with why; exit 1', () => {
  const s = jobsSummary(
    progress({
      completed: 2,
      failed: 1,
      refused: 1,
      problems: [
        {
          la: '840',
          outcome: 'refused',
          reason: 'S-TRUNCATED 2021-22/cin_census.xml line 300 col 2: cut short',
        },
        { la: '841', outcome: 'failed', reason: 'connection terminated' },
      ],
    }),
    60,
  );
  assert.equal(s.exitCode, 1);
  assert.deepEqual(s.line.split('\n'), [
    "1 of 3 done, 1 failed, 0 retried after a failure, 1 import refused (their files' fault: cspi import on the LA's folder lists every problem)",
    '  LA 840 refused: S-TRUNCATED 2021-22/cin_census.xml line 300 col 2: cut short',
    '  LA 841 failed: connection terminated',
  ]);
});

test('refusal reason: the first structural problem, code and message, and how many more', () => {
  assert.equal(refusalReason([]), 'refused by the store');
  assert.equal(
    refusalReason([{ code: 'S-NO-INPUT', message: 'no input files found in /r/999.' }]),
    'S-NO-INPUT no input files found in /r/999.',
  );
  assert.equal(
    refusalReason([
      { code: 'S-EMPTY', message: 'a.csv is empty.' },
      { code: 'S-EMPTY', message: 'b.csv is empty.' },
      { code: 'S-EMPTY', message: 'c.csv is empty.' },
    ]),
    'S-EMPTY a.csv is empty. (and 2 more structural problems)',
  );
});

test('failure reason: the message of each output pg-boss stores for a failed job, never the stack', () => {
  assert.equal(
    failureReason({ name: 'Error', message: 'boom', stack: 'Error: boom\n    at x.js:1' }),
    'boom',
  );
  assert.equal(failureReason({ value: 'pg-boss shut down while active' }), 'pg-boss shut down while active');
  // pg-boss's words for a job that outlived its expiry, in the operator's terms (the setting to raise).
  assert.equal(
    failureReason({ value: { message: 'job failed by timeout in active state' } }),
    'its worker stopped (killed, or lost its database) and no result came within CSPI_JOB_EXPIRE_SECONDS on every try',
  );
  assert.equal(
    failureReason({ message: 'handler execution exceeded 900000ms', stack: '…' }),
    'it ran longer than CSPI_JOB_EXPIRE_SECONDS (900 s) on every try',
  );
  assert.equal(failureReason(null), 'the job failed (no reason recorded)');
});

test('worker: a job that throws is logged as failed, naming the LA and why, and still fails', async () => {
  const lines: Parameters<WorkerLog>[0][] = [];
  const job = { id: 'j1', data: { la: '840' } };
  await assert.rejects(
    logFailure(
      (e) => lines.push(e),
      'cspi-import',
      job,
      Date.now(),
      async () => {
        throw new StoreUnavailableError('postgres://127.0.0.1/hub', 'cannot be reached');
      },
    ),
    /^Error: the database postgres:\/\/127\.0\.0\.1\/hub cannot be reached$/,
  );
  assert.equal(lines.length, 1);
  assert.deepEqual(
    { queue: lines[0]!.queue, jobId: lines[0]!.jobId, la: lines[0]!.la, outcome: lines[0]!.outcome },
    {
      queue: 'cspi-import',
      jobId: 'j1',
      la: '840',
      outcome: 'failed: the database postgres://127.0.0.1/hub cannot be reached',
    },
  );
  // Any other error's message can quote a child's data: the log, and what pg-boss stores, keep its kind only.
  await assert.rejects(
    logFailure(
      (e) => lines.push(e),
      'cspi-compute',
      job,
      Date.now(),
      async () => {
        throw new DueChainError('child 840-C77123: a due date after the bank-holiday table');
      },
    ),
    (e: Error) => e.message.startsWith('DueChainError at ') && !e.message.includes('C77123'),
  );
  assert.match(lines[1]!.outcome, /^failed: DueChainError at .*message withheld/);
  assert.ok(!lines[1]!.outcome.includes('C77123'));
  lines.length = 1;
  assert.equal(
    await logFailure(
      (e) => lines.push(e),
      'q',
      job,
      Date.now(),
      async () => 7,
    ),
    7,
  );
  assert.equal(lines.length, 1, 'a job that succeeds logs its own line, not a failure');
});

// README "Running a hub": `cspi hub init` first. A worker, `hub import` and `hub compute` ran on a database
// never set up as a hub: every LA's child-level records loaded with no row-level isolation between LAs.
test(
  'worker, hub import and hub compute refuse a database never hub-initialised: one line, exit 2',
  { skip: pg.skip, timeout: 120_000 },
  async () => {
    const { db, url, cleanup } = await pg.open();
    const root = mkdtempSync(join(tmpdir(), 'cspi-not-a-hub-'));
    mkdirSync(join(root, '841'));
    try {
      for (const args of [
        ['worker', '--db', url, '--json'],
        ['hub', 'compute', '--period', '2021-22-Q3', '--db', url, '--json'],
        ['hub', 'import', root, '--db', url, '--json'],
      ]) {
        const run = cspi(...args);
        const label = args.slice(0, 2).join(' ');
        assert.equal(run.status, 2, `${label}: ${run.stdout}${run.stderr}`);
        assert.equal(run.stdout, '', label);
        assert.match(
          run.stderr,
          /^cspi: .* is not set up as a hub .*run cspi hub init --db <hub url> first\n$/,
          label,
        );
      }
      // `cspi hub init --json` (it had no --json: "unknown option"): the JSON alone on stdout.
      const init = cspi('hub', 'init', '--db', url, '--json');
      assert.equal(init.status, 0, init.stderr);
      assert.deepEqual(JSON.parse(init.stdout), { database: db.location, laIsolation: true });
      assert.ok(await hubIsSetUp(db));
      // Once initialised, compute before any import says what to do first.
      const compute = cspi('hub', 'compute', '--period', '2021-22-Q3', '--db', url);
      assert.equal(compute.status, 2);
      assert.match(compute.stderr, /no LA has a dataset yet: run cspi hub import first/);
      // Benchmarks of a period no LA has figures for: said, not a table of dashes with exit 0.
      const bench = cspi('hub', 'benchmarks', '--period', '2019-20-Q3', '--db', url, '--json');
      assert.equal(bench.status, 2);
      assert.equal(bench.stdout, '');
      assert.equal(
        bench.stderr,
        'cspi: no LA has figures for 2019-20-Q3 on this hub: compute them with cspi hub compute --period 2019-20-Q3\n',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
      await cleanup();
    }
  },
);

// README "Benchmarks": a groups file is `{ "statistical-neighbours:841": ["805", …], … }`. A file that was not
// JSON crashed `cspi hub benchmarks` (S-INTERNAL, exit 70); a group that was not a list, a top-level list and
// a code no LA has were dropped silently, so the benchmarks lacked the group or the LA without a word.
test('groups file: codes read as DfE codes (numbers and ONS codes too); any other shape refused, saying where', () => {
  assert.deepEqual(parseLaGroups('\uFEFF{ "statistical-neighbours:841": ["805", 806, "E06000005"] }'), {
    'statistical-neighbours:841': ['805', '806', '841'],
  });
  const refused: [string, RegExp][] = [
    ['{ "sn": ["805", ', /^not JSON/],
    ['["805"]', /must be a JSON object/],
    ['{ "sn": "805" }', /group "sn" must be a list of LA codes/],
    ['{ "sn": ["805", "0806"] }', /group "sn": "0806" is not an LA code/],
    ['{ "sn": [null] }', /group "sn": null is not an LA code/],
  ];
  for (const [text, message] of refused)
    assert.throws(
      () => parseLaGroups(text),
      (e: unknown) => e instanceof LaGroupsError && message.test(e.message),
      text,
    );
});

test('hub benchmarks --groups: a malformed file is one line naming it and why, exit 2, before the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-groups-'));
  try {
    const file = join(dir, 'sn.json');
    writeFileSync(file, '{ "statistical-neighbours": ["805", ');
    const run = cspi(
      'hub',
      'benchmarks',
      '--period',
      '2021-22-Q3',
      '--groups',
      file,
      '--db',
      'postgres://127.0.0.1:1/x',
    );
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^cspi: --groups .*sn\.json: not JSON \(.*\)\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// `cspi hub benchmarks` of a period never computed (or mistyped) printed 24 lines of "n=  0 … –" and exited 0;
// `--la` of an LA without figures printed the table with no position and no word.
test('hub benchmarks: no LA with figures for the period, or --la of an LA without any, is refused saying what to run', () => {
  assert.equal(
    benchmarksRefusal('2019-20-Q3', []),
    'no LA has figures for 2019-20-Q3 on this hub: compute them with cspi hub compute --period 2019-20-Q3',
  );
  assert.equal(
    benchmarksRefusal('2021-22-Q3', ['390', '840', '841'], '999'),
    '--la 999: LA 999 has no figures for 2021-22-Q3 on this hub (3 LAs have); if it has been imported, run cspi hub compute --period 2021-22-Q3',
  );
  assert.equal(benchmarksRefusal('2021-22-Q3', ['390', '840', '841'], '841'), null);
  assert.equal(benchmarksRefusal('2021-22-Q3', ['390']), null);
  // Computed, but before the data begin: every indicator not available for every LA.
  assert.equal(
    benchmarksRefusal('2012-13-Q1', ['390', '840'], undefined, []),
    'no LA has a value for 2012-13-Q1 (2 computed, every indicator not available): the period is outside the data imported',
  );
  assert.equal(benchmarksRefusal('2021-22-Q3', ['390', '840'], '840', ['390']), null);
});

// Two `cspi hub import`s of one root at once (two operators, or a rerun while the first still runs): the first
// import of a new LA in each found no `las` row, both inserted one, and the second failed on the duplicate
// code ("las_pkey") and was retried, a whole import's work thrown away. Now the second waits for the first's
// row and imports after it, unchanged.
test(
  'two first imports of one LA at once: both succeed, one imported, the other unchanged, one version',
  { skip: pg.skip, timeout: 60_000 },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      const input = () => {
        const children = Array.from({ length: 40 }, (_, i) => child(`C${i + 1}`));
        const episodes = children.map((c, i) => episode(c.childId, `2021-0${(i % 8) + 1}-10`));
        const referrals = children.map((c, i) => referral(c.childId, `2021-1${i % 3}-0${(i % 9) + 1}`));
        return ingestResult('841', [
          staged('ssda903', '2021-22', { children, episodes }, { fileTag: '841' }),
          staged('cin', '2021-22', { referrals }, { fileTag: '841' }),
        ]);
      };
      const same = input();
      const outcomes = await Promise.all([
        importDataset(db, same, { la: '841' }),
        importDataset(db, same, { la: '841' }),
      ]);
      assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['imported', 'unchanged']);
      const versions = await db.all<{ id: string }>("SELECT id FROM dataset_versions WHERE la = '841'");
      assert.equal(versions.length, 1);
    } finally {
      await cleanup();
    }
  },
);

// A root folder with folders that are not LA folders (`Kent`, `0886`, an ONS code): they were skipped without a
// word, and their LAs were missing from the hub. `cspi hub import` now names them (and `leftOut` in --json).
test('hub import: the folders of the root that are not LA folders are named as left out; files and hidden folders are not', () => {
  const root = mkdtempSync(join(tmpdir(), 'cspi-left-out-'));
  try {
    for (const name of ['841', 'Kent', '0886', 'E10000016', '.git']) mkdirSync(join(root, name));
    writeFileSync(join(root, 'manifest.json'), '{}');
    writeFileSync(join(root, '805'), 'a file, not a folder');
    assert.deepEqual(notLaFolders(root), ['0886', 'E10000016', 'Kent']);
    assert.equal(
      leftOutLine(notLaFolders(root)),
      'left out 3 folders not named by a 3-digit DfE code: 0886, E10000016, Kent',
    );
    assert.equal(leftOutLine(['Kent']), 'left out 1 folder not named by a 3-digit DfE code: Kent');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// `cspi hub compute` of a period outside an LA's data (before its first year, a mistyped year) said "3 of 3
// done", exit 0, and the worker "24 indicators for 2012-13-Q1": every figure was "not available". The LAs
// are now named (not a failure: exit 0), from the job's output.
test('hub compute: an LA computed with no value for any indicator is named, and the run still exits 0', async () => {
  const jobs = new Map<string, unknown>([
    ['a', { state: 'completed', retryCount: 0, output: { withAValue: 0 } }],
    ['b', { state: 'completed', retryCount: 0, output: { withAValue: 22 } }],
    ['c', { state: 'completed', retryCount: 0, output: { outcome: 'imported', withAValue: 0 } }],
  ]);
  const queue = { getJobById: async (_q: string, id: string) => jobs.get(id) ?? null } as unknown as PgBoss;
  const p = await jobProgress(
    queue,
    'cspi-compute',
    new Map([
      ['841', 'a'],
      ['390', 'b'],
      ['840', 'c'],
    ]),
  );
  const reason = "no indicator has a value for the period (it is outside the LA's data)";
  assert.deepEqual(p.problems, [
    { la: '840', outcome: 'no value', reason },
    { la: '841', outcome: 'no value', reason },
  ]);
  const s = jobsSummary(p, 60);
  assert.equal(s.exitCode, 0);
  assert.deepEqual(s.line.split('\n'), [
    '3 of 3 done, 0 failed, 0 retried after a failure',
    `  LA 840: ${reason}`,
    `  LA 841: ${reason}`,
  ]);
});

test('worker: a compute job leaves how many indicators have a value, and logs when none has', async () => {
  const db = await openDatabase(':memory:', { env: {} });
  try {
    await importSmallLa(db, '841', 3);
    const handlers = new Map<string, (jobs: unknown[]) => Promise<unknown>>();
    const boss = {
      work: async (name: string, _o: unknown, h: (jobs: unknown[]) => Promise<unknown>) => {
        handlers.set(name, h);
        return name;
      },
      notifyWorker: () => {},
    } as unknown as PgBoss;
    const logged: string[] = [];
    await startWorker(boss, db, (e) => logged.push(`${e.la} ${e.outcome}`), queueTiming({}));
    const compute = handlers.get(QUEUES.compute)!;
    const before = await compute([{ id: 'j1', data: { la: '841', period: '2012-13-Q1' } }]);
    assert.deepEqual(before, { withAValue: 0 });
    assert.equal(
      logged[0],
      `841 ${INDICATORS.length} indicators for 2012-13-Q1, none with a value (the period is outside the LA's data)`,
    );
    const within = (await compute([{ id: 'j2', data: { la: '841', period: '2021-22-Q3' } }])) as {
      withAValue: number;
    };
    assert.ok(within.withAValue > 0, JSON.stringify(within));
    assert.equal(logged[1], `841 ${INDICATORS.length} indicators for 2021-22-Q3`);
  } finally {
    await db.close();
  }
});

// A worker whose database went away (dropped, restarted, the connection cut) kept running without a word: the
// queue's errors were swallowed. It now says so on stderr, each message at most once a minute, and carries on.
test('worker: the queue’s background errors are reported, each message at most once a minute, message only', () => {
  const lines: string[] = [];
  let t = 0;
  const report = queueErrorReporter(
    (l) => lines.push(l),
    60_000,
    () => t,
  );
  const cut = Object.assign(new Error('terminating connection due to administrator command'), {
    detail: 'Key (child_id)=(C1)',
  });
  report(cut);
  t = 30_000;
  report(new Error('terminating connection due to administrator command'));
  report({ message: 'database "hub" does not exist' });
  t = 61_000;
  report(cut);
  assert.deepEqual(lines, [
    'the hub database failed: terminating connection due to administrator command (still trying; jobs are taken again once it is back)',
    'the hub database failed: database "hub" does not exist (still trying; jobs are taken again once it is back)',
    'the hub database failed: terminating connection due to administrator command (still trying; jobs are taken again once it is back)',
  ]);
});

// Two `cspi hub compute`s of one period at once (or a compute beside an import --compute): both jobs of an LA
// deleted its (absent) figures and inserted them; the second failed on the primary key and was retried.
test(
  'computations of one LA and period saved at once: all succeed, one set of figures',
  { skip: pg.skip, timeout: 60_000 },
  async () => {
    const { db, cleanup } = await pg.open();
    try {
      await importSmallLa(db, '841', 3);
      const report = {
        la: '841',
        period: parsePeriod('2021-22-Q3'),
        dataset: { id: '841-v1', hash: 'h', asAt: null },
        indicators: INDICATORS.map((d) => ({
          id: d.id,
          status: 'ok',
          value: 20,
          numerator: 1,
          denominator: 5,
        })),
      } as unknown as IndicatorReport;
      // Each job's compute ends in this save: four at once, as two runs' jobs of one LA can.
      await Promise.all([1, 2, 3, 4].map(() => saveIndicatorReport(db, report, '2026-11-30T00:00:00Z')));
      const rows = await db.all<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM indicator_results WHERE la = '841' AND period = '2021-22-Q3'",
      );
      assert.equal(Number(rows[0]!.n), INDICATORS.length);
    } finally {
      await cleanup();
    }
  },
);

// `cspi hub import --json --timeout` that gave up printed the counts alone (completed below total): a script
// could not tell a timeout from a bug, while the terminal said "stopped waiting after … min".
test(
  'hub import --json that gives up waiting says so: timedOut true, pending the jobs left queued; exit 1',
  { skip: pg.skip, timeout: 60_000 },
  async () => {
    const { url, cleanup } = await pg.open();
    const root = mkdtempSync(join(tmpdir(), 'cspi-hub-timeout-'));
    mkdirSync(join(root, '841'));
    try {
      assert.equal(cspi('hub', 'init', '--db', url).status, 0);
      // No worker is running, so the one job stays queued until the wait (0.6 s) gives up.
      const run = cspi('hub', 'import', root, '--db', url, '--json', '--timeout', '0.01');
      assert.equal(run.status, 1, run.stderr);
      const result = JSON.parse(run.stdout) as { timedOut?: boolean; pending?: number; total: number };
      assert.equal(result.total, 1);
      assert.equal(result.timedOut, true, run.stdout);
      assert.equal(result.pending, 1, run.stdout);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await cleanup();
    }
  },
);
