import { recordsOf } from '../row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { exitCodeOf } from '../../validate/report-json.js';
import {
  BEFORE_1990,
  LIST_7_HEADER,
  LIST_8_HEADER,
  list7Row,
  list8Row,
  rangeIssues,
  writeWorkbook,
  xd,
} from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

// GEN-FUTURE and GEN-PAST on List 7's Date of the Last Statutory Visit and List 8's Date of Latest Statutory
// Review. They rejected the whole row (the CP plan, the period of care). Reading (docs/spec-readings.md, as for
// List 7's review conference: read-annex-a-review-dates.test.ts; inputs.md §6 is silent on it): a visit or a
// review is an event of its own, not the row's key, so one out of range is left out (read as blank) with a
// warning naming its list, cell and date, and the row loads with its other dates. TODAY is 2024-06-01.

/** A List 7 row with its last statutory visit, latest review conference and end. */
const list7 = (
  id: string,
  start: unknown,
  visit: unknown,
  review: unknown = '',
  end: unknown = '',
): unknown[] => list7Row(id, start, { visit, review, end });

/** A List 8 row of child `id`, its period of care from `start`, its latest statutory review `review`. */
const list8 = (id: string, start: unknown, review: unknown, cells: Record<string, unknown> = {}): unknown[] =>
  list8Row({
    'Child Unique ID': id,
    'Date Started to be Looked After': start,
    'Date of latest statutory review': review,
    ...cells,
  });

describe('Annex A List 7 last statutory visit dates out of range', () => {
  it('a visit date after today or before 1990 is named and left out; the CP plan loads with its other dates', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a-7.xlsx`, {
      'List 7': [
        LIST_7_HEADER,
        list7('C1', '10/06/2021', '01/07/2021', '01/09/2021'),
        list7('C4', '11/06/2021', xd('2030-02-01'), '02/09/2021'),
        list7('C5', '12/06/2021', '01/02/1921', '', xd('2022-03-01')),
        // Both the visit and the review out of range: each named, in column order, the plan loading.
        list7('C8', '15/06/2021', xd('2031-01-01'), '01/02/1922'),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false);
    assert.deepEqual(rangeIssues(r), [
      [
        'GEN-FUTURE',
        'warning',
        'List 7',
        'List 7!J3',
        'C4',
        'Date of the Last Statutory Visit',
        '01/02/2030',
        'annex-a-7.xlsx List 7!J3: Date of the Last Statutory Visit 01/02/2030 is in the future; the CP plan loads without this visit.',
      ],
      [
        'GEN-PAST',
        'warning',
        'List 7',
        'List 7!J4',
        'C5',
        'Date of the Last Statutory Visit',
        '01/02/1921',
        `annex-a-7.xlsx List 7!J4: Date of the Last Statutory Visit 01/02/1921 ${BEFORE_1990}; the CP plan loads without this visit.`,
      ],
      [
        'GEN-FUTURE',
        'warning',
        'List 7',
        'List 7!J5',
        'C8',
        'Date of the Last Statutory Visit',
        '01/01/2031',
        'annex-a-7.xlsx List 7!J5: Date of the Last Statutory Visit 01/01/2031 is in the future; the CP plan loads without this visit.',
      ],
      [
        'GEN-PAST',
        'warning',
        'List 7',
        'List 7!L5',
        'C8',
        'Date of latest review conference',
        '01/02/1922',
        `annex-a-7.xlsx List 7!L5: Date of latest review conference 01/02/1922 ${BEFORE_1990}; the CP plan loads without this review.`,
      ],
    ]);
    const s = r.submissions[0]!;
    assert.deepEqual(
      recordsOf(s.tables.cpPlans).map((x) => [x.childId, x.startDate, x.endDate, x.reviewDates]),
      [
        ['C1', '2021-06-10', null, ['2021-09-01']],
        ['C4', '2021-06-11', null, ['2021-09-02']],
        ['C5', '2021-06-12', '2022-03-01', []],
        ['C8', '2021-06-15', null, []],
      ],
    );
    // The plans' allocations (List 7's CP allocation fallback) load too.
    assert.deepEqual(
      s.tables.annexACp!.map((x) => x.childId),
      ['C1', 'C4', 'C5', 'C8'],
    );
    // A visit date left out is no event of the workbook: the as-at date is C5's plan end.
    assert.equal(s.asAt, '2022-03-01');
    const counts = r.counts.find((c) => c.table === 'List 7')!;
    assert.deepEqual([counts.read, counts.loaded, counts.rejected], [4, 4, 0]);
    // Warnings only: nothing was rejected, so the import loads everything (exit 0).
    assert.equal(exitCodeOf(r), 0);
  });

  it('an in-range visit dates the workbook; a row rejected for a date of its own is reported by that date alone', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a-7-own.xlsx`, {
      'List 7': [
        LIST_7_HEADER,
        // The in-range visit, 01/04/2022, is the workbook's latest event date.
        list7('C1', '10/06/2021', xd('2022-04-01'), '01/09/2021'),
        list7('C6', '13/06/2021', xd('2032-01-01'), '', xd('2031-02-01')),
        list7('C7', '14/06/2021', '01/02/1921', '', '01/02/1922'),
        // Rejected for its key: its visit is not judged.
        list7('C9', 'n/a', xd('2030-01-01')),
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
      r.issues.filter((i) => i.code === 'AA-DATE').map((i) => [i.severity, i.position]),
      [['error', 'List 7!G5']],
    );
    const s = r.submissions[0]!;
    assert.deepEqual(
      recordsOf(s.tables.cpPlans).map((x) => x.childId),
      ['C1'],
    );
    assert.equal(s.asAt, '2022-04-01');
    const counts = r.counts.find((c) => c.table === 'List 7')!;
    assert.deepEqual([counts.read, counts.loaded, counts.rejected], [4, 1, 3]);
  });
});

describe('Annex A List 8 latest statutory review dates out of range', () => {
  it('a review date after today or before 1990 is named and left out; the period of care loads with its other dates', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a-8.xlsx`, {
      'List 8': [
        LIST_8_HEADER,
        list8('C1', xd('2019-01-10'), xd('2021-11-01')),
        list8('C2', xd('2020-02-01'), xd('2030-02-01')),
        list8('C3', xd('2020-03-01'), '01/02/1921'),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.equal(r.refused, false);
    assert.deepEqual(rangeIssues(r), [
      [
        'GEN-FUTURE',
        'warning',
        'List 8',
        'List 8!M3',
        'C2',
        'Date of Latest Statutory Review',
        '01/02/2030',
        'annex-a-8.xlsx List 8!M3: Date of Latest Statutory Review 01/02/2030 is in the future; the period of care loads without this review.',
      ],
      [
        'GEN-PAST',
        'warning',
        'List 8',
        'List 8!M4',
        'C3',
        'Date of Latest Statutory Review',
        '01/02/1921',
        `annex-a-8.xlsx List 8!M4: Date of Latest Statutory Review 01/02/1921 ${BEFORE_1990}; the period of care loads without this review.`,
      ],
    ]);
    const s = r.submissions[0]!;
    // Loaded with no review recorded (latestReview blank), every other date as read; C1's in-range review as read.
    assert.deepEqual(
      s.tables.annexACic!.map((x) => [x.childId, x.startDate, x.latestReview, x.lastSwVisit, x.asAt]),
      [
        ['C1', '2019-01-10', '2021-11-01', '2022-01-20', '2022-01-20'],
        ['C2', '2020-02-01', null, '2022-01-20', '2022-01-20'],
        ['C3', '2020-03-01', null, '2022-01-20', '2022-01-20'],
      ],
    );
    // A review date left out is no event of the workbook: the as-at date is the latest social work visit.
    assert.equal(s.asAt, '2022-01-20');
    const counts = r.counts.find((c) => c.table === 'List 8')!;
    assert.deepEqual([counts.read, counts.loaded, counts.rejected], [3, 3, 0]);
    assert.equal(exitCodeOf(r), 0);
  });

  it('a row rejected for a date of its own is reported once, by that date: its review is not judged', async () => {
    const p = await writeWorkbook(`${f.dir}/annex-a-8-own.xlsx`, {
      'List 8': [
        LIST_8_HEADER,
        list8('C1', xd('2019-01-10'), xd('2021-11-01')),
        list8('C4', xd('2020-04-01'), xd('2032-01-01'), {
          'Date ceased to be looked after': xd('2031-02-01'),
        }),
        list8('C5', xd('2020-05-01'), '01/02/1921', { 'Date of last health assessment': '01/02/1922' }),
      ],
    });
    const r = await readInputs([p], { today: TODAY, limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      rangeIssues(r).map((i) => i.slice(0, 7)),
      [
        ['GEN-FUTURE', 'error', 'List 8', 'List 8!T3', 'C4', 'Date Ceased to be Looked After', '01/02/2031'],
        ['GEN-PAST', 'error', 'List 8', 'List 8!Q4', 'C5', 'Date of Last Health Assessment', '01/02/1922'],
      ],
    );
    assert.deepEqual(
      r.submissions[0]!.tables.annexACic!.map((x) => x.childId),
      ['C1'],
    );
    const counts = r.counts.find((c) => c.table === 'List 8')!;
    assert.deepEqual([counts.read, counts.loaded, counts.rejected], [3, 1, 2]);
  });
});
