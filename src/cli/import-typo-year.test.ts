// A typo year before the bank-holiday table (1922 for 2021) in one contacts row, end to end through the CLI as
// an analyst meets it. Before GEN-PAST the row loaded without a word and every figure of the LA then failed
// (`cspi indicators` exit 2: "working days for 1922 are not known … Add 1922's bank holidays", advice wrong for
// a typo, with no pointer to the row). Now the import rejects that row (GEN-PAST, exit 1: rows rejected, the
// rest loaded), naming file, line, field and value, and the indicators compute. The limit follows the table
// (CSPI_BANK_HOLIDAYS can add earlier years), not a fixed 1990.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));

/** Runs `cspi ARGV…` as a child process (sources, not a build; no DATABASE_URL), in `cwd`. */
function cspi(
  argv: readonly string[],
  cwd: string,
  bankHolidays?: string,
): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CSPI_RUN_SOURCES: '1' };
  delete env['DATABASE_URL'];
  delete env['CSPI_LA'];
  delete env['CSPI_BANK_HOLIDAYS'];
  if (bankHolidays !== undefined) env['CSPI_BANK_HOLIDAYS'] = bankHolidays;
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cspi-typo-year-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a contact received in 1922 (a typo) is rejected at import as GEN-PAST, and the indicators still compute', () => {
  const synth = cspi(['synth', '--out', 's', '--years', '1', '--scale', '0.1', '--json'], dir);
  assert.equal(synth.code, 0, synth.stderr);
  const contacts = join(dir, 's', '841', '2021-22', 'local', 'contacts.csv');
  const lines = readFileSync(contacts, 'utf8').split('\n');
  // The first contact's received_at, 2021-…, typed as 1922-… (the lead's `sed '2s/,20\([0-9][0-9]\)-/,1922-/'`).
  const typo = lines[1]!.replace(/,20(\d\d)-/, ',1922-');
  assert.notEqual(typo, lines[1], lines[1]);
  const received = /,(1922-\d\d-\d\d)/.exec(typo)![1]!;
  lines[1] = typo;
  writeFileSync(contacts, lines.join('\n'));

  const imported = cspi(['import', 's/841', '--db', 'p.db', '--json'], dir);
  assert.equal(imported.code, 1, `exit 1: rows rejected, the rest loaded: ${imported.stderr}`);
  const report = JSON.parse(imported.stdout) as {
    status: string;
    issues: {
      code: string;
      severity: string;
      file: string;
      position: string;
      field: string;
      value: string;
      message: string;
    }[];
  };
  const past = report.issues.filter((i) => i.code === 'GEN-PAST');
  assert.deepEqual(
    past.map((i) => [i.severity, i.file, i.position, i.field, i.value, i.message]),
    [
      [
        'error',
        '2021-22/local/contacts.csv',
        'line 2',
        'received_at',
        received,
        `2021-22/local/contacts.csv line 2: received_at ${received} is before 1990, earlier than any date cspi can count working days from; check the year; this row was not loaded.`,
      ],
    ],
  );
  assert.deepEqual(
    report.issues.filter((i) => i.severity === 'error').map((i) => i.code),
    ['GEN-PAST'],
    'the typo row is the only one not loaded',
  );

  const indicators = cspi(['indicators', '--db', 'p.db', '--period', '2021-22-Q4'], dir);
  assert.equal(indicators.code, 0, indicators.stderr);
  assert.doesNotMatch(indicators.stderr, /working days for|bank holidays/);
  assert.match(indicators.stdout, /referrals-decided-1wd/);
});

test("the limit is the bank-holiday table's first year: with 1989's holidays added (CSPI_BANK_HOLIDAYS) a 1989 contact loads", () => {
  mkdirSync(join(dir, 'x'));
  writeFileSync(
    join(dir, 'x', 'contacts.csv'),
    [
      'contact_id,child_id,received_at,decided_at,outcome,source',
      ...[1, 2, 3, 4, 5].map((n) => `K${n},C${n},2021-06-0${n}T09:00,2021-06-0${n + 1}T09:00,nfa,1A`),
      'K9,C9,1989-06-01T09:00,1989-06-02T09:00,nfa,1A',
      '',
    ].join('\n'),
  );
  const holidays = join(dir, 'bank-holidays-1989.csv');
  writeFileSync(
    holidays,
    'date,name\n1989-01-02,New Year\n1989-03-24,Good Friday\n1989-03-27,Easter Monday\n1989-05-01,Early May\n1989-05-29,Spring\n1989-08-28,Summer\n1989-12-25,Christmas Day\n1989-12-26,Boxing Day\n',
  );
  const codes = (r: { stdout: string }): string[] =>
    (JSON.parse(r.stdout) as { issues: { code: string; field: string }[] }).issues.map(
      (i) => `${i.code} ${i.field}`,
    );
  const shipped = cspi(['validate', 'x', '--la', '841', '--json'], dir);
  assert.equal(shipped.code, 1, shipped.stderr);
  assert.deepEqual(codes(shipped), ['GEN-PAST received_at']);
  const extended = cspi(['validate', 'x', '--la', '841', '--json'], dir, holidays);
  assert.equal(extended.code, 0, extended.stderr);
  assert.deepEqual(codes(extended), []);
});
