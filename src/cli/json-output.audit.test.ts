// Audit of every `cspi` command's output contract, as a script or an analyst at a terminal meets it:
// - with --json, stdout is exactly one JSON document (nothing else: no progress, colour codes or banners), and
//   it carries what the human output says (counts, paths, problems); an error leaves stdout empty and is one
//   `cspi: …` line on stderr with exit 2 (README "Commands": errors are text on stderr, also with --json);
// - piped, without --json: no progress-bar control characters;
// - on a terminal: the long jobs (synth, validate, import) show progress on stderr;
// - a mistyped path, period, database or LA is one clear line and exit 2, never a stack trace.
// The commands run as a user runs them (a child process of bin/cspi.js), so stdout is exactly what a script
// reading it gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { openDatabase } from '../store/open.js';
import { listDatasetVersions } from '../store/dataset-versions.js';
import { addCommentary, figureUnder } from '../report/commentary/commentary-store.js';
import { commentaryEntry } from '../report/commentary/test-entries.js';
import { computeFromStore } from './commands/report.js';

const BIN = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
const ESC = '\u001b';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cspi ARGV…` as a child process (sources, not a build; no DATABASE_URL), in `cwd`. */
function cspi(argv: readonly string[], cwd: string, input?: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, CSPI_RUN_SOURCES: '1' };
  delete env['DATABASE_URL'];
  delete env['CSPI_LA'];
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The run printed one JSON document on stdout and nothing else; gives it. */
function onlyJson(r: Run, what: string): unknown {
  assert.ok(!r.stdout.includes(ESC) && !r.stdout.includes('\r'), `${what}: no control codes on stdout`);
  assert.ok(!r.stderr.includes(ESC) && !r.stderr.includes('\r'), `${what}: no progress on stderr`);
  try {
    return JSON.parse(r.stdout);
  } catch {
    assert.fail(`${what}: stdout is not one JSON document: ${r.stdout.slice(0, 300)}`);
  }
}

/** The run is a user error: exit 2, stdout empty, one `cspi: …` line naming `names`, no stack trace. */
function assertOneLineError(r: Run, names: string, what: string): void {
  assert.equal(r.code, 2, `${what}: exit 2, got ${r.code}: ${r.stderr}`);
  assert.equal(r.stdout, '', `${what}: nothing on stdout`);
  assert.match(r.stderr, /^cspi: [^\n]+\n$/, `${what}: one line: ${r.stderr}`);
  assert.ok(r.stderr.includes(names), `${what}: names ${names}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /S-INTERNAL|\n\s+at /, what);
}

let fixture: Promise<{ dir: string; data: string; db: string }> | null = null;

/** One small synthetic LA (841, one year) written by `cspi synth` and imported into an SQLite file. */
function synthFixture(): Promise<{ dir: string; data: string; db: string }> {
  fixture ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspi-json-audit-'));
    const synth = cspi(['synth', '--out', 'data', '--years', '1', '--scale', '0.1'], dir);
    assert.equal(synth.code, 0, synth.stderr);
    // Plurals as English has them (they once read "1 LA(s)" and "8 submission(s) added").
    assert.match(synth.stdout, / for 1 LA, years 2021-22 to 2021-22, to data\n$/);
    const imported = cspi(['import', 'data/841', '--la', '841', '--db', 'cspi.db', '--report-dir', 'r'], dir);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /; \d+ submissions added, 0 replaced, 0 identical skipped\.\n/);
    const again = cspi(['import', 'data/841', '--la', '841', '--db', 'cspi.db', '--report-dir', 'r'], dir);
    assert.match(again.stdout, /\(\d+ submissions skipped\); the current dataset is still 841-v1\.\n/);
    return { dir, data: join(dir, 'data', '841'), db: join(dir, 'cspi.db') };
  })();
  return fixture;
}

test.after(async () => {
  if (fixture) rmSync((await fixture).dir, { recursive: true, force: true });
});

test('--json: every command prints one JSON document on stdout and nothing else, carrying what people are told', async () => {
  const { dir } = await synthFixture();
  const synth = cspi(
    ['synth', '--out', 's2', '--years', '1', '--scale', '0.1', '--faults', 'all', '--json'],
    dir,
  );
  assert.equal(synth.code, 0, synth.stderr);
  const summary = onlyJson(synth, 'synth') as { out: string; files: number; rows: number; faults: number };
  assert.equal(summary.out, 's2');
  assert.ok(summary.files > 20 && summary.rows > 1000 && summary.faults > 0, JSON.stringify(summary));

  // validate: the report's counts and issues, and where the report files were written (the human output names them).
  const validate = cspi(['validate', 's2/841', '--la', '841', '--report-dir', 'vr', '--json'], dir);
  assert.equal(validate.code, 1, 'rows rejected by the injected faults: exit 1');
  const v = onlyJson(validate, 'validate') as {
    exitCode: number;
    issues: unknown[];
    reportFiles: { csv: string; json: string };
  };
  assert.equal(v.exitCode, 1);
  assert.ok(v.issues.length > 0);
  assert.deepEqual(v.reportFiles, {
    csv: join(dir, 'vr', 'validation-report.csv'),
    json: join(dir, 'vr', 'validation-report.json'),
  });
  assert.ok(existsSync(v.reportFiles.csv) && existsSync(v.reportFiles.json));

  // import: as validate, plus what was loaded (the dataset, and submissions added, replaced and skipped).
  const imp = cspi(['import', 's2/841', '--la', '841', '--db', 'j.db', '--report-dir', 'ir', '--json'], dir);
  assert.equal(imp.code, 1, imp.stderr);
  const i = onlyJson(imp, 'import') as {
    status: string;
    datasetId: string;
    reportFiles: { csv: string; json: string };
    submissionCounts: { added: number; replaced: number; skipped: number };
  };
  assert.equal(i.status, 'imported');
  assert.equal(i.datasetId, '841-v1');
  assert.deepEqual(i.reportFiles, {
    csv: join(dir, 'ir', 'validation-report.csv'),
    json: join(dir, 'ir', 'validation-report.json'),
  });
  assert.ok(i.submissionCounts.added > 0, JSON.stringify(i.submissionCounts));
  assert.deepEqual([i.submissionCounts.replaced, i.submissionCounts.skipped], [0, 0]);
  const again = onlyJson(
    cspi(['import', 's2/841', '--la', '841', '--db', 'j.db', '--report-dir', 'ir', '--json'], dir),
    'import again',
  ) as { status: string; submissionCounts: { added: number; skipped: number } };
  assert.equal(again.status, 'unchanged');
  assert.deepEqual(
    [again.submissionCounts.added, again.submissionCounts.skipped],
    [0, i.submissionCounts.added],
  );

  const datasets = onlyJson(cspi(['datasets', '--db', 'j.db', '--json'], dir), 'datasets') as {
    id: string;
  }[];
  assert.deepEqual(
    datasets.map((d) => d.id),
    ['841-v1'],
  );
  const ind = onlyJson(
    cspi(['indicators', '--period', '2021-22-Q3', '--db', 'j.db', '--json'], dir),
    'indicators',
  ) as { indicators: unknown[] };
  assert.equal(ind.indicators.length, 24);
  const members = onlyJson(
    cspi(['indicators', '--period', '2021-22-Q3', '--db', 'j.db', '--members', 'cic-count', '--json'], dir),
    'indicators --members',
  ) as { indicator: string; members: unknown[]; numerator: number };
  assert.equal(members.indicator, 'cic-count');
  assert.equal(members.members.length, members.numerator);
  const report = onlyJson(
    cspi(['report', '--period', '2021-22-Q3', '--db', 'j.db', '--out', 'r.html', 'r.csv', '--json'], dir),
    'report',
  ) as { files: { file: string }[] };
  assert.deepEqual(
    report.files.map((f) => f.file),
    ['r.html', 'r.csv'],
  );
  const published = onlyJson(
    cspi(['publish', '--period', '2021-22-Q3', '--db', 'j.db', '--json'], dir),
    'publish',
  ) as { edition: string };
  const list = onlyJson(cspi(['publish', '--list', '--db', 'j.db', '--json'], dir), 'publish --list') as {
    editions: { id: string }[];
  };
  assert.deepEqual(
    list.editions.map((e) => e.id),
    [published.edition],
  );
  const added = onlyJson(
    cspi(['users', 'add', 'alex', '--role', 'analyst', '--db', 'j.db', '--json'], dir),
    'users add',
  ) as { username: string; password: string };
  assert.equal(added.username, 'alex');
  assert.ok(added.password.length >= 16);
  const users = onlyJson(cspi(['users', 'list', '--db', 'j.db', '--json'], dir), 'users list') as {
    username: string;
  }[];
  assert.deepEqual(
    users.map((u) => u.username),
    ['alex'],
  );
  const disabled = cspi(['users', 'disable', 'alex', '--db', 'j.db', '--json'], dir);
  assert.deepEqual(onlyJson(disabled, 'users disable'), {
    username: 'alex',
    disabled: true,
    alreadyDisabled: false,
  });
  const disabledAgain = cspi(['users', 'disable', 'alex', '--db', 'j.db', '--json'], dir);
  assert.deepEqual(onlyJson(disabledAgain, 'users disable again'), {
    username: 'alex',
    disabled: true,
    alreadyDisabled: true,
  });
  const reset = onlyJson(
    cspi(['users', 'reset-password', 'alex', '--db', 'j.db', '--json'], dir),
    'users reset-password',
  ) as { password: string };
  assert.match(reset.password, /^[A-Za-z0-9_-]{20}$/);
  assert.notEqual(reset.password, added.password);
  assert.deepEqual(reset, {
    username: 'alex',
    disabled: true,
    sessionsEnded: true,
    password: reset.password,
  });
  assert.deepEqual(
    onlyJson(
      cspi(
        ['users', 'reset-password', 'alex', '--password-stdin', '--db', 'j.db', '--json'],
        dir,
        'correct horse battery staple\n',
      ),
      'users reset-password --password-stdin',
    ),
    { username: 'alex', disabled: true, sessionsEnded: true },
    'a given password is not echoed',
  );
  assert.deepEqual(
    onlyJson(cspi(['users', 'enable', 'alex', '--db', 'j.db', '--json'], dir), 'users enable'),
    {
      username: 'alex',
      disabled: false,
      alreadyActive: false,
    },
  );
  assert.deepEqual(
    onlyJson(cspi(['users', 'enable', 'alex', '--db', 'j.db', '--json'], dir), 'users enable again'),
    { username: 'alex', disabled: false, alreadyActive: true },
  );
});

test('--json: a mistyped path, period, database or LA leaves stdout empty and is one line on stderr, exit 2', async () => {
  const { dir, db } = await synthFixture();
  writeFileSync(join(dir, 'notes.txt'), 'not a database\n');
  const typo = join(dir, 'csip.db');
  const cases: [string[], string][] = [
    [['indicators', '--period', '2021-22-Q5', '--db', db, '--json'], '2021-22-Q5'],
    [['report', '--period', '21-22', '--db', db, '--out', 'x.html', '--json'], '21-22'],
    [['publish', '--period', 'Q3', '--db', db, '--json'], 'Q3'],
    [['indicators', '--db', db, '--json'], '--period'],
    [['datasets', '--db', 'notes.txt', '--json'], 'notes.txt'],
    [['indicators', '--period', '2021-22-Q3', '--db', 'notes.txt', '--json'], 'notes.txt'],
    [['datasets', '--db', typo, '--json'], typo],
    [['users', 'list', '--db', typo, '--json'], typo],
    [['users', 'enable', 'alex', '--db', typo, '--json'], typo],
    [['users', 'reset-password', 'alex', '--db', typo, '--json'], typo],
    [['users', 'enable', 'nobody', '--db', db, '--json'], 'cspi users list'],
    [['users', 'reset-password', 'nobody', '--db', db, '--json'], 'cspi users list'],
    [['indicators', '--period', '2021-22-Q3', '--db', db, '--la', '805', '--json'], 'LA 805'],
    [
      ['report', '--period', '2021-22-Q3', '--db', db, '--la', 'Darlingtn', '--out', 'x.html', '--json'],
      'Darlingtn',
    ],
    [['import', 'data/841', '--la', 'Darlingtn', '--db', 'y.db', '--json'], 'Darlingtn'],
    [['validate', 'data/841', '--year', '2021', '--json'], '--year 2021'],
    [['synth', '--out', 'z', '--las', '0', '--json'], '--las'],
    [['report', '--period', '2021-22-Q3', '--db', db, '--out', 'x.txt', '--json'], 'x.txt'],
  ];
  for (const [argv, names] of cases) assertOneLineError(cspi(argv, dir), names, argv.join(' '));
  assert.ok(!existsSync(typo), 'a mistyped --db is not created (users list, enable, reset-password)');
});

test('--json: a missing input or a folder with no inputs is the refused report on stdout (S-NOT-FOUND, S-NO-INPUT), exit 2', async () => {
  const { dir } = await synthFixture();
  mkdirSync(join(dir, 'empty'), { recursive: true });
  for (const [path, code] of [
    ['no-such-folder', 'S-NOT-FOUND'],
    ['empty', 'S-NO-INPUT'],
  ] as const) {
    for (const argv of [
      ['validate', path, '--report-dir', 'rr', '--json'],
      ['import', path, '--la', '841', '--db', 'n.db', '--report-dir', 'rr', '--json'],
    ]) {
      const r = cspi(argv, dir);
      assert.equal(r.code, 2, argv.join(' '));
      const doc = onlyJson(r, argv.join(' ')) as {
        refused: boolean;
        issues: { code: string; file: string }[];
      };
      assert.equal(doc.refused, true);
      assert.deepEqual(
        doc.issues.map((x) => x.code),
        [code],
      );
      assert.equal(r.stderr, '');
    }
  }
});

test('cspi import with a --report-dir it cannot write to refuses before loading anything (exit 2 means nothing was loaded)', async () => {
  const { dir, data } = await synthFixture();
  writeFileSync(join(dir, 'a-file'), 'x');
  const db = join(dir, 'refused.db');
  const reportDir = join(dir, 'a-file', 'reports'); // a folder inside a file: it cannot be made
  const r = cspi(['import', data, '--la', '841', '--db', db, '--report-dir', reportDir], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^cspi: [^\n]*a-file[^\n]*\n$/);
  assert.match(r.stderr, /nothing was loaded/);
  const store = await openDatabase(db);
  try {
    assert.deepEqual(await listDatasetVersions(store), [], 'no dataset version was stored');
  } finally {
    await store.close();
  }
  // A folder where the report's JSON goes: refused first too.
  mkdirSync(join(dir, 'odd-reports', 'validation-report.json'), { recursive: true });
  const odd = cspi(['import', data, '--la', '841', '--db', db, '--report-dir', 'odd-reports'], dir);
  assert.equal(odd.code, 2, odd.stderr);
  assert.match(
    odd.stderr,
    /^cspi: --report-dir: [^\n]*validation-report\.json: it is a folder[^\n]*nothing was loaded\n$/,
  );
  const again = await openDatabase(db);
  try {
    assert.deepEqual(await listDatasetVersions(again), [], 'still no dataset version');
  } finally {
    await again.close();
  }
  const v = cspi(['validate', data, '--la', '841', '--report-dir', reportDir], dir);
  assert.equal(v.code, 2);
  assert.match(v.stderr, /^cspi: [^\n]*a-file[^\n]*\n$/);
});

test('piped, without --json: the long jobs print no progress-bar control characters', async () => {
  const { dir, data } = await synthFixture();
  for (const argv of [
    ['synth', '--out', 's3', '--years', '1', '--scale', '0.1'],
    ['validate', data, '--report-dir', 'pv'],
    ['import', data, '--la', '841', '--db', 'p.db', '--report-dir', 'pv'],
  ]) {
    const r = cspi(argv, dir);
    assert.equal(r.code, 0, r.stderr);
    for (const text of [r.stdout, r.stderr]) {
      assert.ok(!text.includes(ESC) && !text.includes('\r'), `${argv[0]!}: no control characters`);
    }
    assert.ok(r.stdout.length > 0, `${argv[0]!}: says what it did`);
  }
});

const hasScript = spawnSync('script', ['--version']).status === 0;

test(
  'on a terminal the long jobs show progress on stderr (and with --json, none, and stdout stays JSON)',
  { skip: hasScript ? false : 'util-linux script is not installed' },
  async () => {
    const { dir, data } = await synthFixture();
    const env: NodeJS.ProcessEnv = { ...process.env, CSPI_RUN_SOURCES: '1' };
    delete env['DATABASE_URL'];
    /** Runs argv on a pseudo-terminal (stdout and stderr both the terminal); gives what the terminal showed. */
    const onTty = (argv: string[], redirect = ''): string => {
      const line = [process.execPath, BIN, ...argv].map((a) => `'${a}'`).join(' ');
      const r = spawnSync('script', ['-qec', `${line}${redirect}`, '/dev/null'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stdout);
      return r.stdout;
    };
    for (const [argv, bar] of [
      [['synth', '--out', 's4', '--years', '1', '--scale', '0.1'], /synth \[[^\]]*\] 100% \| 1\/1 LAs/],
      [['validate', data, '--report-dir', 'tv'], /Reading \[[^\]]*\] \d+% \| \d+\/\d+ MB/],
      [
        ['import', data, '--la', '841', '--db', 't.db', '--report-dir', 'tv'],
        /Storing \[[^\]]*\] 100% \| (\d+)\/\1 rows/,
      ],
    ] as const) {
      assert.match(onTty([...argv], ' >/dev/null'), bar, `${argv[0]}: a progress bar on stderr`);
      const json = onTty([...argv, '--json'], ' 2>/dev/null');
      assert.ok(!json.includes(ESC), `${argv[0]} --json: no progress or control codes`);
      assert.doesNotThrow(() => JSON.parse(json), `${argv[0]} --json: stdout is JSON on a terminal too`);
    }
  },
);

test('cspi report --json carries the stale-commentary note the terminal shows (a problem to fix before publishing)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-json-audit-'));
  const file = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(file);
    try {
      await importSmallLa(db, '841', 40);
      const computed = await computeFromStore({ period: '2021-22-Q2', la: '841', db: file });
      await addCommentary(
        db,
        {
          la: '841',
          period: '2021-22-Q2',
          kind: 'edit',
          writtenBy: 'jo',
          indicatorId: 'cic-count',
          entry: commentaryEntry('cic-count', { text: 'Placements held steady.' }),
          figure: figureUnder(computed.report.indicators.find((x) => x.id === 'cic-count')!),
        },
        new Date('2026-11-29T10:00:00Z'),
      );
      await importSmallLa(db, '841', 44); // the figure under the commentary changes: it is stale
    } finally {
      await db.close();
    }
    const argv = ['report', '--period', '2021-22-Q2', '--db', file, '--out', join(dir, 'r.html')];
    const human = cspi(argv, dir);
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /Note: The figure under the commentary on Number of Children in Care has changed/,
    );
    const json = onlyJson(cspi([...argv, '--json'], dir), 'report --json') as { notices?: string[] };
    assert.equal(json.notices?.length, 1, JSON.stringify(json));
    assert.match(
      json.notices![0]!,
      /The figure under the commentary on Number of Children in Care has changed/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cspi datasets --la for an LA the store does not hold says so, naming the LAs it holds', async () => {
  const { dir, db } = await synthFixture();
  const r = cspi(['datasets', '--db', db, '--la', '805'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^No dataset of LA 805 in .*cspi\.db \(it holds LA 841\)\.\n$/);
  const j = cspi(['datasets', '--db', db, '--la', '805', '--json'], dir);
  assert.deepEqual(onlyJson(j, 'datasets --la 805'), []);
});

test('the validation report (child ids and values) is readable by its owner only, from cspi validate as from cspi import (inputs.md §7)', async () => {
  const { dir, data } = await synthFixture();
  const v = cspi(['validate', data, '--la', '841', '--report-dir', 'private-v'], dir);
  assert.equal(v.code, 0, v.stderr);
  for (const f of ['validation-report.csv', 'validation-report.json'])
    assert.equal(statSync(join(dir, 'private-v', f)).mode & 0o777, 0o600, `validate: ${f}`);
  // A report left readable by others (an earlier cspi, or a copy) is made private when written again.
  mkdirSync(join(dir, 'private-i'));
  for (const f of ['validation-report.csv', 'validation-report.json'])
    writeFileSync(join(dir, 'private-i', f), 'old', { mode: 0o644 });
  const i = cspi(['import', data, '--la', '841', '--db', 'private.db', '--report-dir', 'private-i'], dir);
  assert.equal(i.code, 0, i.stderr);
  for (const f of ['validation-report.csv', 'validation-report.json'])
    assert.equal(statSync(join(dir, 'private-i', f)).mode & 0o777, 0o600, `import: ${f}`);
});

test('cspi report refuses an --out it cannot write before writing any: no partial set behind an exit 2', async () => {
  const { dir, db } = await synthFixture();
  writeFileSync(join(dir, 'plain-file'), 'x');
  mkdirSync(join(dir, 'a-folder.csv'), { recursive: true });
  for (const bad of ['no-such-folder/r.csv', 'plain-file/r.csv', 'a-folder.csv']) {
    const first = join(dir, `first-${bad.length}.html`);
    const r = cspi(['report', '--period', '2021-22-Q3', '--db', db, '--out', first, bad, '--json'], dir);
    assertOneLineError(r, bad, bad);
    assert.ok(!existsSync(first), `${bad}: the first --out file was not written`);
  }
});

test('a file given where a folder is wanted (synth --out, --report-dir) or a folder given as a file (hub --groups) is one line, exit 2, not S-INTERNAL', async () => {
  const { dir, data } = await synthFixture();
  writeFileSync(join(dir, 'not-a-folder'), 'x');
  mkdirSync(join(dir, 'groups-folder'), { recursive: true });
  assertOneLineError(
    cspi(['synth', '--out', 'not-a-folder', '--years', '1', '--scale', '0.1', '--json'], dir),
    'not-a-folder',
    'synth --out a file',
  );
  const db = join(dir, 'file-report.db');
  const r = cspi(['import', data, '--la', '841', '--db', db, '--report-dir', 'not-a-folder', '--json'], dir);
  assertOneLineError(r, 'not-a-folder', 'import --report-dir a file');
  assert.match(r.stderr, /nothing was loaded/);
  assert.ok(!existsSync(db), 'the import stopped before the database was opened');
  assertOneLineError(
    cspi(['validate', data, '--report-dir', 'not-a-folder'], dir),
    'not-a-folder',
    'validate --report-dir a file',
  );
  assertOneLineError(
    cspi(
      [
        'hub',
        'benchmarks',
        '--period',
        '2021-22-Q3',
        '--groups',
        'groups-folder',
        '--db',
        'postgres://x@127.0.0.1:1/x',
      ],
      dir,
    ),
    'groups-folder',
    'hub benchmarks --groups a folder',
  );
});

test(
  'on a terminal, a long job that fails after its progress bar has started still ends, with its one-line error (synth hung for ever)',
  { skip: hasScript ? false : 'util-linux script is not installed' },
  async () => {
    const { dir } = await synthFixture();
    mkdirSync(join(dir, 'blocked'), { recursive: true });
    writeFileSync(join(dir, 'blocked', '841'), 'a file where the LA folder goes');
    const env: NodeJS.ProcessEnv = { ...process.env, CSPI_RUN_SOURCES: '1' };
    const line = [process.execPath, BIN, 'synth', '--out', 'blocked', '--years', '1', '--scale', '0.1']
      .map((a) => `'${a}'`)
      .join(' ');
    const r = spawnSync('script', ['-qec', line, '/dev/null'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    assert.equal(
      r.signal,
      null,
      'the command ended by itself (the timer of a bar never stopped kept it running)',
    );
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stdout, /synth \[/, 'the bar had started');
    assert.match(
      r.stdout,
      /\ncspi: cannot use blocked\/841\/2021-22: a folder on the path is a file; check the path and run again\r?\n$/,
    );
  },
);
