import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
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

async function referralDates(name: string, rows: unknown[][]): Promise<Record<string, string>> {
  const p = await writeWorkbook(`${f.dir}/${name}`, { 'List 3': [LIST_3_HEADER, ...rows] });
  const r = await readInputs([p], { today: TODAY, la: '841', limits: { maxRejectRate: 1 } });
  return Object.fromEntries(
    recordsOf(r.submissions[0]?.tables.referrals).map((x) => [x.childId, x.referralDate as string]),
  );
}

describe('Annex A date cells', () => {
  // inputs.md §4: Excel date cells are read as dates. A date with a time of day in a cell not formatted as a
  // date reads as Excel's day number with a fraction (44287.75 = 01/04/2021 18:00); rounded, an afternoon
  // became the next day (02/04/2021), a wrong referral date loaded without a word. Excel shows the day of
  // the whole number, so the fraction is dropped.
  it('read a day number with a time of day as its day, as Excel shows it', async () => {
    assert.deepEqual(
      await referralDates('times.xlsx', [
        list3('AM', 44287.25),
        list3('PM', 44287.75),
        list3('LATE', 44287.999),
        list3('DATE', xd('2021-04-01')),
        list3('DATETIME', new Date('2021-04-01T18:00:00Z')),
      ]),
      {
        AM: '2021-04-01',
        PM: '2021-04-01',
        LATE: '2021-04-01',
        DATE: '2021-04-01',
        DATETIME: '2021-04-01',
      },
    );
  });
});
