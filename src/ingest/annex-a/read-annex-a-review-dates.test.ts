import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { exitCodeOf } from '../../validate/report-json.js';
import {
  BEFORE_1990,
  LIST_7_HEADER,
  list7Row,
  rangeIssues,
  writeWorkbook,
  xd,
} from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

// GEN-FUTURE and GEN-PAST on a List 7 plan's Date of latest review conference (staged as the CP plan's
// `reviewDates`, as a CIN CPPreviewDate is). It rejected the whole row, the CP plan. Reading (docs/spec-readings.md,
// as for CIN; inputs.md §3 keeps each review as a CP review row of its own, §4 says nothing otherwise for Annex A):
// a review date out of range is left out with a warning naming its list, cell and date, and the plan loads with
// its other dates. TODAY is 2024-06-01.

/** A List 7 row with its latest review conference and end. */
const list7 = (id: string, start: unknown, review: unknown, end: unknown = ''): unknown[] =>
  list7Row(id, start, { review, end });

describe('Annex A List 7 review dates out of range', () => {
  it('a review date after today or before 1990 is named and left out; the CP plan loads with its other dates', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
      'List 7': [
        LIST_7_HEADER,
        list7('C1', '10/06/2021', '01/09/2021'),
        list7('C4', '11/06/2021', xd('2030-02-01')),
        list7('C5', '12/06/2021', '01/02/1921', xd('2022-03-01')),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false);
    assert.deepEqual(rangeIssues(r), [
      [
        'GEN-FUTURE',
        'warning',
        'List 7',
        'List 7!L3',
        'C4',
        'Date of latest review conference',
        '01/02/2030',
        'annex-a.xlsx List 7!L3: Date of latest review conference 01/02/2030 is in the future; the CP plan loads without this review.',
      ],
      [
        'GEN-PAST',
        'warning',
        'List 7',
        'List 7!L4',
        'C5',
        'Date of latest review conference',
        '01/02/1921',
        `annex-a.xlsx List 7!L4: Date of latest review conference 01/02/1921 ${BEFORE_1990}; the CP plan loads without this review.`,
      ],
    ]);
    const s = r.submissions[0]!;
    assert.deepEqual(
      recordsOf(s.tables.cpPlans).map((x) => [x.childId, x.startDate, x.endDate, x.reviewDates]),
      [
        ['C1', '2021-06-10', null, ['2021-09-01']],
        ['C4', '2021-06-11', null, []],
        ['C5', '2021-06-12', '2022-03-01', []],
      ],
    );
    // The plans' allocations (List 7's CP allocation fallback) load too.
    assert.deepEqual(
      s.tables.annexACp!.map((x) => x.childId),
      ['C1', 'C4', 'C5'],
    );
    // A review date left out is no event of the workbook: the as-at date is C5's plan end.
    assert.equal(s.asAt, '2022-03-01');
    const counts = r.counts.find((c) => c.table === 'List 7')!;
    assert.deepEqual([counts.read, counts.loaded, counts.rejected], [3, 3, 0]);
    // Warnings only: nothing was rejected, so the import loads everything (exit 0).
    assert.equal(exitCodeOf(r), 0);
  });

  it('a row rejected for a date of its own is reported once, by that date: its review is not judged', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a-own.xlsx`, {
      'List 7': [
        LIST_7_HEADER,
        list7('C1', '10/06/2021', '01/09/2021'),
        list7('C6', '13/06/2021', xd('2032-01-01'), xd('2031-02-01')),
        list7('C7', '14/06/2021', '01/02/1921', '01/02/1922'),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      rangeIssues(r).map((i) => i.slice(0, 7)),
      [
        ['GEN-FUTURE', 'error', 'List 7', 'List 7!M3', 'C6', 'Plan End Date', '01/02/2031'],
        ['GEN-PAST', 'error', 'List 7', 'List 7!M4', 'C7', 'Plan End Date', '01/02/1922'],
      ],
    );
    assert.deepEqual(
      recordsOf(r.submissions[0]!.tables.cpPlans).map((x) => x.childId),
      ['C1'],
    );
  });
});
