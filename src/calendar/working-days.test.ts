import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type IsoDate, addDays, dayOfWeek, fromDayNumber, isoDate, toDayNumber } from './iso-date.js';
import { addWorkingDays, elapsedWorkingDays, inclusiveWorkingDays, isWorkingDay } from './working-days.js';
import { CalendarRangeError, createWorkingDayCalendar } from './working-day-calendar.js';
import { SHIPPED_BANK_HOLIDAYS, parseBankHolidayCsv } from './bank-holidays.js';

const d = isoDate;
// The project's shared reference (../shared beside the checkout, as on developer machines and in CI).
const SHARED_TABLE = new URL(
  `${process.env['CSPI_SHARED_DIR'] ?? '../../../shared'}/data/bank-holidays-england-and-wales.csv`,
  import.meta.url,
);

// A clone on its own (without the shared folder beside it) has only the shipped copy to check against.
const NO_SHARED = existsSync(SHARED_TABLE)
  ? false
  : 'no shared reference beside the checkout (../shared, or CSPI_SHARED_DIR)';
const REFERENCE_TABLE = NO_SHARED ? SHIPPED_BANK_HOLIDAYS : SHARED_TABLE;

test('the shipped table is the shared reference table', { skip: NO_SHARED }, () => {
  const shipped = parseBankHolidayCsv(readFileSync(SHIPPED_BANK_HOLIDAYS, 'utf8'));
  const shared = parseBankHolidayCsv(readFileSync(SHARED_TABLE, 'utf8'));
  assert.deepEqual(shipped, shared);
});

test('every holiday in the reference table is a non-working day, one-offs included', () => {
  const shared = parseBankHolidayCsv(readFileSync(REFERENCE_TABLE, 'utf8'));
  assert.ok(shared.length > 300);
  for (const h of shared) assert.equal(isWorkingDay(h.date), false, `${h.date} ${h.name}`);
  for (const oneOff of [
    '1995-05-08',
    '1999-12-31',
    '2002-06-03',
    '2002-06-04',
    '2011-04-29',
    '2012-06-04',
    '2012-06-05',
    '2020-05-08',
    '2022-06-02',
    '2022-06-03',
    '2022-09-19',
    '2023-05-08',
  ]) {
    assert.equal(isWorkingDay(d(oneOff)), false, oneOff);
  }
});

test('moved early May and spring holidays are working days', () => {
  for (const moved of ['1995-05-01', '2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30']) {
    assert.equal(isWorkingDay(d(moved)), true, moved);
  }
});

test('same day is 0 and Saturday to Monday is 1', () => {
  assert.equal(elapsedWorkingDays(d('2022-05-25'), d('2022-05-25')), 0);
  assert.equal(elapsedWorkingDays(d('2021-10-02'), d('2021-10-04')), 1);
  assert.equal(elapsedWorkingDays(d('2021-10-04'), d('2021-10-02')), -1);
});

test('E1: ICPC across the 2022 Jubilee', () => {
  const s47 = d('2022-05-25');
  assert.equal(addWorkingDays(s47, 15), '2022-06-17');
  assert.equal(elapsedWorkingDays(s47, d('2022-06-16')), 14);
  assert.equal(elapsedWorkingDays(s47, d('2022-06-17')), 15);
  assert.equal(elapsedWorkingDays(s47, d('2022-06-20')), 16);
  assert.equal(inclusiveWorkingDays(s47, d('2022-06-17')), 16);
  // Screening: received Wed 1 June, decided Mon 6 June = 1 working day.
  assert.equal(elapsedWorkingDays(d('2022-06-01'), d('2022-06-06')), 1);
});

test('E6: CP visit due across Christmas 2022', () => {
  assert.equal(addWorkingDays(d('2022-12-15'), 10), '2023-01-03');
  assert.equal(addWorkingDays(d('2023-01-04'), 10), '2023-01-18');
  assert.equal(addWorkingDays(d('2023-01-18'), 10), '2023-02-01');
  assert.equal(addWorkingDays(d('2022-12-15'), 15), '2023-01-10');
});

test('inclusive count: same working day is 1, a weekend day alone is 0', () => {
  assert.equal(inclusiveWorkingDays(d('2021-10-04'), d('2021-10-04')), 1);
  assert.equal(inclusiveWorkingDays(d('2021-10-02'), d('2021-10-02')), 0);
});

test('addWorkingDays backwards and zero', () => {
  assert.equal(addWorkingDays(d('2022-06-06'), -1), '2022-06-01');
  assert.equal(addWorkingDays(d('2022-06-04'), -1), '2022-06-01');
  assert.equal(addWorkingDays(d('2022-06-04'), 0), '2022-06-04');
});

test('dates beyond the table fail loudly, naming the year', () => {
  assert.throws(
    () => elapsedWorkingDays(d('2027-12-01'), d('2028-01-05')),
    (e: unknown) => {
      assert.ok(e instanceof CalendarRangeError);
      assert.equal(e.year, 2028);
      assert.match(e.message, /2028/);
      return true;
    },
  );
  assert.throws(() => isWorkingDay(d('1989-12-29')), /1989/);
  assert.throws(() => addWorkingDays(d('2027-12-30'), 5), CalendarRangeError);
});

test('a table with a missing year is refused', () => {
  assert.throws(() => createWorkingDayCalendar([d('2020-01-01'), d('2022-01-03')]), /2021/);
});

const KNOWN_START = toDayNumber(d('1990-01-01'));
const KNOWN_END = toDayNumber(d('2027-11-30'));
const arbDate = fc.integer({ min: KNOWN_START, max: KNOWN_END }).map((n) => fromDayNumber(n));

function naiveElapsed(a: IsoDate, b: IsoDate): number {
  let n = 0;
  for (let x = addDays(a, 1); x <= b; x = addDays(x, 1)) if (isWorkingDay(x)) n++;
  return n;
}

test('property: addWorkingDays(a, wd(a, e)) = e when e is a working day after a', () => {
  fc.assert(
    fc.property(arbDate, fc.integer({ min: 0, max: 400 }), (a, span) => {
      const e = addDays(a, span);
      if (e > d('2027-11-30') || !isWorkingDay(e)) return true;
      return addWorkingDays(a, elapsedWorkingDays(a, e)) === e;
    }),
    { numRuns: 2000 },
  );
});

test('property: wd(a, addWorkingDays(a, n)) = n, and the result is a working day', () => {
  fc.assert(
    fc.property(
      arbDate.filter((a) => a < '2027-01-01'),
      fc.integer({ min: 1, max: 200 }),
      (a, n) => {
        const b = addWorkingDays(a, n);
        return elapsedWorkingDays(a, b) === n && isWorkingDay(b);
      },
    ),
    { numRuns: 2000 },
  );
});

test('property: the O(1) count agrees with a day-by-day count', () => {
  fc.assert(
    fc.property(arbDate, fc.integer({ min: 0, max: 120 }), (a, span) => {
      const b = addDays(a, span);
      if (b > d('2027-11-30')) return true;
      return elapsedWorkingDays(a, b) === naiveElapsed(a, b);
    }),
    { numRuns: 500 },
  );
});

test('property: wd is additive, wd(a,c) = wd(a,b) + wd(b,c)', () => {
  fc.assert(
    fc.property(
      arbDate,
      arbDate,
      arbDate,
      (a, b, c) => elapsedWorkingDays(a, c) === elapsedWorkingDays(a, b) + elapsedWorkingDays(b, c),
    ),
  );
});

test('weekends are never working days', () => {
  fc.assert(fc.property(arbDate, (a) => dayOfWeek(a) < 6 || !isWorkingDay(a)));
});
