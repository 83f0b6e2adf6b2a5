// Audit of the command line as an LA analyst meets it: a database or output path that cannot be used is a
// one- or two-line message naming the path and what to do, exit 2 (inputs.md §6: structural, nothing done),
// never S-INTERNAL (exit 70), which is kept for real bugs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { openDatabase } from '../store/open.js';
import { listUsers } from '../web/auth/users.js';
import { main } from './main.js';

/**
 * Runs `cspi ARGV…` in-process; gives its exit code and what it wrote to stderr (and with console.log).
 * process.stdout is left alone: the test runner reports through it.
 */
async function cspi(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const err = process.stderr.write.bind(process.stderr);
  const log = console.log;
  process.stderr.write = ((s: string | Uint8Array) => (
    (stderr += String(s)),
    true
  )) as typeof process.stderr.write;
  console.log = (...a: unknown[]) => void (stdout += `${a.join(' ')}\n`);
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = err;
    console.log = log;
    process.exitCode = undefined;
  }
}

/** The run is a user error: exit 2, one or two lines on stderr naming `names`, no S-INTERNAL. */
function assertUserError(r: { code: number; stderr: string }, names: string, what: string): void {
  assert.equal(r.code, 2, `${what}: exit 2, got ${r.code}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /S-INTERNAL/, what);
  assert.ok(r.stderr.includes(names), `${what}: the message names ${names}: ${r.stderr}`);
  assert.ok(r.stderr.trim().split('\n').length <= 2, `${what}: one or two lines: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, `${what}: no stack trace`);
}

test('a --db that is not a database (a text file, a folder, a path in a missing folder) is a user error, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  try {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello, this is not a database\n');
    const folder = join(dir, 'afolder');
    mkdirSync(folder);
    const missing = join(dir, 'no-such-folder', 'cspi.db');
    for (const db of [text, folder, missing]) {
      for (const argv of [
        ['datasets', '--db', db],
        ['indicators', '--db', db, '--period', '2021-22-Q3'],
        ['publish', '--db', db, '--period', '2021-22-Q3'],
        ['users', 'list', '--db', db],
      ]) {
        assertUserError(await cspi(argv), db, argv.join(' '));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a PostgreSQL --db that cannot be reached is a user error naming the server, without its password', async () => {
  const r = await cspi(['datasets', '--db', 'postgres://analyst:s3cret-pw@127.0.0.1:1/cspi']);
  assertUserError(r, '127.0.0.1:1', 'unreachable server');
  assert.doesNotMatch(r.stderr, /s3cret-pw/, 'the password is never printed');
});

test('a database locked by another process is a user error for every writing command, not S-INTERNAL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  const file = join(dir, 'cspi.db');
  const db = await openDatabase(file);
  try {
    await importSmallLa(db, '841', 20);
  } finally {
    await db.close();
  }
  const holder = new BetterSqlite3(file);
  try {
    holder.exec('BEGIN EXCLUSIVE');
    for (const argv of [
      ['publish', '--db', file, '--period', '2021-22-Q3'],
      ['users', 'add', 'alex', '--role', 'analyst', '--db', file],
    ]) {
      const r = await cspi(argv);
      assertUserError(r, 'in use by another cspi process', argv.join(' '));
    }
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cspi users add refuses an --la that is no LA code, naming the code to give; no account is added (and users list, with none, names the --db to add one to)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  const file = join(dir, 'cspi.db');
  try {
    // It once added "carol (elected member, LA Darlington)", an account limited to an LA no data has.
    const named = await cspi([
      'users',
      'add',
      'carol',
      '--role',
      'member',
      '--la',
      'Darlington',
      '--db',
      file,
    ]);
    assertUserError(named, 'Darlington is LA 841, so give --la 841', 'users add --la Darlington');
    assert.equal(named.stdout, '');
    const unknown = await cspi(['users', 'add', 'carol', '--role', 'member', '--la', '9999', '--db', file]);
    assertUserError(unknown, '--la 9999 is not an LA code cspi knows', 'users add --la 9999');
    // No account yet: the hint names the --db listed (run as printed, it once added the account to ./cspi.db).
    await (await openDatabase(file)).close();
    const bin = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
    const none = spawnSync(process.execPath, [bin, 'users', 'list', '--db', file], {
      encoding: 'utf8',
      env: { ...process.env, CSPI_RUN_SOURCES: '1' },
    });
    assert.equal(none.status, 0, none.stderr);
    assert.equal(
      none.stdout,
      `No accounts yet: add one with cspi users add NAME --role admin --db ${file}\n`,
    );
    const ons = await cspi(['users', 'add', 'carol', '--role', 'member', '--la', 'E06000005', '--db', file]);
    assert.equal(ons.code, 0, ons.stderr);
    const db = await openDatabase(file);
    try {
      assert.deepEqual(
        (await listUsers(db)).map((u) => [u.username, u.la]),
        [['carol', '841']],
        'only the account with a real LA code was added, under its DfE code',
      );
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a --settings, --targets or --commentary file that cannot be read is named with why and what to do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  const file = join(dir, 'cspi.db');
  const db = await openDatabase(file);
  try {
    await importSmallLa(db, '841', 20);
  } finally {
    await db.close();
  }
  try {
    const missing = join(dir, 'nope.json');
    // They once said only "cannot read the settings file …/nope.json": not whether it was missing, a folder or
    // not allowed.
    for (const [argv, what] of [
      [['indicators', '--settings', missing], 'settings'],
      [['indicators', '--targets', missing], 'targets'],
      [['report', '--out', join(dir, 'r.html'), '--commentary', missing], 'commentary'],
    ] as const) {
      const r = await cspi([...argv, '--db', file, '--period', '2021-22-Q3']);
      assertUserError(r, missing, what);
      assert.equal(
        r.stderr,
        `cspi: cannot read the ${what} file ${missing}: no such file or folder; check the path and run again\n`,
      );
    }
    const folder = await cspi(['indicators', '--settings', dir, '--db', file, '--period', '2021-22-Q3']);
    assert.equal(
      folder.stderr,
      `cspi: cannot read the settings file ${dir}: it is a folder, not a file; check the path and run again\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cspi users disable of an account already disabled says so and changes nothing; an unknown one points to users list', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  const file = join(dir, 'cspi.db');
  const bin = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
  const run = (...argv: string[]) =>
    spawnSync(process.execPath, [bin, 'users', ...argv, '--db', file], {
      encoding: 'utf8',
      env: { ...process.env, CSPI_RUN_SOURCES: '1' },
    });
  try {
    assert.equal(run('add', 'jo', '--role', 'analyst').status, 0);
    assert.equal(run('disable', 'jo').stdout, 'Disabled jo; their sessions have ended.\n');
    // Once "Disabled jo; their sessions have ended." again, and a second user-disable entry in the audit log.
    const again = run('disable', 'JO');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, 'jo was already disabled; nothing changed.\n');
    const db = await openDatabase(file);
    try {
      assert.equal(
        (await db.all("SELECT * FROM audit_log WHERE action = 'user-disable'")).length,
        1,
        'one entry',
      );
    } finally {
      await db.close();
    }
    const unknown = run('disable', 'zed');
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'cspi: there is no user "zed": cspi users list names the accounts\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an --out in a folder that does not exist is a user error naming the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  const file = join(dir, 'cspi.db');
  const db = await openDatabase(file);
  try {
    await importSmallLa(db, '841', 20);
  } finally {
    await db.close();
  }
  try {
    const out = join(dir, 'no-such-folder', 'report.html');
    const r = await cspi(['report', '--db', file, '--period', '2021-22-Q3', '--out', out]);
    assertUserError(r, out, 'report --out');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cspi indicators list --json prints the catalogue as JSON and nothing else on stdout', () => {
  // Run as a user would (a child process), so stdout is exactly what a script reading it gets.
  const bin = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
  const r = spawnSync(process.execPath, [bin, 'indicators', 'list', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, CSPI_RUN_SOURCES: '1' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes('\u001b'), 'no ANSI codes');
  const list = JSON.parse(r.stdout) as { id: string; title: string; target: unknown }[];
  assert.ok(Array.isArray(list));
  const first = list.find((d) => d.id === 'referrals-rereferral-12m');
  assert.ok(first, 'the catalogue lists referrals-rereferral-12m');
  assert.match(first.title, /Re-referrals/);
  assert.deepEqual(first.target, { value: 18, kind: 'local' });
  assert.equal(list.find((d) => d.id === 'cp-repeat-any')?.target, null, 'no target is null');
});

test('a --meeting-date that is not a real date is refused (it printed "Meeting: 45 undefined 2021" on the report)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  const file = join(dir, 'cspi.db');
  const db = await openDatabase(file);
  try {
    await importSmallLa(db, '841', 20);
  } finally {
    await db.close();
  }
  try {
    const out = join(dir, 'report.html');
    for (const argv of [
      ['report', '--db', file, '--period', '2021-22-Q3', '--out', out, '--meeting-date', '2021-13-45'],
      ['publish', '--db', file, '--period', '2021-22-Q3', '--meeting-date', '12/01/2022'],
    ]) {
      const r = await cspi(argv);
      assertUserError(r, '--meeting-date', argv[0]!);
    }
    const ok = await cspi([
      'report',
      '--db',
      file,
      '--period',
      '2021-22-Q3',
      '--out',
      out,
      '--meeting-date',
      '2022-01-12',
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(readFileSync(out, 'utf8'), /Meeting: 12 January 2022/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a --db file that does not exist is named for the commands that read it, and is not created', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-cli-audit-'));
  try {
    const typo = join(dir, 'csip.db');
    for (const argv of [
      ['datasets', '--db', typo],
      ['indicators', '--db', typo, '--period', '2021-22-Q3'],
      ['report', '--db', typo, '--period', '2021-22-Q3', '--out', join(dir, 'r.html')],
      ['publish', '--db', typo, '--period', '2021-22-Q3'],
    ]) {
      const r = await cspi(argv);
      assertUserError(r, typo, argv[0]!);
      assert.match(r.stderr, /does not exist/, argv[0]!);
      assert.ok(!existsSync(typo), `${argv[0]!}: a mistyped --db is not created as an empty database`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a mistyped option or command gets the error, a suggestion and a pointer to --help, not the whole help text', async () => {
  const r = await cspi(['import', '--jsn', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option '--jsn'\n\(Did you mean --json\?\)\n/);
  assert.match(r.stderr, /\(cspi --help lists the commands; cspi COMMAND --help, a command's options\)\n$/);
  assert.doesNotMatch(r.stderr, /Usage:/);
  const c = await cspi(['improt']);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /unknown command 'improt'\n\(Did you mean import\?\)/);
  assert.doesNotMatch(c.stderr, /Usage:/);
});
