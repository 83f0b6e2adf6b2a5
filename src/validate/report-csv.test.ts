import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { reportCsv, safeCell } from './report-csv.js';
import type { ValidationIssue } from './issue.js';

const issue: ValidationIssue = {
  code: 'GEN-CODE',
  severity: 'warning',
  file: 'episodes.csv',
  table: 'Episodes',
  position: 'line 3',
  childId: '=cmd|/C calc!A0',
  field: 'PLACE',
  value: '+Z1, "quoted"',
  dfeRule: '143',
  message: "episodes.csv line 3: PLACE '+Z1' is not a valid code in 2025-26.",
};

describe('reportCsv', () => {
  it('neutralises cells that start = + - @ (formula injection)', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1']) assert.equal(safeCell(v), `'${v}`);
    assert.equal(safeCell('WBRI'), 'WBRI');
  });

  it('writes one escaped row per issue under the report columns', () => {
    const text = reportCsv([issue], 'imp-1');
    assert.ok(text.startsWith('\ufeff'));
    const rows = parse(text.slice(1)) as string[][];
    assert.deepEqual(rows[0], [
      'import_id',
      'file',
      'table',
      'position',
      'child_id',
      'field',
      'value',
      'rule',
      'severity',
      'dfe_rule',
      'message',
    ]);
    assert.equal(rows[1]![4], "'=cmd|/C calc!A0");
    assert.equal(rows[1]![6], `'+Z1, "quoted"`);
    assert.equal(rows[1]![7], 'GEN-CODE');
  });
});
