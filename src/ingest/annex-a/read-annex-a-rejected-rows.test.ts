import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { readInputs } from '../read-inputs.js';
import { buildZip } from '../zip-fixture.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import {
  LIST_3_HEADER,
  LIST_7_HEADER,
  list7Row,
  LIST_9_HEADER,
  list9Row,
  writeWorkbook,
  xd,
} from './annex-a-test-workbook.js';

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

/** A List 7 row with its last statutory visit, latest review conference and end (a date cell of birth). */
const list7 = (id: string, start: unknown, visit: unknown, review: unknown, end: unknown = ''): unknown[] =>
  list7Row(id, start, { visit, review, end, dob: xd('2012-01-05') });

describe('Annex A GEN-DUP-KEY position', () => {
  it("names the key's cell (the key date's column), not column A, and the first row's key cell", async () => {
    // inputs.md §6: a position is `Sheet!Cell`, the cell the issue is about. A List 3 row is keyed by child and
    // Date of referral (§4): the repeat is that date's cell, F3, repeating F2.
    const p = await writeWorkbook(`${f.dir}/dup-3.xlsx`, {
      'List 3': [
        LIST_3_HEADER,
        list3('C1', xd('2021-06-01')),
        list3('C1', xd('2021-06-01')),
        list3('C2', xd('2021-06-02')),
      ],
    });
    // The two rows differ only in Age, so the repeat is a repeated key, not an identical row.
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    const dup = r.issues.filter((i) => i.code === 'GEN-DUP-KEY' || i.code === 'GEN-DUP-ROW');
    assert.deepEqual(
      dup.map((i) => [i.code, i.table, i.position, i.childId, i.field, i.message]),
      [
        [
          'GEN-DUP-ROW',
          'List 3',
          'List 3!A3',
          'C1',
          null,
          'dup-3.xlsx List 3!A3: this repeats List 3!A2 exactly; this row was not loaded.',
        ],
      ],
      'an identical row is a whole-row issue, at the row',
    );
    const p2 = await writeWorkbook(`${f.dir}/dup-3b.xlsx`, {
      'List 3': [
        LIST_3_HEADER,
        list3('C1', xd('2021-06-01')),
        ['C1', 'Male', 'WBRI', xd('2014-01-05'), 8, xd('2021-06-01'), 'Police', 'No', 2, 'T1', 'W1'],
        list3('C2', xd('2021-06-02')),
      ],
    });
    const r2 = await readInputs([p2], { today: TODAY, limits: { maxRejectRate: 1 } });
    const dup2 = r2.issues.filter((i) => i.code === 'GEN-DUP-KEY');
    assert.deepEqual(
      dup2.map((i) => [i.table, i.position, i.childId, i.field, i.value, i.message]),
      [
        [
          'List 3',
          'List 3!F3',
          'C1',
          'Date of referral',
          '01/06/2021',
          'dup-3b.xlsx List 3!F3: child C1 already has a List 3 row with Date of referral 01/06/2021 (List 3!F2); this row was not loaded.',
        ],
      ],
    );
  });

  it('List 9 (keyed by the child alone): the Child Unique ID cell, wherever that column is', async () => {
    // Columns moved: Child Unique ID in column B.
    const header = ['Notes', ...LIST_9_HEADER];
    const row = (cells: Record<string, unknown>): unknown[] => ['', ...list9Row(cells)];
    const p = await writeWorkbook(`${f.dir}/dup-9.xlsx`, {
      'List 9': [
        header,
        row({ 'Child Unique ID': 'L1' }),
        row({ 'Child Unique ID': 'L2' }),
        row({ 'Child Unique ID': 'L1', 'Latest date of contact': xd('2022-02-01') }),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    const dup = r.issues.filter((i) => i.code === 'GEN-DUP-KEY');
    assert.deepEqual(
      dup.map((i) => [i.position, i.childId, i.field, i.message]),
      [
        [
          'List 9!B4',
          'L1',
          'Child Unique ID',
          'dup-9.xlsx List 9!B4: child L1 already has a List 9 row (List 9!B2); this row was not loaded.',
        ],
      ],
    );
  });
});

describe('Annex A List 7 repeated key', () => {
  it("rejects the repeated row's allocation with its plan (one row, one GEN-DUP-KEY)", async () => {
    // A List 7 row gives a CP plan and its allocation (the cp-allocated-sw fallback). The repeated row's plan was
    // rejected, but its allocation loaded beside the first row's, naming a worker the loaded row does not.
    const row = (review: string, worker: string): unknown[] => [
      ...list7('C1', xd('2021-06-10'), xd('2021-07-01'), xd(review)).slice(0, 16),
      worker,
    ];
    const p = await writeWorkbook(`${f.dir}/dup-7.xlsx`, {
      'List 7': [LIST_7_HEADER, row('2021-09-01', 'Unallocated'), row('2021-09-02', 'W2')],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.position]),
      [['GEN-DUP-KEY', 'List 7!G3']],
    );
    const s = r.submissions[0]!;
    assert.deepEqual(
      s.tables.annexACp!.map((x) => [x.source.position, x.worker]),
      [['List 7!A2', 'Unallocated']],
    );
    assert.deepEqual(
      r.counts.find((c) => c.table === 'List 7'),
      { file: 'dup-7.xlsx', table: 'List 7', read: 2, loaded: 1, rejected: 1, warnings: 0, queries: 0 },
    );
  });
});

describe('Annex A as-at date and rejected rows', () => {
  it('a row rejected for a bad or blank key date, or a future date, does not move the as-at date', async () => {
    // The as-at date is the workbook's latest event date (inputs.md §1). A row rejected for AA-DATE (its key date
    // unreadable or blank) or GEN-FUTURE is not loaded, so none of its dates is an event of the workbook.
    const p = await writeWorkbook(`${f.dir}/as-at.xlsx`, {
      'List 3': [LIST_3_HEADER, list3('C1', xd('2021-06-01'))],
      'List 7': [
        LIST_7_HEADER,
        list7('C1', xd('2021-06-10'), xd('2021-07-01'), xd('2021-09-01')),
        // AA-DATE: the key date is not a date; its review (later than every loaded date) must not count.
        list7('C2', '31/02/2021', xd('2021-07-02'), xd('2022-01-15')),
        // AA-DATE: the key date is blank; its visit must not count.
        list7('C3', '', xd('2022-02-01'), ''),
        // GEN-FUTURE: the plan end is after today; the review before it must not count either. (A review or
        // last visit after today is left out alone, its plan loaded: read-annex-a-review-dates.test.ts.)
        list7('C4', xd('2021-06-12'), xd('2021-07-04'), xd('2022-03-01'), xd('2030-01-01')),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.position]),
      [
        ['AA-DATE', 'List 7!G3'],
        ['AA-DATE', 'List 7!G4'],
        ['GEN-FUTURE', 'List 7!M5'],
      ],
    );
    const s = r.submissions[0]!;
    assert.equal(s.asAt, '2021-09-01', "C1's review, the latest date of a loaded row");
    assert.deepEqual(s.dateRange, { start: '2021-06-01', end: '2021-06-10' });
  });
});

describe('Annex A list without its key column', () => {
  it('is not read (AA-SHEET-ABSENT naming the missing column), never loaded with a blank key', async () => {
    // A misspelt key column ("Date of refferal") used to leave the List 3 rows loaded with no referral date
    // (records keyed `A1/undefined`). Reading of inputs.md §4/§6: a list whose key column is not in its header
    // row cannot be read, as a sheet with no header row: AA-SHEET-ABSENT (warning), the sheet not read.
    const header = LIST_3_HEADER.map((h) => (h === 'Date of referral' ? 'Date of refferal' : h));
    const p = await writeWorkbook(`${f.dir}/no-key.xlsx`, {
      'List 3': [header, list3('A1', xd('2021-06-01')), list3('A2', xd('2021-06-02'))],
      'List 7': [LIST_7_HEADER, list7('C1', xd('2021-06-10'), xd('2021-07-01'), xd('2021-09-01'))],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false);
    const absent = r.issues.filter((i) => i.code === 'AA-SHEET-ABSENT' && i.table === 'List 3');
    assert.deepEqual(
      absent.map((i) => [i.severity, i.position, i.field, i.message]),
      [
        [
          'warning',
          'List 3!A1',
          'Date of referral',
          "no-key.xlsx List 3!A1: the header row has no 'Date of referral' column (the date each List 3 row is keyed by), so the sheet was not read; columns not recognised: 'Date of refferal' (F1). Name the column 'Date of referral' and re-import.",
        ],
      ],
    );
    // One mistake, one report: the misspelt cell is named in AA-SHEET-ABSENT's message, not again as an
    // AA-EXTRA-COLUMN warning (the sheet is not read, so no column of it is "ignored").
    assert.deepEqual(
      r.issues.filter((i) => i.table === 'List 3').map((i) => i.code),
      ['AA-SHEET-ABSENT'],
    );
    const s = r.submissions[0]!;
    assert.equal(s.tables.referrals, undefined, 'no referral is loaded without its date');
    assert.deepEqual(
      recordsOf(s.tables.cpPlans).map((x) => x.id),
      ['C1/2021-06-10'],
    );
    assert.equal(
      r.counts.find((c) => c.table === 'List 3'),
      undefined,
      'the sheet is not read, so no row of it is counted',
    );
  });
});

describe('Annex A row counts', () => {
  it('a row with two faulty cells is one rejected row (read = loaded + rejected, inputs.md §6)', async () => {
    // C2's Plan Start Date is not a date (AA-DATE, G3) and its Plan End Date is in the future (GEN-FUTURE, M3):
    // both are listed, and the row counts once.
    const p = await writeWorkbook(`${f.dir}/two-faults.xlsx`, {
      'List 7': [
        LIST_7_HEADER,
        list7('C1', xd('2021-06-10'), xd('2021-07-01'), xd('2021-09-01')),
        list7('C2', 'n/a', xd('2021-07-02'), xd('2021-09-02'), xd('2030-01-15')),
        list7('C3', xd('2021-06-12'), xd('2021-07-03'), xd('2021-09-03')),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.position]),
      [
        ['AA-DATE', 'List 7!G3'],
        ['GEN-FUTURE', 'List 7!M3'],
      ],
    );
    const c = r.counts.find((x) => x.table === 'List 7')!;
    assert.deepEqual([c.read, c.loaded, c.rejected], [3, 2, 1]);
  });
});

describe('Annex A sheet not named List n', () => {
  it("the missing list's warning names the workbook's other sheets, so a renamed sheet is found", async () => {
    const p = await writeWorkbook(`${f.dir}/renamed.xlsx`, {
      Referrals: [LIST_3_HEADER, list3('A1', xd('2021-06-01'))],
      'List 7': [LIST_7_HEADER, list7('C1', xd('2021-06-10'), xd('2021-07-01'), xd('2021-09-01'))],
    });
    const r = await readInputs([p], { today: TODAY });
    assert.equal(
      r.issues.find((i) => i.code === 'AA-SHEET-ABSENT' && i.table === 'List 3')?.message,
      "renamed.xlsx: there is no List 3 (Referrals) sheet; indicators needing it cannot use Annex A (sheets are found by their name, 'List 3'; this workbook's other sheets: 'Referrals': rename the one that holds List 3).",
    );
  });
});

describe('a workbook with no List sheet', () => {
  it('is not an Annex A workbook: refused (S-UNRECOGNISED), not an empty Annex A submission', async () => {
    // inputs.md §1: Annex A is recognised as a zip "with sheets List 1…List 11 (one or more)". A 903 table saved
    // as .xlsx used to load as an Annex A submission with no rows (its year taken from today), exit 0.
    const p = await writeWorkbook(`${f.dir}/header.xlsx`, {
      Sheet1: [
        ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
        ['1', '1', '01/02/2010', 'WBRI', '', '', ''],
      ],
    });
    const r = await readInputs([p], { today: TODAY });
    assert.equal(r.refused, true);
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.severity, i.message]),
      [
        [
          'S-UNRECOGNISED',
          'structural',
          "header.xlsx is an Excel workbook with no sheet named 'List 1' to 'List 11', so not an Ofsted Annex A (its sheets: 'Sheet1'); cspi reads SSDA903 and local tables as CSV: save the sheet as 'CSV UTF-8' and import that, or rename the Annex A sheets 'List 1' to 'List 11'.",
        ],
      ],
    );
    assert.deepEqual(r.submissions, []);
  });
});

describe('Annex A date cells a spreadsheet rewrote', () => {
  it('say what the text most likely is (AA-DATE)', async () => {
    const p = await writeWorkbook(`${f.dir}/dates.xlsx`, {
      'List 3': [
        LIST_3_HEADER,
        list3('A1', '06/22/2021'),
        list3('A2', xd('2021-06-02')),
        list3('A3', '01.04.2021'),
        list3('A4', '44287'),
        list3('A5', '01/04/21'),
        list3('A6', 'next week'),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    // One hint, not two: the forms Annex A takes only when nothing more precise can be said; an Excel day
    // number kept as text is fixed in the workbook (there is no CSV to save); a two-digit year is named.
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'AA-DATE').map((i) => i.message),
      [
        "dates.xlsx List 3!F2: Date of referral '06/22/2021' is not a date (there is no month 22: dates are day first, so it may be 22/06/2021); this row was not loaded.",
        "dates.xlsx List 3!F4: Date of referral '01.04.2021' is not a date (write it with slashes: 01/04/2021); this row was not loaded.",
        "dates.xlsx List 3!F5: Date of referral '44287' is not a date (it is an Excel date number, 01/04/2021, kept as text: format the cell as a date and enter the date again); this row was not loaded.",
        "dates.xlsx List 3!F6: Date of referral '01/04/21' is not a date (write the year in full: dd/mm/yyyy); this row was not loaded.",
        "dates.xlsx List 3!F7: Date of referral 'next week' is not a date (write it as a date, or d/m/yyyy); this row was not loaded.",
      ],
    );
  });
});

describe('Annex A list with its header and no rows', () => {
  it('is counted, read 0 (inputs.md §6), so the summary shows it was read', async () => {
    const p = await writeWorkbook(`${f.dir}/empty-list.xlsx`, {
      'List 3': [LIST_3_HEADER],
      'List 7': [LIST_7_HEADER, list7('C1', xd('2021-06-10'), xd('2021-07-01'), xd('2021-09-01'))],
    });
    const r = await readInputs([p], { today: TODAY });
    assert.deepEqual(
      r.counts.map((c) => [c.table, c.read, c.loaded]),
      [
        ['List 3', 0, 0],
        ['List 7', 1, 1],
      ],
    );
  });
});

describe('a damaged workbook', () => {
  it('whose parts are not XML is refused as damaged, not as an internal failure to report (S-INTERNAL)', async () => {
    const p = `${f.dir}/damaged.xlsx`;
    writeFileSync(
      p,
      buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('this is not xml') },
      ]),
    );
    const r = await readInputs([p], { today: TODAY });
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.message]),
      [
        [
          'S-MALFORMED-XML',
          'damaged.xlsx could not be read as a workbook: a part of it is not well-formed XML (it was damaged, or not written by Excel); open it in Excel, save it again as .xlsx and re-import.',
        ],
      ],
    );
  });
});
