// S-ERROR-RATE on a tiny table, end to end as an analyst meets it: one bad row of a two-row population.csv
// (population 0, LOC-POP) is 50% of the table, and once refused the whole import (exit 2, nothing loaded)
// although the row error said exactly what to fix. The rate now applies from 10 rejected rows of a table
// (ingest/row-counts.ts `errorRateIssues`): the good row loads, the bad one is listed, exit 1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));

/** Runs `cspi ARGV…` as a child process (sources, not a build; no DATABASE_URL), in `cwd`. */
function cspi(argv: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CSPI_RUN_SOURCES: '1' };
  delete env['DATABASE_URL'];
  delete env['CSPI_LA'];
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cspi-error-rate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('one bad row of a two-row population.csv is rejected (exit 1) and the good row loads', () => {
  mkdirSync(join(dir, 'la'));
  writeFileSync(
    join(dir, 'la', 'population.csv'),
    'year,la_code,aged_0_17\n2020-21,841,22000\n2021-22,841,0\n',
  );
  const imported = cspi(['import', 'la', '--la', '841', '--db', 'p.db', '--json'], dir);
  assert.equal(imported.code, 1, `exit 1: rows rejected, the rest loaded: ${imported.stderr}`);
  const report = JSON.parse(imported.stdout) as {
    status: string;
    issues: { code: string; severity: string; position: string; field: string; message: string }[];
    counts: { file: string; read: number; loaded: number; rejected: number }[];
  };
  assert.deepEqual(
    report.issues.map((i) => [i.code, i.severity, i.position, i.field]),
    [['LOC-POP', 'error', 'line 3', 'aged_0_17']],
  );
  assert.deepEqual(
    report.counts.map((c) => [c.file, c.read, c.loaded, c.rejected]),
    [['population.csv', 2, 1, 1]],
  );
  assert.notEqual(report.status, 'refused');
});
