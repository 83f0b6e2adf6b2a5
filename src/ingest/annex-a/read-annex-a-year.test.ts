import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readInputs } from '../read-inputs.js';
import { TODAY, cinXml, plainCinChildren, tempFolders } from '../test-fixtures.js';
import { LIST_3_HEADER, writeWorkbook, xd } from './annex-a-test-workbook.js';

const temp = tempFolders();
after(temp.cleanup);

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

describe('an Annex A workbook with no dates', () => {
  // inputs.md §1 gives each submission a collection year and says nothing of a workbook with no dates. It used
  // to take today's year (2024-25 here), a year nobody imported. Reading taken, as for an empty local file: it
  // belongs to the import it came with, so it takes the latest collection year of the import's other dated
  // submissions; alone, its year cannot be told: S-YEAR (give --year).
  it('(every list empty) takes the collection year of the other files of its import', async () => {
    const f = temp.folder();
    await writeWorkbook(`${f.dir}/annex-a.xlsx`, { 'List 3': [LIST_3_HEADER] });
    f.write('cin.xml', cinXml(plainCinChildren(2), { year: '2022' }));
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    const annexA = r.submissions.find((s) => s.source === 'annex-a');
    assert.equal(annexA?.collectionYear, '2021-22', "the CIN census's year, not today's (2024-25)");
    assert.equal(annexA?.asAt, null);
  });

  it('(every list empty) alone is refused (S-YEAR) unless --year gives the year', async () => {
    const f = temp.folder();
    await writeWorkbook(`${f.dir}/annex-a.xlsx`, { 'List 3': [LIST_3_HEADER] });
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.equal(r.refused, true);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'structural').map((i) => [i.code, i.file, i.message]),
      [
        [
          'S-YEAR',
          'annex-a.xlsx',
          'annex-a.xlsx has no rows in its lists, and nothing else in this import is dated, so its collection year cannot be told: give it with --year 2024-25, or leave the file out.',
        ],
      ],
    );
    assert.deepEqual(r.submissions, []);
    const given = await readInputs([f.dir], { today: TODAY, la: '841', year: '2022-23' });
    assert.equal(given.refused, false, JSON.stringify(given.issues));
    assert.equal(given.submissions[0]?.collectionYear, '2022-23');
  });

  it('(no row loads with a key date) alone is refused too, naming why', async () => {
    const f = temp.folder();
    await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
      'List 3': [LIST_3_HEADER, list3('C1', null), list3('C2', 'not a date')],
    });
    const r = await readInputs([f.dir], { today: TODAY, la: '841', limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, true);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'structural').map((i) => [i.code, i.message]),
      [
        [
          'S-YEAR',
          'annex-a.xlsx has no row that loads with a date, and nothing else in this import is dated, so its collection year cannot be told: give it with --year 2024-25, or leave the file out.',
        ],
      ],
    );
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'AA-DATE').map((i) => i.position),
      ['List 3!F2', 'List 3!F3'],
    );
  });

  it('a workbook with dates keeps its own year beside an undated one', async () => {
    const f = temp.folder();
    mkdirSync(`${f.dir}/a`);
    mkdirSync(`${f.dir}/b`);
    await writeWorkbook(`${f.dir}/a/annex-a.xlsx`, { 'List 3': [LIST_3_HEADER] });
    await writeWorkbook(`${f.dir}/b/annex-a.xlsx`, {
      'List 3': [LIST_3_HEADER, list3('C1', xd('2022-06-01'))],
    });
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    assert.deepEqual(
      r.submissions.map((s) => [s.files[0]!.path.includes('/a/') ? 'undated' : 'dated', s.collectionYear]),
      [
        ['undated', '2022-23'],
        ['dated', '2022-23'],
      ],
    );
  });
});

describe('the S-YEAR message of an Annex A workbook with no rows', () => {
  // Its list was there but not read (its header row below row 10): "has no rows in its lists" sent the
  // analyst looking at a sheet full of rows. The message names the list not read and its warning.
  it('names a list sheet that was not read', async () => {
    const f = temp.folder();
    const notes = Array.from({ length: 11 }, (_, i) => [`note ${i + 1}`]);
    await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
      'List 3': [...notes, LIST_3_HEADER, list3('C1', xd('2021-06-01'))],
    });
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.deepEqual(
      r.issues
        .filter((i) => i.code === 'S-YEAR' || i.position === 'List 3!A1')
        .map((i) => [i.code, i.message]),
      [
        [
          'AA-SHEET-ABSENT',
          'annex-a.xlsx List 3: no header row found in the first 10 rows (expected columns such as Child Unique ID, Gender, Ethnicity); the sheet was not read. Row 12 looks like its header: delete rows above it so that it is within the first 10, and re-import.',
        ],
        [
          'S-YEAR',
          'annex-a.xlsx has no rows cspi could read: List 3 was not read (see its AA-SHEET-ABSENT warning), and nothing else in this import is dated, so its collection year cannot be told: give it with --year 2024-25, or leave the file out.',
        ],
      ],
    );
  });
});
