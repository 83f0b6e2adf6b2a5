import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputFiles, commonFolder, isSkippedName } from './collect-input-files.js';
import { unreadable } from './refusal.js';

test("a folder walk skips Windows' hidden folder files (desktop.ini, Thumbs.db), which a copied share holds", () => {
  // Hidden on Windows by an attribute, not a leading dot: desktop.ini used to refuse the whole import as a CSV
  // matching no table.
  for (const name of ['desktop.ini', 'Desktop.ini', 'Thumbs.db', 'thumbs.db', 'ehthumbs.db'])
    assert.equal(isSkippedName(name), true, name);
  assert.equal(isSkippedName('settings.ini'), false);
});

test('a folder walk skips hidden files, Office lock files and an embedded database beside the returns', async () => {
  for (const name of ['.DS_Store', '~$header.csv', 'cspi.db', 'cspi.db-wal', 'cspi.db-shm', 'x.DB-journal'])
    assert.equal(isSkippedName(name), true, name);
  for (const name of ['header.csv', 'cin_census.xml', 'annex_a.xlsx', 'db.csv', 'returns.zip'])
    assert.equal(isSkippedName(name), false, name);
  const dir = mkdtempSync(join(tmpdir(), 'cspi-collect-'));
  try {
    for (const f of ['header.csv', 'cspi.db', 'cspi.db-wal', 'cspi.db-shm', '.hidden.csv'])
      writeFileSync(join(dir, f), 'x');
    const { files, issues } = await collectInputFiles([dir]);
    assert.deepEqual(
      files.map((f) => f.name),
      ['header.csv'],
    );
    assert.deepEqual(issues, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder walk skips cspi's own validation report, which validate and import write to the current folder", async () => {
  // Run twice in the returns' folder (cspi validate ., then cspi import .), the second run was refused:
  // S-UNRECOGNISED validation-report.csv and validation-report.json, written by the first.
  for (const name of ['validation-report.csv', 'validation-report.json', 'Validation-Report.CSV'])
    assert.equal(isSkippedName(name), true, name);
  assert.equal(isSkippedName('validation.csv'), false);
  const dir = mkdtempSync(join(tmpdir(), 'cspi-collect-'));
  try {
    for (const f of ['header.csv', 'validation-report.csv', 'validation-report.json'])
      writeFileSync(join(dir, f), 'x');
    const { files, issues } = await collectInputFiles([dir]);
    assert.deepEqual(
      files.map((f) => f.name),
      ['header.csv'],
    );
    assert.deepEqual(issues, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files are named by their path from the folder holding them all: unique, and short when they share one', async () => {
  assert.equal(commonFolder(['/data/841/2020-21', '/data/841/2021-22/ssda903']), '/data/841');
  assert.equal(commonFolder(['/data/841/2021-22']), '/data/841/2021-22');
  assert.equal(commonFolder(['/a/x', '/b/x']), '/');
  assert.equal(commonFolder(['/data/84', '/data/841']), '/data', 'whole folder names, not prefixes');
  const dir = mkdtempSync(join(tmpdir(), 'cspi-collect-'));
  try {
    for (const year of ['2020-21', '2021-22']) {
      mkdirSync(join(dir, year, 'ssda903'), { recursive: true });
      writeFileSync(join(dir, year, 'ssda903', 'episodes.csv'), 'x');
    }
    writeFileSync(join(dir, 'workers.csv'), 'x');
    const all = await collectInputFiles([dir]);
    assert.deepEqual(
      all.files.map((f) => f.name),
      ['2020-21/ssda903/episodes.csv', '2021-22/ssda903/episodes.csv', 'workers.csv'],
    );
    const year = await collectInputFiles([join(dir, '2021-22')]);
    assert.deepEqual(
      year.files.map((f) => f.name),
      ['episodes.csv'],
    );
    const two = await collectInputFiles([
      join(dir, '2021-22', 'ssda903', 'episodes.csv'),
      join(dir, '2020-21', 'ssda903', 'episodes.csv'),
    ]);
    assert.deepEqual(
      two.files.map((f) => f.name),
      ['2020-21/ssda903/episodes.csv', '2021-22/ssda903/episodes.csv'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file or folder the system will not let cspi read refuses the import by name; any other failure is a bug', () => {
  const err = (code: string): Error => Object.assign(new Error(`${code}: child C123 in path`), { code });
  const denied = unreadable(err('EACCES'), '/shared/returns/903', 'folder')!;
  assert.equal(denied.code, 'S-NOT-READABLE');
  assert.equal(denied.severity, 'structural');
  assert.equal(denied.file, '903');
  assert.equal(
    denied.message,
    '/shared/returns/903: cspi is not allowed to read this folder (permission denied): give it read access, or leave the folder out, and re-run.',
  );
  assert.equal(unreadable(err('EPERM'), 'a/episodes.csv', 'file')!.code, 'S-NOT-READABLE');
  const gone = unreadable(err('ENOENT'), 'a/episodes.csv', 'file')!;
  assert.equal(gone.code, 'S-NOT-FOUND');
  assert.equal(gone.file, 'episodes.csv');
  assert.match(gone.message, /^a\/episodes\.csv disappeared while the files were being read/);
  assert.match(
    unreadable(err('EIO'), 'a\\b.csv', 'file')!.message,
    /^a\\b\.csv: the file could not be read \(system error EIO\)/,
  );
  // The error's own text (which may quote data) is never in the message.
  for (const code of ['EACCES', 'ENOENT', 'EIO'])
    assert.doesNotMatch(unreadable(err(code), 'x', 'file')!.message, /C123/);
  assert.equal(unreadable(new TypeError('x'), 'x', 'file'), null);
  assert.equal(unreadable(undefined, 'x', 'file'), null);
});

test(
  'a folder walk meeting a subfolder it may not read refuses the import, naming the folder',
  { skip: process.getuid?.() === 0 ? 'root reads any folder' : false },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspi-walk-'));
    try {
      writeFileSync(join(dir, 'episodes.csv'), 'x\n');
      mkdirSync(join(dir, 'private'));
      chmodSync(join(dir, 'private'), 0o000);
      const r = await collectInputFiles([dir]);
      chmodSync(join(dir, 'private'), 0o700);
      assert.deepEqual(
        r.issues.map((i) => [i.code, i.file]),
        [['S-NOT-READABLE', 'private']],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
