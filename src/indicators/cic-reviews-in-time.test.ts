import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { elapsedWorkingDays } from '../calendar/working-days.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { LaDataset } from '../model/la-dataset.js';
import { cicReviewsInTime as indicator, reviewDue } from './cic-reviews-in-time.js';
import { ctxOf, dataset, inputOf, review, uasc } from './lib/chain-test-fixtures.js';

const d = isoDate;

test('the reg 33 timetable: 20 working days, then 3 months, then 6 months (month ends clamp)', () => {
  // Fri 2022-05-27: 30 May 2022 is a working day, 2 and 3 June are holidays.
  assert.equal(reviewDue(d('2022-05-27'), 1, 'elapsed'), '2022-06-28');
  assert.equal(elapsedWorkingDays(d('2022-05-27'), d('2022-06-28')), 20);
  assert.equal(reviewDue(d('2022-06-28'), 2, 'elapsed'), '2022-09-28');
  assert.equal(reviewDue(d('2022-08-31'), 3, 'elapsed'), '2023-02-28');
  assert.equal(reviewDue(d('2022-11-30'), 2, 'elapsed'), '2023-02-28');
  assert.equal(reviewDue(d('2022-05-27'), 1, 'inclusive'), '2022-06-27');
});

/** In care from Fri 2022-05-27; reviews on 28 Jun 2022, 20 Sep 2022 and 21 Mar 2023 (one day late). */
function child1(more: Partial<LaDataset> = {}): LaDataset {
  return dataset(['episodes', 'reviews'], {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2022-05-27', rne: 'S' })],
    cicReviews: [
      review('R1', 'C1', '2022-06-28'),
      review('R2', 'C1', '2022-09-20'),
      review('R3', 'C1', '2023-03-21'),
    ],
    ...more,
  });
}

test('each due counts in its quarter: first review on the 20th working day is on time', () => {
  const q1 = indicator.compute(inputOf(child1()), ctxOf('2022-23-Q1', 'in-period'));
  assert.deepEqual(
    q1.members.map((m) => [m.dates['due'], m.inNumerator, m.reason]),
    [['2022-06-28', true, 'review 1 due 28/06/2022 met; held 28/06/2022']],
  );
  const q2 = indicator.compute(inputOf(child1()), ctxOf('2022-23-Q2', 'in-period'));
  assert.deepEqual(
    q2.members.map((m) => [m.dates['due'], m.dates['anchor'], m.inNumerator]),
    [['2022-09-28', '2022-06-28', true]],
  );
  assert.equal(indicator.compute(inputOf(child1()), ctxOf('2022-23-Q3', 'in-period')).denominator, 0);
  // The third review is due 6 months after the 20 Sep review; held a day late it restarts the clock.
  const q4 = indicator.compute(inputOf(child1()), ctxOf('2022-23-Q4', 'in-period'));
  assert.deepEqual(
    q4.members.map((m) => [m.dates['due'], m.inNumerator, m.reason]),
    [['2023-03-20', false, 'review 3 due 20/03/2023 missed; held 21/03/2023']],
  );
  const ytd = indicator.compute(inputOf(child1()), ctxOf('2022-23-Q4', 'ytd'));
  assert.equal(ytd.numerator, 2);
  assert.equal(ytd.denominator, 3);
  const next = indicator.compute(inputOf(child1()), ctxOf('2023-24-Q2', 'in-period'));
  assert.equal(next.members[0]!.dates['due'], '2023-09-21');
});

test('a due on or after the end of the period of care is not counted', () => {
  const ended = child1({
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2022-05-27', dec: '2022-09-28', rec: 'E11' })],
  });
  assert.equal(indicator.compute(inputOf(ended), ctxOf('2022-23-Q2', 'in-period')).denominator, 0);
  const endedLater = child1({
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2022-05-27', dec: '2022-09-29', rec: 'E11' })],
  });
  assert.equal(indicator.compute(inputOf(endedLater), ctxOf('2022-23-Q2', 'in-period')).denominator, 1);
});

test('reviews outside the period of care do not count; a new period of care restarts the timetable', () => {
  const data = dataset(['episodes', 'reviews'], {
    episodes: [
      ep({ id: 'E1', childId: 'C1', decom: '2022-01-10', dec: '2022-05-27', rec: 'E11' }),
      ep({ id: 'E2', childId: 'C1', decom: '2022-06-01', rne: 'S' }),
    ],
    // Held for the earlier period of care, on its last day: not a review of the new one.
    cicReviews: [review('R1', 'C1', '2022-05-27')],
  });
  const r = indicator.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period'));
  // E1: D1 = 2022-02-07 missed, D2 = 2022-05-07 missed (in Q1); the 27 May review restarts its clock and
  // the next due is after its end. E2's first due is addwd(2022-06-01, 20) = 2022-07-01 (Q2), and the
  // 27 May review, before E2 began, does not meet it.
  assert.deepEqual(
    r.members.map((m) => [m.dates['periodStart'], m.dates['due'], m.inNumerator, m.dates['event']]),
    [['2022-01-10', '2022-05-07', false, '2022-05-27']],
  );
  const q2 = indicator.compute(inputOf(data), ctxOf('2022-23-Q2', 'in-period'));
  assert.deepEqual(
    q2.members.map((m) => [m.dates['periodStart'], m.dates['due'], m.inNumerator]),
    [['2022-06-01', '2022-07-01', false]],
  );
});

test('short breaks are excluded; excludeUasc removes children UASC on the due date', () => {
  const data = child1({
    episodes: [
      ep({ id: 'E1', childId: 'C1', decom: '2022-05-27', rne: 'S' }),
      ep({ id: 'E9', childId: 'C9', decom: '2022-05-27', ls: 'V3' }),
    ],
    uasc: [uasc('C1', '2022-07-01')],
    tables: new Set(['episodes', 'reviews', 'uasc']),
  });
  const incl = indicator.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period'));
  assert.equal(incl.denominator, 1);
  const excl = indicator.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period', {}, { excludeUasc: true }));
  assert.equal(excl.denominator, 0);
  assert.deepEqual(excl.notes, [{ code: 'excludeUasc', count: 1, detail: 'excluding UASC (1 removed)' }]);
  // DUC 2022-07-01 is before the Q2 due (2022-09-28): no longer UASC then.
  assert.equal(
    indicator.compute(inputOf(data), ctxOf('2022-23-Q2', 'in-period', {}, { excludeUasc: true })).denominator,
    1,
  );
});

test('episode-chain errors and history before the loaded SSDA903 data are noted', () => {
  const data = child1({
    episodes: [
      ep({ id: 'E0', childId: 'C1', decom: '2022-04-01', dec: '2022-05-20', rec: 'X1' }),
      ep({ id: 'E1', childId: 'C1', decom: '2022-05-27', rne: 'P' }),
    ],
    historyStart: { cin: null, ssda903: d('2022-05-01') },
  });
  const r = indicator.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period'));
  assert.deepEqual(
    r.notes.map((n) => [n.code, n.count]),
    [
      ['episodeChainErrors', 2],
      ['historyIncomplete', 1],
    ],
  );
});

test('not available without the Reviews table', () => {
  const r = indicator.compute(inputOf(dataset(['episodes'])), ctxOf('2022-23-Q1', 'in-period'));
  assert.equal(r.status, 'not-available');
});
