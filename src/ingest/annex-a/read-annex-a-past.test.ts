import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { LIST_3_HEADER, LIST_7_HEADER, list7Row, writeWorkbook, xd } from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

// GEN-PAST (error; reading in docs/spec-readings.md, indicators.md §1.2): an Annex A event date before 1 January
// of the bank-holiday table's first year (1990) is a typo that rejects its row, as in the other sources and as
// GEN-FUTURE does for one after today; the row is counted (read = loaded + rejected), named by file, cell and
// column, and its date neither dates the workbook nor stretches its key-date range. A Date of Birth is exempt; a
// List 7 review date before 1990 leaves out only itself, with a warning (read-annex-a-review-dates.test.ts), as
// does a List 7 last visit or a List 8 latest review (read-annex-a-visit-review-dates.test.ts).

const list3 = (id: string, dob: unknown, referral: unknown): unknown[] => [
  id,
  'Male',
  'WBRI',
  dob,
  7,
  referral,
  'Schools',
  'No',
  1,
  'T1',
  'W1',
];

/** A List 7 row with its latest review conference. */
const list7 = (id: string, start: unknown, review: unknown): unknown[] => list7Row(id, start, { review });

const WHY = 'is before 1990, earlier than any date cspi can count working days from; check the year';

describe('Annex A GEN-PAST', () => {
  it('rejects a row with an event date before 1990, loads 1 January 1990 and a Date of Birth before 1990', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
      'List 3': [
        LIST_3_HEADER,
        list3('C1', '05/01/2014', xd('2021-06-01')),
        list3('C2', '05/01/2014', '03/01/1922'),
        list3('C3', xd('1989-09-01'), '02/06/2021'),
        list3('C5', '05/01/2014', xd('2022-02-01')),
      ],
      'List 7': [
        LIST_7_HEADER,
        list7('C1', '10/06/2021', '01/09/2021'),
        list7('C4', '11/06/2021', xd('1921-02-01')),
        list7('C6', xd('1990-01-01'), '01/10/2021'),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false);
    assert.deepEqual(
      r.issues
        .filter((i) => i.code === 'GEN-PAST')
        .map((i) => [i.severity, i.file, i.table, i.position, i.childId, i.field, i.value, i.message]),
      [
        [
          'error',
          'annex-a.xlsx',
          'List 3',
          'List 3!F3',
          'C2',
          'Date of referral',
          '03/01/1922',
          `annex-a.xlsx List 3!F3: Date of referral 03/01/1922 ${WHY}; this row was not loaded.`,
        ],
        [
          'warning',
          'annex-a.xlsx',
          'List 7',
          'List 7!L3',
          'C4',
          'Date of latest review conference',
          '01/02/1921',
          `annex-a.xlsx List 7!L3: Date of latest review conference 01/02/1921 ${WHY}; the CP plan loads without this review.`,
        ],
      ],
    );
    const s = r.submissions[0]!;
    assert.deepEqual(
      recordsOf(s.tables.referrals).map((x) => [x.childId, x.referralDate]),
      [
        ['C1', '2021-06-01'],
        ['C3', '2021-06-02'],
        ['C5', '2022-02-01'],
      ],
    );
    assert.deepEqual(
      recordsOf(s.tables.cpPlans).map((x) => [x.childId, x.startDate, x.reviewDates]),
      [
        ['C1', '2021-06-10', ['2021-09-01']],
        ['C4', '2021-06-11', []],
        ['C6', '1990-01-01', ['2021-10-01']],
      ],
    );
    assert.equal(s.tables.children!.find((c) => c.childId === 'C3')?.dob, '1989-09-01');
    assert.deepEqual(
      r.counts
        .filter((c) => c.table === 'List 3' || c.table === 'List 7')
        .map((c) => [c.table, c.read, c.loaded, c.rejected]),
      [
        ['List 3', 4, 3, 1],
        ['List 7', 3, 3, 0],
      ],
    );
    // The key-date range runs from the 1990 CP plan start, not from the 1922 referral typo.
    assert.deepEqual(s.dateRange, { start: '1990-01-01', end: '2022-02-01' });
  });
});
