// Audit of the --targets, --settings and --commentary files as an LA analyst meets them: a file that cannot be
// used is refused in one line naming it, exit 2 (inputs.md §6: structural, nothing done), never quoting its
// contents (commentary may hold child-level text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { openDatabase } from '../store/open.js';
import { main } from './main.js';

/** Runs `cspi ARGV…` in-process; gives its exit code and what it wrote to stderr (and with console.log). */
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

/** The run is a user error: exit 2, exactly one line on stderr naming `names`, no stack trace. */
function assertOneLineError(r: { code: number; stderr: string }, names: string, what: string): void {
  assert.equal(r.code, 2, `${what}: exit 2, got ${r.code}: ${r.stderr}`);
  assert.ok(r.stderr.includes(names), `${what}: the message names ${names}: ${r.stderr}`);
  assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line: ${r.stderr}`);
}

async function withStore(run: (dir: string, db: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-config-audit-'));
  const file = join(dir, 'cspi.db');
  const db = await openDatabase(file);
  try {
    await importSmallLa(db, '841', 20);
  } finally {
    await db.close();
  }
  try {
    await run(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a --targets file with no targets (header only) is refused in one line naming the file, not ignored', async () => {
  await withStore(async (dir, db) => {
    const targets = join(dir, 'targets.csv');
    writeFileSync(targets, 'indicator,target,tolerance,tolerance_unit,kind\n');
    const r = await cspi(['indicators', '--db', db, '--period', '2021-22-Q3', '--targets', targets]);
    assertOneLineError(r, targets, 'header-only --targets');
    assert.match(r.stderr, /has no targets/);
  });
});

test('a --settings, --commentary, --targets or --groups file that is not JSON is one line naming the file and the place, quoting none of it', async () => {
  await withStore(async (dir, db) => {
    // The parser's own message quoted the text around the error, over two lines when it held a line break.
    const broken = '{\n  "icpc-15wd": { "text": Jo Bloggs was seen alone }\n}\n';
    const file = join(dir, 'broken.json');
    writeFileSync(file, broken);
    const period = ['--db', db, '--period', '2021-22-Q3'];
    for (const argv of [
      ['indicators', ...period, '--settings', file],
      ['indicators', ...period, '--targets', file],
      ['indicators', ...period, '--groups', file],
      ['report', ...period, '--out', join(dir, 'r.html'), '--commentary', file],
    ]) {
      const r = await cspi(argv);
      const what = argv.slice(-2).join(' ');
      assertOneLineError(r, file, what);
      assert.match(r.stderr, /not (valid )?JSON/, what);
      assert.match(r.stderr, /line 2, column 26\b/, `${what}: the place of the error`);
      assert.doesNotMatch(r.stderr, /Jo|Bloggs|alone/, `${what}: the file's text is never quoted`);
    }
  });
});
