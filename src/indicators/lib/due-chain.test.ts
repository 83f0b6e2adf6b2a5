import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isoDate } from '../../calendar/iso-date.js';
import { addWorkingDays } from '../../calendar/working-days.js';
import { type ChainEvent, runDueChain } from './due-chain.js';

const d = isoDate;
const ev = (date: string, id = date): ChainEvent => ({ date: d(date), id });
const wd = (n: number) => (a: ReturnType<typeof d>) => addWorkingDays(a, n);
const summary = (dues: ReturnType<typeof runDueChain>) =>
  dues.map((x) => [x.due, x.met, x.anchor, x.event?.date ?? null]);

test('E6, N = 10: D1 2023-01-03 missed, the 4 Jan visit restarts the clock, D2 2023-01-18 met, D3 after the end', () => {
  const dues = runDueChain({
    start: d('2022-12-15'),
    next: wd(10),
    events: [ev('2023-01-18'), ev('2023-01-04')],
    end: d('2023-01-25'),
    asAt: d('2023-06-30'),
    horizon: d('2023-03-31'),
  });
  assert.deepEqual(summary(dues), [
    ['2023-01-03', false, '2022-12-15', '2023-01-04'],
    ['2023-01-18', true, '2023-01-04', '2023-01-18'],
  ]);
  assert.equal(dues.filter((x) => x.met).length, 1); // 1/2 = 50.0%
});

test('E6, N = 15: D1 2023-01-10 is met by the 4 January visit; D2 falls on the plan end and is not counted', () => {
  const dues = runDueChain({
    start: d('2022-12-15'),
    next: wd(15),
    events: [ev('2023-01-04')],
    end: d('2023-01-25'),
    asAt: null,
    horizon: d('2023-03-31'),
  });
  assert.deepEqual(summary(dues), [['2023-01-10', true, '2022-12-15', '2023-01-04']]);
  assert.equal(addWorkingDays(d('2023-01-04'), 15), '2023-01-25');
});

const cicVisit = (a: ReturnType<typeof d>, k: number) => addDays(a, k === 1 ? 7 : 42);

test('E6 CiC: a visit due on the bank holiday Fri 2022-06-03 is not moved; a visit that day is on time', () => {
  const onTime = runDueChain({
    start: d('2022-05-27'),
    next: cicVisit,
    events: [ev('2022-06-03')],
    end: null,
    asAt: d('2022-07-20'),
    horizon: d('2022-09-30'),
  });
  assert.deepEqual(summary(onTime), [
    ['2022-06-03', true, '2022-05-27', '2022-06-03'],
    ['2022-07-15', false, '2022-06-03', null],
  ]);
  const late = runDueChain({
    start: d('2022-05-27'),
    next: cicVisit,
    events: [ev('2022-06-06')],
    end: null,
    asAt: d('2022-07-20'),
    horizon: d('2022-09-30'),
  });
  assert.deepEqual(summary(late), [
    ['2022-06-03', false, '2022-05-27', '2022-06-06'],
    ['2022-07-18', false, '2022-06-06', null],
  ]);
});

test('an event on the anchor day does not meet the next due', () => {
  const dues = runDueChain({
    start: d('2022-05-27'),
    next: cicVisit,
    events: [ev('2022-05-27')],
    end: null,
    asAt: null,
    horizon: d('2022-06-10'),
  });
  assert.deepEqual(summary(dues), [['2022-06-03', false, '2022-05-27', null]]);
});

test('a visit on the next would-be due date restarts the clock rather than meeting a due', () => {
  // D1 = 2022-06-03 missed; next(D1, 2) = 2022-07-15; a visit that day restarts: D2 = 2022-08-26.
  const dues = runDueChain({
    start: d('2022-05-27'),
    next: cicVisit,
    events: [ev('2022-07-15'), ev('2022-08-26')],
    end: null,
    asAt: null,
    horizon: d('2022-09-30'),
  });
  assert.deepEqual(summary(dues), [
    ['2022-06-03', false, '2022-05-27', '2022-07-15'],
    ['2022-08-26', true, '2022-07-15', '2022-08-26'],
  ]);
});

test('an event later than the next would-be due leaves the anchor at the missed due', () => {
  // D1 2022-06-03 missed with nothing by 2022-07-15, so a = D1 and D2 = 2022-07-15, also missed;
  // the 2022-07-20 visit then restarts the clock.
  const dues = runDueChain({
    start: d('2022-05-27'),
    next: cicVisit,
    events: [ev('2022-07-20')],
    end: null,
    asAt: null,
    horizon: d('2022-09-30'),
  });
  assert.deepEqual(summary(dues), [
    ['2022-06-03', false, '2022-05-27', null],
    ['2022-07-15', false, '2022-06-03', '2022-07-20'],
    ['2022-08-31', false, '2022-07-20', null],
  ]);
});

test('the latest of several events in (a, D] becomes the anchor', () => {
  const dues = runDueChain({
    start: d('2022-05-27'),
    next: cicVisit,
    events: [ev('2022-05-30', 'v1'), ev('2022-06-02', 'v2')],
    end: null,
    asAt: null,
    horizon: d('2022-07-13'),
  });
  assert.deepEqual(
    dues.map((x) => [x.due, x.met, x.event?.id]),
    [['2022-06-03', true, 'v2']],
  );
  assert.equal(dues[0]!.nextAnchor, '2022-06-02');
});

test('dues after asAt or the horizon are not produced; a due on asAt is', () => {
  const base = { start: d('2022-05-27'), next: cicVisit, events: [], end: null };
  assert.equal(runDueChain({ ...base, asAt: d('2022-06-02'), horizon: d('2022-12-31') }).length, 0);
  assert.equal(runDueChain({ ...base, asAt: d('2022-06-03'), horizon: d('2022-12-31') }).length, 1);
  assert.equal(runDueChain({ ...base, asAt: null, horizon: d('2022-06-03') }).length, 1);
  assert.equal(runDueChain({ ...base, asAt: d('2022-12-31'), horizon: d('2022-07-14') }).length, 1);
});

test('a due on the chain end date is not counted; the day before is', () => {
  const base = { start: d('2022-05-27'), next: cicVisit, events: [], asAt: null, horizon: d('2022-12-31') };
  assert.equal(runDueChain({ ...base, end: d('2022-06-03') }).length, 0);
  assert.equal(runDueChain({ ...base, end: d('2022-06-04') }).length, 1);
});

test('property: dues increase, each anchor is the previous next anchor, met dues have an event in (anchor, due]', () => {
  const dateArb = fc.integer({ min: 0, max: 400 }).map((n) => addDays(d('2022-01-01'), n));
  fc.assert(
    fc.property(fc.array(dateArb, { maxLength: 15 }), fc.option(dateArb), (dates, end) => {
      const events = dates.map((x, i) => ({ date: x, id: `v${i}` }));
      const dues = runDueChain({
        start: d('2022-01-01'),
        next: cicVisit,
        events,
        end,
        asAt: null,
        horizon: d('2023-03-31'),
      });
      let anchor = d('2022-01-01');
      for (const x of dues) {
        assert.equal(x.anchor, anchor);
        assert.ok(x.due > x.anchor);
        if (end !== null) assert.ok(x.due < end);
        const inWindow = events.filter((e) => e.date > x.anchor && e.date <= x.due);
        assert.equal(x.met, inWindow.length > 0);
        if (!x.met && x.event !== null) assert.ok(x.event.date > x.due);
        anchor = x.nextAnchor;
      }
    }),
    { numRuns: 300 },
  );
});

test('a timetable outside the bank holiday table fails naming the chain', () => {
  assert.throws(
    () =>
      runDueChain({
        start: d('1989-06-01'),
        next: wd(20),
        events: [],
        end: null,
        asAt: null,
        horizon: d('1990-03-31'),
        subject: 'child C9 review chain',
      }),
    /child C9 review chain anchored 1989-06-01: working days for 1989/,
  );
});
