import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  cinXml,
  csv,
  episodeRows,
  headerRows,
  plainCinChildren,
  tempFolder,
} from '../../ingest/test-fixtures.js';

const f = tempFolder();
after(() => f.cleanup());

function cspi(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return cspiWith({}, ...args);
}

function cspiWith(
  env: Record<string, string>,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/cspi.js', 'validate', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CSPI_LA: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cspi validate --la', () => {
  it('refuses an --la that is no LA code, naming the code to give', () => {
    f.write('la/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    const r = cspi(`${f.dir}/la`, '--la', 'Darlington', '--report-dir', `${f.dir}/la-out`);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--la Darlington is not an LA code: Darlington is LA 841, so give --la 841/);
  });

  // cspi import takes the LA from --la, else CSPI_LA; validate did not read CSPI_LA, so it passed a census for
  // another LA that the import then refused.
  it('takes CSPI_LA when --la is not given, as cspi import does, and names it', () => {
    f.write('env/cin.xml', cinXml(plainCinChildren(2), { lea: '841' }));
    const other = cspiWith({ CSPI_LA: '805' }, `${f.dir}/env`, '--report-dir', `${f.dir}/env-out`);
    assert.equal(other.status, 2, other.stderr);
    assert.match(other.stdout, /S-LA-MISMATCH/);
    assert.match(other.stdout, /CSPI_LA/);
    const same = cspiWith({ CSPI_LA: '841' }, `${f.dir}/env`, '--report-dir', `${f.dir}/env-out`);
    assert.equal(same.status, 0, same.stdout);
    const bad = cspiWith({ CSPI_LA: 'Darlington' }, `${f.dir}/env`, '--report-dir', `${f.dir}/env-out`);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /CSPI_LA Darlington is not an LA code: Darlington is LA 841, so give 841/);
    // --la wins over CSPI_LA.
    const given = cspiWith(
      { CSPI_LA: '805' },
      `${f.dir}/env`,
      '--la',
      '841',
      '--report-dir',
      `${f.dir}/env-out`,
    );
    assert.equal(given.status, 0, given.stdout);
  });
});

describe('cspi validate', () => {
  it('exits 1 when rows are rejected, 2 when refused, writing both report files', () => {
    f.write('set/header.csv', csv(HEADER_COLUMNS, headerRows(10)));
    const rows = episodeRows(10);
    rows[3] = rows[3]!.replace('01/05/2021', '2021-05-01');
    f.write('set/episodes.csv', csv(EPISODE_COLUMNS, rows));
    const one = cspi(`${f.dir}/set`, '--report-dir', `${f.dir}/out`);
    assert.equal(one.status, 1, one.stderr);
    assert.match(one.stdout, /episodes\.csv Episodes\s+10\s+9\s+1/);
    assert.match(one.stdout, /GEN-DATE \(error, DfE 141\): 1/);
    const report = JSON.parse(readFileSync(`${f.dir}/out/validation-report.json`, 'utf8')) as {
      exitCode: number;
      issues: unknown[];
    };
    assert.equal(report.exitCode, 1);
    assert.match(readFileSync(`${f.dir}/out/validation-report.csv`, 'utf8'), /GEN-DATE,error/);

    f.write('bad/episodes.csv', '');
    const two = cspi(`${f.dir}/bad`, '--report-dir', `${f.dir}/out2`, '--json');
    assert.equal(two.status, 2);
    const json = JSON.parse(two.stdout) as { refused: boolean; issues: { code: string }[] };
    assert.equal(json.refused, true);
    assert.equal(json.issues[0]!.code, 'S-EMPTY');
    assert.doesNotMatch(two.stderr, /\n\s+at /, 'no stack trace');
  });
});

describe('cspi validate --json of a refused set', () => {
  // inputs.md §6: "A refused import shows loaded 0 (import refused)". The terminal did; --json and
  // validation-report.json gave each table's rows as loaded (header.csv: loaded 10) beside "refused": true.
  it('gives loaded 0 for every table, as the terminal does, keeping what was read', () => {
    f.write('half/header.csv', csv(HEADER_COLUMNS, headerRows(10)));
    f.write('half/episodes.csv', '');
    const r = cspi(`${f.dir}/half`, '--report-dir', `${f.dir}/half-out`, '--json');
    assert.equal(r.status, 2, r.stderr);
    const json = JSON.parse(r.stdout) as {
      refused: boolean;
      counts: { file: string; read: number; loaded: number }[];
    };
    assert.equal(json.refused, true);
    assert.deepEqual(
      json.counts.map((c) => [c.file, c.read, c.loaded]),
      [['header.csv', 10, 0]],
    );
    const file = JSON.parse(readFileSync(`${f.dir}/half-out/validation-report.json`, 'utf8')) as {
      counts: { loaded: number }[];
    };
    assert.deepEqual(
      file.counts.map((c) => c.loaded),
      [0],
    );
    const text = cspi(`${f.dir}/half`, '--report-dir', `${f.dir}/half-out`);
    assert.match(text.stdout, /header\.csv Header\s+10\s+0 \(import refused\)/);
    // Both report files by their path, as cspi import names them (the JSON was named without its folder).
    assert.ok(
      text.stdout.endsWith(
        `Report: ${f.dir}/half-out/validation-report.csv and ${f.dir}/half-out/validation-report.json\n`,
      ),
      text.stdout,
    );
  });
});
