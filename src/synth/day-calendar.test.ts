import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addWd,
  ageOn,
  birthdayOf,
  day,
  ddmmyyyy,
  iso,
  isWd,
  onOrPrevWd,
  plusMonths,
  wdBetween,
} from './day-calendar.js';
import { addWorkingDays, elapsedWorkingDays, isWorkingDay } from '../calendar/working-days.js';
import { addMonths } from '../calendar/add-months.js';
import { ageAt, birthday } from '../calendar/age.js';
import { fromDayNumber } from '../calendar/iso-date.js';

const lo = day('1995-01-01');
const hi = day('2027-06-30');
const aDay = fc.integer({ min: lo, max: hi });

test('cached working days agree with src/calendar', () => {
  fc.assert(
    fc.property(aDay, fc.integer({ min: -40, max: 40 }), (d, n) => {
      assert.equal(iso(addWd(d, n)), addWorkingDays(fromDayNumber(d), n));
      assert.equal(isWd(d), isWorkingDay(fromDayNumber(d)));
    }),
  );
  fc.assert(
    fc.property(aDay, aDay, (a, b) => {
      assert.equal(wdBetween(a, b), elapsedWorkingDays(fromDayNumber(a), fromDayNumber(b)));
    }),
  );
});

test('worked example E1: addwd(2022-05-25, 15) is 2022-06-17 across the Jubilee', () => {
  assert.equal(iso(addWd(day('2022-05-25'), 15)), '2022-06-17');
});

test('cached months, birthdays and ages agree with src/calendar', () => {
  fc.assert(
    fc.property(aDay, fc.integer({ min: -40, max: 40 }), (d, n) => {
      assert.equal(iso(plusMonths(d, n)), addMonths(fromDayNumber(d), n));
    }),
  );
  fc.assert(
    fc.property(aDay, aDay, fc.integer({ min: 0, max: 25 }), (dob, at, n) => {
      assert.equal(ageOn(dob, at), ageAt(fromDayNumber(dob), fromDayNumber(at)));
      assert.equal(iso(birthdayOf(dob, n)), birthday(fromDayNumber(dob), n));
    }),
  );
});

test('dates print as ISO and as SSDA903 dd/mm/YYYY', () => {
  assert.equal(iso(day('2024-02-29')), '2024-02-29');
  assert.equal(ddmmyyyy(day('2021-07-04')), '04/07/2021');
});

test('past the bank-holiday table (dates never written) working days are weekdays, without throwing', () => {
  const fri = day('2029-01-05');
  assert.equal(addWd(fri, 1), day('2029-01-08'));
  assert.equal(addWd(day('2027-12-30'), 3), day('2028-01-04'));
  assert.equal(onOrPrevWd(day('2029-01-06')), fri);
  assert.equal(isWd(day('2029-01-06')), false);
});
