import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { LIST_3_HEADER, LIST_7_HEADER, list7Row, writeWorkbook, xd } from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

// GEN-FUTURE (inputs.md §6, error): an Annex A event date after today rejects its row, as in the other sources;
// the row is counted (read = loaded + rejected) and named by file, cell and column. A Date of Birth after today
// is an unborn child's expected date (Annex A has no separate column for it) and is exempt, as CIN's
// ExpectedPersonBirthDate is. A List 7 review date after today leaves out only itself, with a warning
// (read-annex-a-review-dates.test.ts), as does a List 7 last visit or a List 8 latest review
// (read-annex-a-visit-review-dates.test.ts). TODAY is 2024-06-01.

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

describe('Annex A GEN-FUTURE', () => {
  it('rejects a row whose event date is after today, counts it, and exempts a future Date of Birth', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
      'List 3': [
        LIST_3_HEADER,
        list3('C1', '05/01/2014', xd('2021-06-01')),
        list3('C2', '05/01/2014', '03/01/2031'),
        list3('C3', xd('2024-09-01'), '02/06/2021'),
      ],
      'List 7': [
        LIST_7_HEADER,
        list7('C1', '10/06/2021', '01/09/2021'),
        list7('C4', '11/06/2021', xd('2030-02-01')),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false);
    const future = r.issues.filter((i) => i.code === 'GEN-FUTURE');
    assert.deepEqual(
      future.map((i) => [i.severity, i.file, i.table, i.position, i.childId, i.field, i.value, i.message]),
      [
        [
          'error',
          'annex-a.xlsx',
          'List 3',
          'List 3!F3',
          'C2',
          'Date of referral',
          '03/01/2031',
          'annex-a.xlsx List 3!F3: Date of referral 03/01/2031 is in the future; this row was not loaded.',
        ],
        [
          'warning',
          'annex-a.xlsx',
          'List 7',
          'List 7!L3',
          'C4',
          'Date of latest review conference',
          '01/02/2030',
          'annex-a.xlsx List 7!L3: Date of latest review conference 01/02/2030 is in the future; the CP plan loads without this review.',
        ],
      ],
    );
    const s = r.submissions[0]!;
    assert.deepEqual(
      recordsOf(s.tables.referrals).map((x) => x.childId),
      ['C1', 'C3'],
    );
    assert.deepEqual(
      recordsOf(s.tables.cpPlans).map((x) => [x.childId, x.reviewDates]),
      [
        ['C1', ['2021-09-01']],
        ['C4', []],
      ],
    );
    assert.deepEqual(s.tables.children!.map((c) => c.childId).sort(), ['C1', 'C3', 'C4']);
    // The future review is not the workbook's latest event: the as-at date is C1's review, 01/09/2021.
    assert.equal(s.asAt, '2021-09-01');
    assert.deepEqual(
      r.counts
        .filter((c) => c.table === 'List 3' || c.table === 'List 7')
        .map((c) => [c.table, c.read, c.loaded, c.rejected]),
      [
        ['List 3', 3, 2, 1],
        ['List 7', 2, 2, 0],
      ],
    );
  });
});
