import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { mapLabel, loadLabelMap, normaliseLabel } from './label-map.js';
import { listNumberOf } from './annex-a-lists.js';
import { LIST_3_HEADER } from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const l3 = wb.addWorksheet('List 3');
  l3.addRow(['Annex A List 3: Referrals']);
  l3.addRow([]);
  l3.addRow([...LIST_3_HEADER, 'Notes']);
  const rows: unknown[][] = [
    [
      'C1',
      'a) Male',
      'WBRI - White British',
      new Date(Date.UTC(2012, 0, 5)),
      9,
      new Date(Date.UTC(2021, 5, 1)),
      'b) 1B: Individual',
      'No',
      1,
      'T1',
      'W1',
      'x',
    ],
    ['C2', '1 - Female', 'Martian', '05/01/2013', 8, '02/06/2021', 'Schools', 'Yes', 1, 'T1', 'W1', ''],
    ['C3', 'M', 'WBRI', '2014-01-05', 7, '2021-06-03', 'a) Individual', 'No', 1, 'T1', 'W1', ''],
    ['', 'M', 'WBRI', '2014-01-05', 7, '2021-06-03', '6', 'No', 1, 'T1', 'W1', ''],
    ['C5', 'M', 'WBRI', '2014-01-05', 7, '31/02/2021', '6', 'No', 1, 'T1', 'W1', ''],
  ];
  for (const r of rows) l3.addRow(r);
  const l7 = wb.addWorksheet('list_7');
  l7.addRow([
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age',
    'Disability',
    'Plan Start Date',
    'Initial Category of Abuse',
    'Latest Category of Abuse',
    'Date of the Last Statutory Visit',
    'Seen Alone?',
    'Date of latest review conference',
    'Plan End Date',
    'Subject to EPO or police powers',
    'Number of Previous Child Protection Plans',
    'Allocated Team',
    'Allocated Worker',
  ]);
  l7.addRow([
    'C1',
    'Male',
    'WBRI',
    '05/01/2012',
    9,
    'NONE',
    '10/06/2021',
    'Neglect',
    'c) Emotional abuse',
    '01/07/2021',
    'Yes',
    '01/09/2021',
    '',
    'No',
    0,
    'T',
    'W',
  ]);
  const p = `${f.dir}/annex-a.xlsx`;
  await wb.xlsx.writeFile(p);
  return p;
}

describe('Annex A', () => {
  it('normalises and maps labels tolerantly', () => {
    assert.equal(normaliseLabel('  a)  Male '), 'male');
    assert.deepEqual(mapLabel(loadLabelMap('gender'), 'a) Male'), { kind: 'code', code: 'M' });
    assert.deepEqual(mapLabel(loadLabelMap('gender'), '1 - Male'), { kind: 'code', code: 'M' });
    assert.deepEqual(mapLabel(loadLabelMap('referral-source'), 'b) 1B: Individual'), {
      kind: 'code',
      code: '1B',
    });
    assert.deepEqual(mapLabel(loadLabelMap('referral-source'), 'a) Individual'), { kind: 'group' });
    assert.deepEqual(mapLabel(loadLabelMap('ethnicity'), 'WBRI - White British'), {
      kind: 'code',
      code: 'WBRI',
    });
    assert.deepEqual(mapLabel(loadLabelMap('ethnicity'), 'Martian'), { kind: 'unmapped' });
    assert.equal(listNumberOf('LIST_3'), 3);
    assert.equal(listNumberOf('Lists'), null);
  });

  it('reads List 3 and List 7 into fallback records, listing bad rows and unknown labels', async () => {
    const p = await workbook();
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false, JSON.stringify(r.issues.filter((i) => i.severity === 'structural')));
    const s = r.submissions[0]!;
    assert.equal(s.source, 'annex-a');
    assert.deepEqual(
      recordsOf(s.tables.referrals).map((x) => [x.childId, x.referralDate, x.referralSource, x.referralNfa]),
      [
        ['C1', '2021-06-01', '1B', false],
        ['C2', '2021-06-02', '2A', true],
        ['C3', '2021-06-03', null, false],
      ],
    );
    assert.equal(recordsOf(s.tables.referrals)[0]!.source.position, 'List 3!A4');
    const cp = recordsOf(s.tables.cpPlans)[0]!;
    assert.deepEqual(
      [cp.startDate, cp.initialCategoryOfAbuse, cp.latestCategoryOfAbuse, cp.reviewDates],
      ['2021-06-10', 'NEG', 'EMO', ['2021-09-01']],
    );
    // List 7's allocation beside the plan, as at the workbook's latest event date (its review, 01/09/2021).
    assert.deepEqual(s.tables.annexACp, [
      {
        id: 'C1/2021-06-10',
        childId: 'C1',
        asAt: '2021-09-01',
        startDate: '2021-06-10',
        endDate: null,
        team: 'T',
        worker: 'W',
        source: { file: 'annex-a.xlsx', position: 'List 7!A2' },
      },
    ]);
    assert.equal(s.tables.children!.find((c) => c.childId === 'C1')!.sex, 'M');
    const codes = r.issues.map((i) => i.code);
    assert.ok(codes.includes('AA-EXTRA-COLUMN'));
    assert.equal(
      r.issues.find((i) => i.code === 'AA-UNMAPPED')!.message,
      "annex-a.xlsx List 3!C5: Ethnicity 'Martian' is not a label cspi knows; loaded as unknown (add it to data/annex-a/ethnicity.json).",
    );
    assert.equal(
      r.issues.find((i) => i.code === 'AA-CHILD-ID')!.message,
      'annex-a.xlsx List 3!A7: Child Unique ID is blank; this row was not loaded.',
    );
    assert.match(
      r.issues.find((i) => i.code === 'AA-DATE')!.message,
      /^annex-a\.xlsx List 3!F8: Date of referral '31\/02\/2021' is not a date/,
    );
    // Each row issue's position is the cell its message names (inputs.md §6, `Sheet!Cell`): the wrong value's
    // cell; a blank Child Unique ID's own cell for the row's missing key.
    assert.deepEqual(
      r.issues
        .filter((i) => i.table === 'List 3' && i.code !== 'AA-EXTRA-COLUMN')
        .map((i) => [i.code, i.position, i.field]),
      [
        ['AA-UNMAPPED', 'List 3!C5', 'Ethnicity'],
        ['AA-CHILD-ID', 'List 3!A7', 'Child Unique ID'],
        ['AA-DATE', 'List 3!F8', 'Date of referral'],
      ],
    );
    assert.ok(r.issues.some((i) => i.code === 'AA-SHEET-ABSENT' && /no List 1 \(Contacts\)/.test(i.message)));
    assert.deepEqual(
      r.counts.find((c) => c.table === 'List 3'),
      { file: 'annex-a.xlsx', table: 'List 3', read: 5, loaded: 3, rejected: 2, warnings: 2, queries: 0 },
    );
    assert.equal(s.dateRange?.start, '2021-06-01');
  });
});
