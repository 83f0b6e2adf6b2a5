import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValidationIssue } from './issue.js';
import { noteSkippedFiles, rowErrorKey } from './skipped-file-issues.js';

const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
  code: 'GEN-PAST',
  severity: 'error',
  file: 'contacts.csv',
  table: 'contacts',
  position: 'line 2',
  childId: 'C1',
  field: 'received_at',
  value: '1922-06-01',
  dfeRule: null,
  message:
    'contacts.csv line 2: received_at 1922-06-01 is before 1990; check the year; this row was not loaded.',
  ...over,
});

test("a skipped file's row error says whether the stored copy holds the row, by the earlier import's errors", () => {
  const skipped = new Map([['contacts.csv', 'ab12']]);
  const past = issue({});
  const [stored] = noteSkippedFiles([past], skipped, new Set());
  assert.equal(
    stored!.message,
    'contacts.csv line 2: received_at 1922-06-01 is before 1990; check the year; this row is stored: the file is identical to the copy already loaded (so it was skipped), loaded before cspi rejected such rows; correct the file and import it again.',
  );
  const [left] = noteSkippedFiles(
    [past],
    skipped,
    new Set([rowErrorKey('ab12', 'contacts', 'line 2', 'GEN-PAST')]),
  );
  assert.equal(
    left!.message,
    'contacts.csv line 2: received_at 1922-06-01 is before 1990; check the year; this row is not stored: the file is identical to the copy already loaded (so it was skipped), which left it out too.',
  );
  assert.deepEqual({ ...left!, message: past.message }, past, 'only the message changes');
});

test('issues of files loaded now, warnings, and a CIN element are told as fitting', () => {
  const skipped = new Map([['cin.xml', 'cd34']]);
  const other = issue({});
  const warning = issue({ file: 'cin.xml', severity: 'warning', message: 'cin.xml …: odd.' });
  const cin = issue({
    file: 'cin.xml',
    table: 'CINdetails',
    position: '/Message/Children/Child[3]/CINdetails[1] line 40:7',
    message:
      'cin.xml …: CINreferralDate 1922-01-01 is before 1990; check the year; this CINdetails and everything in it was not loaded.',
  });
  const [a, b, c] = noteSkippedFiles([other, warning, cin], skipped, new Set());
  assert.equal(a, other);
  assert.equal(b, warning);
  assert.equal(
    c!.message,
    'cin.xml …: CINreferralDate 1922-01-01 is before 1990; check the year; this CINdetails and everything in it is stored: the file is identical to the copy already loaded (so it was skipped), loaded before cspi rejected such rows; correct the file and import it again.',
  );
});
