import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { inclusiveWorkingDays, elapsedWorkingDays } from '../../calendar/working-days.js';
import { addWorkingDaysUnder } from './add-working-days-under.js';

const d = isoDate;

test('elapsed: addwd(a, N); E6 D1 = Tue 2023-01-03', () => {
  assert.equal(addWorkingDaysUnder(d('2022-12-15'), 10, 'elapsed'), '2023-01-03');
  assert.equal(elapsedWorkingDays(d('2022-12-15'), d('2023-01-03')), 10);
});

test('inclusive: the start day counts when it is a working day', () => {
  const due = addWorkingDaysUnder(d('2022-12-15'), 10, 'inclusive');
  assert.equal(due, '2022-12-30');
  assert.equal(inclusiveWorkingDays(d('2022-12-15'), due), 10);
  // A Saturday anchor is not counted, so the result matches elapsed.
  assert.equal(
    addWorkingDaysUnder(d('2022-12-17'), 10, 'inclusive'),
    addWorkingDaysUnder(d('2022-12-17'), 10, 'elapsed'),
  );
  assert.equal(
    inclusiveWorkingDays(d('2022-12-17'), addWorkingDaysUnder(d('2022-12-17'), 10, 'inclusive')),
    10,
  );
});
