import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTerminalSummary } from './report-terminal.js';
import { child, ingestResult, staged } from '../store/test-records.js';
import type { RowCount } from './issue.js';
import { structuralIssue } from '../ingest/refusal.js';

const lastLine = (text: string): string => text.split('\n').at(-1)!;
const clean = ingestResult('841', [staged('ssda903', '2021-22', { children: [child('C1')] })]);
const withRejected = (rejected: number) =>
  ingestResult('841', [staged('ssda903', '2021-22', { children: [child('C1')] })], {
    counts: [
      {
        file: 'header.csv',
        table: 'Header',
        read: 1 + rejected,
        loaded: 1,
        rejected,
        warnings: 0,
        queries: 0,
      },
    ] satisfies RowCount[],
  });

test('cspi validate ends with what an import would do', () => {
  assert.equal(lastLine(formatTerminalSummary(clean)), 'Result: everything would load.');
  assert.equal(
    lastLine(formatTerminalSummary(withRejected(2))),
    'Result: 2 rows would be rejected; the rest would load.',
  );
  assert.equal(
    lastLine(formatTerminalSummary({ ...clean, refused: true })),
    'Result: refused. Fix the structural problems above and run again.',
  );
});

test('cspi import ends with what it left out, not with what an import would do (its own line follows)', () => {
  const imported = (r: typeof clean) => lastLine(formatTerminalSummary(r, { mode: 'import' }));
  assert.equal(imported(clean), 'Result: no row rejected.');
  assert.equal(imported(withRejected(1)), 'Result: 1 row rejected (not loaded; listed in the report).');
});

// A refused import's own line ("Import refused: nothing was loaded; …") says what became of it; the summary
// said "nothing would be loaded" and "Result: refused" before it, as if nothing had been tried.
test('a refused set: validate says what an import would do; import lists the problems for its own line', () => {
  const cut = structuralIssue('S-TRUNCATED', 'episodes.csv', 'line 5', 'episodes.csv line 5: cut short.');
  const refused = { ...clean, refused: true, issues: [cut] };
  assert.deepEqual(formatTerminalSummary(refused).split('\n').slice(-4), [
    'The import is refused (1 structural problem); nothing would be loaded:',
    '  S-TRUNCATED  episodes.csv line 5: cut short.',
    '',
    'Result: refused. Fix the structural problems above and run again.',
  ]);
  const imported = formatTerminalSummary(refused, { mode: 'import' });
  assert.deepEqual(imported.split('\n').slice(-2), [
    'Structural problems (1):',
    '  S-TRUNCATED  episodes.csv line 5: cut short.',
  ]);
  assert.doesNotMatch(imported, /would|Result:/);
});

test('cspi import does not count as rejected now the rows in error of files it skipped as already loaded', () => {
  const two = ingestResult('841', [staged('ssda903', '2021-22', { children: [child('C1')] })], {
    counts: [
      { file: 'header.csv', table: 'Header', read: 3, loaded: 1, rejected: 2, warnings: 0, queries: 0 },
      { file: 'episodes.csv', table: 'Episodes', read: 2, loaded: 1, rejected: 1, warnings: 0, queries: 0 },
    ] satisfies RowCount[],
  });
  const imported = (skipped: string[]) =>
    lastLine(formatTerminalSummary(two, { mode: 'import', skippedFiles: new Set(skipped) }));
  assert.equal(imported([]), 'Result: 3 rows rejected (not loaded; listed in the report).');
  assert.equal(
    imported(['episodes.csv']),
    'Result: 2 rows rejected (not loaded; listed in the report); 1 row in error in a file skipped as identical to the copy already loaded (its message above says whether the stored copy holds it; listed in the report).',
  );
  assert.equal(
    imported(['episodes.csv', 'header.csv']),
    'Result: 3 rows in error in 2 files skipped as identical to the copies already loaded (each message above says whether the stored copy holds the row; listed in the report).',
  );
});
