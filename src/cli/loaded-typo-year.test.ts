// A database that already holds an event date before the bank-holiday table: a contact received 1922-06-01,
// loaded before rule GEN-PAST existed (put into the store here by importDataset, bypassing the rules). Every
// figure of the LA touches that date and fails (exit 2, as before). The message once said only "working days
// for 1922 are not known … Add 1922's bank holidays", advice wrong for a typo, with no pointer to the record.
// It now says a record loaded for the LA has an event date in 1922, names the table and field (never the
// child or the record's values: the text can reach logs), and says how to remove it. That is not "re-import the
// files": a file imported unchanged is skipped as already loaded (its GEN-PAST error is reported, the stored
// record stays), so the message says to validate the files (GEN-PAST names the row), correct the year and
// import the file again; the second test shows both halves.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../ingest/read-inputs.js';
import { importDataset } from '../store/import-dataset.js';
import { openDatabase } from '../store/open.js';
import type { IsoDate } from '../calendar/iso-date.js';

const BIN = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));

/** Runs `cspi ARGV…` as a child process (sources, not a build; no DATABASE_URL), in `cwd`. */
function cspi(argv: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CSPI_RUN_SOURCES: '1' };
  delete env['DATABASE_URL'];
  delete env['CSPI_LA'];
  delete env['CSPI_BANK_HOLIDAYS'];
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cspi-loaded-typo-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'p.db');

const CLEAN = [
  'contact_id,child_id,received_at,decided_at,outcome,source',
  ...[1, 2, 3, 4, 5].map((n) => `K${n},C${n},2021-06-0${n}T09:00,2021-06-0${n + 1}T09:00,referral,1A`),
  '',
].join('\n');
/** The same file with a typo year in its first contact's received_at (1922 for 2021). */
const TYPO = CLEAN.replace('K1,C1,2021-06-01', 'K1,C1,1922-06-01');

/**
 * The store as an import before GEN-PAST left it: contacts.csv with the typo, every row loaded. Read as
 * `cspi import` reads it today (GEN-PAST rejects K1), then K1 is put back as it was loaded then (read from the
 * clean file, its received date set to 1922, the file's date range reaching back to it) and stored by
 * importDataset, bypassing the rules.
 */
async function storeLoadedBeforeGenPast(): Promise<void> {
  mkdirSync(join(dir, 'clean'));
  writeFileSync(join(dir, 'clean', 'contacts.csv'), CLEAN);
  mkdirSync(join(dir, 'la'));
  writeFileSync(join(dir, 'la', 'contacts.csv'), TYPO);
  const options = { la: '841', today: '2022-06-01' as IsoDate };
  const [clean, typo] = [
    await readInputs([join(dir, 'clean')], options),
    await readInputs([join(dir, 'la')], options),
  ];
  assert.deepEqual(
    typo.issues.map((i) => i.code),
    ['GEN-PAST'],
  );
  const k1 = clean.submissions[0]!.tables.contacts!.find((c) => c.childId === 'C1')!;
  const submission = typo.submissions[0]!;
  submission.tables.contacts!.unshift({
    ...k1,
    receivedDate: '1922-06-01' as IsoDate,
    receivedAt: '1922-06-01T09:00',
  });
  const loaded = {
    ...typo,
    issues: [],
    submissions: [{ ...submission, dateRange: { ...submission.dateRange!, start: '1922-06-01' as IsoDate } }],
  };
  const store = await openDatabase(db);
  try {
    assert.equal((await importDataset(store, loaded, { la: '841' })).kind, 'imported');
  } finally {
    await store.close();
  }
}

const MESSAGE =
  'cspi: a record loaded for LA 841 has an event date in 1922 (contacts.csv, received_at), before the England & Wales bank holiday table (1990–2027) begins, so its working days cannot be counted. ' +
  "It is most likely a typo in the year, loaded before cspi rejected such dates: validate the LA's files (cspi validate), where rule GEN-PAST names the row, correct its year and import the file again " +
  '(a file imported unchanged is skipped as already loaded, and the record stays). ' +
  "If the date is real, add 1922's bank holidays (from gov.uk/bank-holidays) to a CSV named by CSPI_BANK_HOLIDAYS or to data/bank-holidays-england-and-wales.csv.\n";

const INDICATORS = ['indicators', '--db', db, '--period', '2021-22-Q1'];

test('cspi indicators and cspi report on a stored 1922 contact name the table and field and say how to remove it (exit 2)', async () => {
  await storeLoadedBeforeGenPast();
  for (const argv of [
    INDICATORS,
    ['report', '--db', db, '--period', '2021-22-Q1', '--out', join(dir, 'r.html')],
  ]) {
    const r = cspi(argv, dir);
    assert.equal(r.code, 2, `${argv[0]}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, MESSAGE, argv[0]);
    assert.doesNotMatch(r.stderr, /C1|K1|06-01|09:00/, 'no child id, record id or value');
  }
});

test('the remedy the message gives works: the unchanged file is skipped, saying its stored copy holds the row; the corrected one replaces the record', () => {
  const again = cspi(['import', 'la', '--la', '841', '--db', db, '--json'], dir);
  assert.equal(again.code, 1, again.stderr);
  const report = JSON.parse(again.stdout) as {
    status: string;
    skippedFiles: string[];
    issues: { code: string; position: string; field: string; message: string }[];
  };
  assert.equal(report.status, 'unchanged');
  assert.deepEqual(report.skippedFiles, ['contacts.csv']);
  assert.deepEqual(
    report.issues.map((i) => [i.code, i.position, i.field]),
    [['GEN-PAST', 'line 2', 'received_at']],
    'validating the files names the row',
  );
  // Once "…; check the year; this row was not loaded.", untrue: the stored copy, loaded before GEN-PAST, holds it.
  assert.equal(
    report.issues[0]!.message,
    'contacts.csv line 2: received_at 1922-06-01 is before 1990, earlier than any date cspi can count working days from; check the year; ' +
      'this row is stored: the file is identical to the copy already loaded (so it was skipped), loaded before cspi rejected such rows; correct the file and import it again.',
  );
  const terminal = cspi(['import', 'la', '--la', '841', '--db', db], dir);
  assert.equal(terminal.code, 1, terminal.stderr);
  assert.match(terminal.stdout, /this row is stored: the file is identical to the copy already loaded/);
  assert.doesNotMatch(terminal.stdout, /not loaded|rejected \(/);
  assert.match(
    terminal.stdout,
    /\nResult: 1 row in error in a file skipped as identical to the copy already loaded \(its message above says whether the stored copy holds it; listed in the report\)\.\n/,
  );
  assert.equal(cspi(INDICATORS, dir).stderr, MESSAGE, 'a file imported unchanged leaves the record');

  writeFileSync(join(dir, 'la', 'contacts.csv'), CLEAN);
  const fixed = cspi(['import', 'la', '--la', '841', '--db', db], dir);
  assert.equal(fixed.code, 0, fixed.stderr);
  const figures = cspi(INDICATORS, dir);
  assert.equal(figures.code, 0, figures.stderr);
  assert.match(figures.stdout, /referrals-decided-1wd/);
});

test('a file holding a typo year imported since GEN-PAST, imported again unchanged: the row is not stored, as the first import left it out', () => {
  mkdirSync(join(dir, 'again'));
  writeFileSync(join(dir, 'again', 'contacts.csv'), TYPO);
  const db2 = join(dir, 'again.db');
  const first = cspi(['import', 'again', '--la', '841', '--db', db2], dir);
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stdout, /check the year; this row was not loaded\./);
  assert.match(first.stdout, /\nResult: 1 row rejected \(not loaded; listed in the report\)\.\n/);
  const again = cspi(['import', 'again', '--la', '841', '--db', db2], dir);
  assert.equal(again.code, 1, again.stderr);
  assert.match(
    again.stdout,
    /check the year; this row is not stored: the file is identical to the copy already loaded \(so it was skipped\), which left it out too\./,
  );
  assert.match(again.stdout, /\nNothing new: every file is identical to one already loaded/);
});
