/**
 * The compiled build (scripts/build.mjs → dist/) and how bin/cspi.js chooses between it and the sources: the
 * build runs only while it was made from the sources as they are, and it gives the same output. Run in a
 * copy of the project, so the tests never touch the dist/ other tests may be running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFingerprint } from '../scripts/source-fingerprint.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A copy of the project (sources, bin, scripts; data and node_modules linked) in a temporary folder. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-build-'));
  for (const d of ['src', 'bin', 'scripts']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const d of ['data', 'node_modules']) symlinkSync(join(ROOT, d), join(dir, d));
  return dir;
}

function run(dir: string, args: string[], env: Record<string, string> = {}): { out: string; code: number } {
  const r = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CSPI_RUN_SOURCES: '', ...env },
  });
  return { out: r.stdout + r.stderr, code: r.status ?? -1 };
}

test('bin/cspi.js runs the build only while it matches the sources', { timeout: 120_000 }, () => {
  const dir = projectCopy();
  try {
    assert.equal(run(dir, ['scripts/build.mjs']).code, 0);
    // A build that announces itself, with the stamp left as the build wrote it.
    writeFileSync(
      join(dir, 'dist/cli/main.js'),
      "export async function main() { console.log('ran the build'); return 0; }\n",
    );
    assert.match(run(dir, ['bin/cspi.js', '--help']).out, /^ran the build$/m);
    // Asked to run the sources, it does.
    const sources = run(dir, ['bin/cspi.js', '--help'], { CSPI_RUN_SOURCES: '1' });
    assert.doesNotMatch(sources.out, /ran the build/);
    assert.match(sources.out, /Usage: cspi/);
    // One source edited: the build is stale and the sources run.
    appendFileSync(join(dir, 'src/calendar/iso-date.ts'), '\n// edited\n');
    const edited = run(dir, ['bin/cspi.js', '--help']);
    assert.doesNotMatch(edited.out, /ran the build/);
    assert.match(edited.out, /Usage: cspi/);
    // Building again makes a build of the edited sources (the real one, this time).
    assert.equal(run(dir, ['scripts/build.mjs']).code, 0);
    assert.match(run(dir, ['bin/cspi.js', '--help']).out, /Usage: cspi/);
    // No stamp (an interrupted build): the sources run.
    writeFileSync(join(dir, 'dist/cli/main.js'), "throw new Error('half-written build');\n");
    unlinkSync(join(dir, 'dist/build-stamp.json'));
    assert.match(run(dir, ['bin/cspi.js', '--help']).out, /Usage: cspi/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'the build and the sources give the same synth output and validation report',
  { timeout: 300_000 },
  () => {
    const dir = projectCopy();
    try {
      assert.equal(run(dir, ['scripts/build.mjs']).code, 0);
      // synth runs worker threads: the build's worker module is found as .js.
      const synth = run(dir, ['bin/cspi.js', 'synth', '--out', 'out', '--years', '1', '--scale', '0.1']);
      assert.equal(synth.code, 0, synth.out);
      const args = ['bin/cspi.js', 'validate', join('out', '841'), '--json'];
      const built = run(dir, args);
      const fromSources = run(dir, args, { CSPI_RUN_SOURCES: '1' });
      assert.equal(built.code, 0, built.out);
      assert.equal(built.out, fromSources.out);
      assert.equal(JSON.parse(built.out).refused, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('the source fingerprint follows contents and ignores tests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-fingerprint-'));
  try {
    cpSync(join(ROOT, 'src/calendar'), join(dir, 'calendar'), { recursive: true });
    const before = sourceFingerprint(dir);
    assert.match(before, /^[0-9a-f]{64}$/);
    appendFileSync(join(dir, 'calendar/iso-date.test.ts'), '\n// a test edited\n');
    assert.equal(sourceFingerprint(dir), before);
    appendFileSync(join(dir, 'calendar/iso-date.ts'), ' ');
    assert.notEqual(sourceFingerprint(dir), before);
    rmSync(join(dir, 'calendar/iso-date.ts'));
    writeFileSync(join(dir, 'calendar/new.ts'), '');
    assert.notEqual(sourceFingerprint(dir), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
