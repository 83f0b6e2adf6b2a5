import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isoDate,
  parseIsoDate,
  toDayNumber,
} from './iso-date.js';
import { addMonths } from './add-months.js';
import { ageAt, birthday } from './age.js';

const d = isoDate;

test('parseIsoDate rejects impossible dates', () => {
  assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
  assert.equal(parseIsoDate('2023-02-29'), null);
  assert.equal(parseIsoDate('2022-02-31'), null);
  assert.equal(parseIsoDate('31/12/2021'), null);
  assert.equal(parseIsoDate('2021-13-01'), null);
});

test('day numbers round-trip and match known weekdays', () => {
  assert.equal(toDayNumber(d('1970-01-01')), 0);
  assert.equal(dayOfWeek(d('2022-06-02')), 4); // Thursday
  assert.equal(dayOfWeek(d('2021-10-02')), 6); // Saturday
  fc.assert(fc.property(fc.integer({ min: -30000, max: 60000 }), (n) => toDayNumber(fromDayNumber(n)) === n));
});

test('day numbers agree with UTC Date arithmetic (whatever TZ this runs under)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -20000, max: 40000 }), (n) => {
      const viaDate = new Date(n * 86400000).toISOString().slice(0, 10);
      return fromDayNumber(n) === viaDate;
    }),
  );
});

test('days(a, b): E3 plan durations', () => {
  assert.equal(daysBetween(d('2020-01-10'), d('2022-01-07')), 728);
  assert.equal(daysBetween(d('2020-01-10'), d('2022-01-08')), 729);
  assert.equal(addDays(d('2020-01-10'), 730), '2022-01-09');
});

test('addMonths clamps to month end (spec §1.2)', () => {
  assert.equal(addMonths(d('2021-12-31'), -30), '2019-06-30');
  assert.equal(addMonths(d('2021-12-31'), -24), '2019-12-31');
  assert.equal(addMonths(d('2024-02-29'), -12), '2023-02-28');
  assert.equal(addMonths(d('2021-12-31'), -12), '2020-12-31');
  assert.equal(addMonths(d('2021-01-31'), 1), '2021-02-28');
  assert.equal(addMonths(d('2020-01-10'), 24), '2022-01-10');
});

test('property: addMonths keeps the day unless clamped, and lands in the right month', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: -60, max: 60 }), (n, k) => {
      const a = fromDayNumber(n);
      const b = addMonths(a, k);
      const months =
        (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
      return months === k && (b.slice(8) === a.slice(8) || b.slice(8) < a.slice(8));
    }),
  );
});

test('re-referral leap-day window: 2024-02-29 − 12 months', () => {
  assert.equal(addMonths(d('2024-02-29'), -12), '2023-02-28');
});

test('ageAt: completed years; E5 boundary of turning 16 on e', () => {
  assert.equal(ageAt(d('2006-01-01'), d('2021-12-31')), 15);
  assert.equal(ageAt(d('2005-12-31'), d('2021-12-31')), 16);
  assert.equal(ageAt(d('2004-02-29'), d('2021-02-28')), 16);
  assert.equal(ageAt(d('2004-02-29'), d('2021-03-01')), 17);
  assert.equal(birthday(d('2004-02-29'), 17), '2021-03-01');
  assert.equal(birthday(d('2004-02-29'), 16), '2020-02-29');
});
