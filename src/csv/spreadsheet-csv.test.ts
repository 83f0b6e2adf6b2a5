import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { safeCell, spreadsheetCsv } from './spreadsheet-csv.js';

const HOSTILE = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];

test('a text cell a spreadsheet would run as a formula gets a leading quote (OWASP)', () => {
  for (const v of HOSTILE) assert.equal(safeCell(v), `'${v}`, JSON.stringify(v));
  assert.equal(safeCell('-3'), "'-3", 'text that looks like a negative number is still text from outside');
});

test('ordinary text is unchanged: ids, codes, dates, words, a quote or formula sign inside', () => {
  for (const v of ['C01001', 'WBRI', '2021-05-01', '01/05/2021', 'Met: 3 days', 'a=b', "O'Neil", '', ' =1'])
    assert.equal(safeCell(v), v);
  assert.equal(safeCell(null), '');
});

test('spreadsheetCsv neutralises text, keeps numbers (a negative figure stays a number) and quotes as RFC 4180', () => {
  const text = spreadsheetCsv(
    ['child', 'change', 'note'],
    [
      ['=1+1', -3, 'a, "b"'],
      ['C1', 0.5, null],
      ['\r=cmd', -0.25, 'line\nbreak'],
    ],
  );
  assert.equal(text, 'child,change,note\n\'=1+1,-3,"a, ""b"""\nC1,0.5,\n"\'\r=cmd",-0.25,"line\nbreak"\n');
  const rows = parse(text) as string[][];
  assert.deepEqual(rows[1], ["'=1+1", '-3', 'a, "b"']);
});

test('spreadsheetCsv: CRLF and a byte order mark when asked', () => {
  assert.equal(spreadsheetCsv(['a'], [['@x']], { recordDelimiter: '\r\n', bom: true }), "\ufeffa\r\n'@x\r\n");
});

test('a cell holding a lone LF or CR is quoted whatever the line end, so no formula starts a row of its own', () => {
  for (const recordDelimiter of ['\n', '\r\n'] as const) {
    const text = spreadsheetCsv(['a', 'b'], [['x\n=1+1', 'y\r@SUM(A1)']], { recordDelimiter });
    assert.deepEqual(parse(text), [
      ['a', 'b'],
      ['x\n=1+1', 'y\r@SUM(A1)'],
    ]);
  }
});
