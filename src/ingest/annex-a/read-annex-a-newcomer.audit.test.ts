import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import ExcelJS from 'exceljs';
import { LIST_3_HEADER, writeWorkbook, xd } from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

const list3 = (id: string, referral: unknown): unknown[] => [
  id,
  'Male',
  'WBRI',
  xd('2014-01-05'),
  7,
  referral,
  'Schools',
  'No',
  1,
  'T1',
  'W1',
];

async function read(name: string, rows: unknown[][]): Promise<Awaited<ReturnType<typeof readInputs>>> {
  const p = await writeWorkbook(`${f.dir}/${name}`, { 'List 3': rows });
  return readInputs([p], { today: TODAY, la: '841', year: '2021-22', limits: { maxRejectRate: 1 } });
}

// A newcomer's Annex A workbooks, broken as an analyst's often are (inputs.md §4).
describe('an Annex A list', () => {
  it('with title rows above its header, within the top 10 rows, is read', async () => {
    const r = await read('titled.xlsx', [
      ['Annex A List 3: Referrals'],
      [],
      LIST_3_HEADER,
      list3('C1', xd('2021-06-01')),
    ]);
    assert.equal(r.counts.find((c) => c.table === 'List 3')?.loaded, 1);
  });

  // The header below row 10 is not read (§4: the first of the top 10 rows); the warning used to say only that
  // none was found, about a sheet whose header the analyst can see.
  it('with its header below row 10 is not read, and the warning names the row that looks like its header', async () => {
    const notes = Array.from({ length: 14 }, (_, i) => [`note ${i + 1}`]);
    const r = await read('late.xlsx', [...notes, LIST_3_HEADER, list3('C1', xd('2021-06-01'))]);
    assert.deepEqual(
      r.issues.filter((i) => i.position === 'List 3!A1').map((i) => [i.code, i.message]),
      [
        [
          'AA-SHEET-ABSENT',
          'late.xlsx List 3: no header row found in the first 10 rows (expected columns such as Child Unique ID, Gender, Ethnicity); the sheet was not read. Row 15 looks like its header: delete rows above it so that it is within the first 10, and re-import.',
        ],
      ],
    );
  });

  it('with no header at all is not read, and no row is named as one', async () => {
    const r = await read('headless.xlsx', [list3('C1', xd('2021-06-01')), list3('C2', xd('2021-06-02'))]);
    assert.deepEqual(
      r.issues.filter((i) => i.position === 'List 3!A1').map((i) => i.message),
      [
        'headless.xlsx List 3: no header row found in the first 10 rows (expected columns such as Child Unique ID, Gender, Ethnicity); the sheet was not read.',
      ],
    );
  });
});

// Excel keeps a merged range's value in its first cell only; the analyst sees it across the merged rows. A
// child id merged over two rows (one child, two referrals) left the second row's id blank, and "Child Unique
// ID is blank" at a cell showing C1 puzzled. The message now says the cell is merged, and how to fix it.
describe('an Annex A list with merged cells', () => {
  it("says so in a blank cell's message", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('List 3');
    ws.addRow(['Annex A List 3: Referrals']);
    ws.mergeCells('A1:K1');
    ws.addRow(LIST_3_HEADER);
    ws.addRow(list3('C1', xd('2021-06-01')));
    ws.addRow(list3('', xd('2021-07-01')));
    ws.mergeCells('A3:A4');
    ws.addRow(list3('C2', xd('2021-06-01')));
    ws.addRow(list3('C3', null));
    ws.mergeCells('F5:F6');
    ws.addRow(list3('', xd('2021-08-01')));
    const p = `${f.dir}/merged.xlsx`;
    await wb.xlsx.writeFile(p);
    const r = await readInputs([p], { today: TODAY, la: '841', limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.position, i.message]),
      [
        [
          'AA-CHILD-ID',
          'List 3!A4',
          'merged.xlsx List 3!A4: Child Unique ID is blank (A4 is in the merged cells A3:A4, whose value Excel keeps in A3 alone: unmerge them and fill in each row); this row was not loaded.',
        ],
        [
          'AA-DATE',
          'List 3!F6',
          'merged.xlsx List 3!F6: Date of referral is blank (F6 is in the merged cells F5:F6, whose value Excel keeps in F5 alone: unmerge them and fill in each row); this row was not loaded.',
        ],
        [
          'AA-CHILD-ID',
          'List 3!A7',
          'merged.xlsx List 3!A7: Child Unique ID is blank; this row was not loaded.',
        ],
      ],
    );
  });
});

// A cell that shows an Excel error, or whose formula was saved without its result (a workbook written by a
// program that does not calculate; exceljs drops a formula's error result too), reads as blank: "Child Unique ID is blank" at a cell showing #N/A, or a
// formula, sent the analyst looking for an empty cell. The message now says what the cell holds.
describe('an Annex A key cell holding an error or an unsaved formula', () => {
  it('says so in its blank message', async () => {
    const r = await read('formulas.xlsx', [
      LIST_3_HEADER,
      list3('C1', xd('2021-06-01')),
      list3({ error: '#N/A' } as unknown as string, xd('2021-06-01')),
      list3('C3', { formula: 'DATE(2021,6,1)' }),
      list3('C4', { formula: 'F2', result: { error: '#REF!' } }),
      list3({ formula: 'A2', result: 'C5' } as unknown as string, xd('2021-06-01')),
    ]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.message]),
      [
        [
          'AA-CHILD-ID',
          'formulas.xlsx List 3!A3: Child Unique ID is blank (the cell shows the Excel error #N/A: correct it in the workbook); this row was not loaded.',
        ],
        [
          'AA-DATE',
          'formulas.xlsx List 3!F4: Date of referral is blank (the cell holds a formula with no result cspi can read: an Excel error such as #REF!, or a formula never calculated; correct it in Excel, save the workbook and re-import); this row was not loaded.',
        ],
        [
          'AA-DATE',
          'formulas.xlsx List 3!F5: Date of referral is blank (the cell holds a formula with no result cspi can read: an Excel error such as #REF!, or a formula never calculated; correct it in Excel, save the workbook and re-import); this row was not loaded.',
        ],
      ],
    );
    assert.deepEqual(
      recordsOf(r.submissions[0]?.tables.referrals).map((x) => x.childId),
      ['C1', 'C5'],
      "a formula's saved result is read",
    );
  });
});

// inputs.md §4 is silent on merged cells. Reading taken: a merged cell's value applies to every row of the
// merge, as Excel shows it on each (what the analyst sees), for every column but the row's identity (child
// id, key date: refused with the explanation above). A Referral Source or Gender merged over a child's rows
// loaded the lower rows as unknown, with no message.
describe('an Annex A list with a label or text merged over several rows', () => {
  it('reads the merged value on every row of the merge', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('List 3');
    ws.addRow(LIST_3_HEADER);
    ws.addRow(list3('C1', xd('2021-06-01')));
    ws.addRow(list3('C2', xd('2021-06-02')));
    ws.addRow(list3('C3', xd('2021-06-03')));
    ws.addRow(list3('C4', xd('2021-06-04')));
    for (const r of [3, 4]) {
      ws.getCell(`B${r}`).value = null;
      ws.getCell(`G${r}`).value = null;
      ws.getCell(`K${r}`).value = null;
    }
    ws.getCell('B2').value = 'Female';
    ws.getCell('G2').value = 'Police';
    ws.getCell('K2').value = 'W7';
    ws.mergeCells('B2:B4'); // Gender
    ws.mergeCells('G2:G4'); // Referral Source
    ws.mergeCells('K2:K4'); // Allocated Worker
    const p = `${f.dir}/merged-labels.xlsx`;
    await wb.xlsx.writeFile(p);
    const r = await readInputs([p], { today: TODAY, la: '841', limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.table === 'List 3'),
      [],
      'no issue: every row reads as Excel shows it',
    );
    const referrals = recordsOf(r.submissions[0]?.tables.referrals);
    assert.deepEqual(
      referrals.map((x) => [x.childId, x.referralSource]),
      [
        ['C1', '6'],
        ['C2', '6'],
        ['C3', '6'],
        ['C4', '2A'],
      ],
    );
    const children = r.submissions[0]?.tables.children ?? [];
    assert.deepEqual(
      children.map((c) => [c.childId, c.sex]),
      [
        ['C1', 'F'],
        ['C2', 'F'],
        ['C3', 'F'],
        ['C4', 'M'],
      ],
    );
  });
});
