import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from './iso-date.js';
import {
  basisWindow,
  parsePeriod,
  periodLabel,
  previousPeriod,
  quarterContaining,
  samePeriodLastYear,
  trailingQuarters,
} from './period.js';

test('2021-22-Q3 is 1 October to 31 December 2021', () => {
  const p = parsePeriod('2021-22-Q3');
  assert.equal(p.start, '2021-10-01');
  assert.equal(p.end, '2021-12-31');
  assert.equal(p.yearStart, '2021-04-01');
  assert.equal(periodLabel(p), 'Quarter 3 2021/22');
});

test('quarters round-trip from dates', () => {
  for (const [date, id] of [
    ['2021-04-01', '2021-22-Q1'],
    ['2021-09-30', '2021-22-Q2'],
    ['2022-01-01', '2021-22-Q4'],
    ['2022-03-31', '2021-22-Q4'],
  ] as const) {
    assert.equal(quarterContaining(isoDate(date)).id, id);
    const q = parsePeriod(id);
    assert.ok(q.start <= date && date <= q.end);
  }
});

test('years and bad ids', () => {
  const y = parsePeriod('2021-22');
  assert.equal(y.start, '2021-04-01');
  assert.equal(y.end, '2022-03-31');
  assert.throws(() => parsePeriod('2021-23-Q1'), /not a financial year/);
  assert.throws(() => parsePeriod('Q3 2021'), /not a period/);
  assert.throws(() => parsePeriod('2021-22-Q5'), /not a period/);
});

test('comparators: previous quarter, same quarter last year, 8-quarter trend', () => {
  const p = parsePeriod('2021-22-Q1');
  assert.equal(previousPeriod(p).id, '2020-21-Q4');
  assert.equal(samePeriodLastYear(parsePeriod('2021-22-Q3')).id, '2020-21-Q3');
  const t = trailingQuarters(parsePeriod('2021-22-Q3'), 8);
  assert.deepEqual(
    t.map((q) => q.id),
    [
      '2019-20-Q4',
      '2020-21-Q1',
      '2020-21-Q2',
      '2020-21-Q3',
      '2020-21-Q4',
      '2021-22-Q1',
      '2021-22-Q2',
      '2021-22-Q3',
    ],
  );
});

test('bases (spec §1.1)', () => {
  const p = parsePeriod('2021-22-Q3');
  assert.deepEqual(basisWindow(p, 'in-period'), { start: '2021-10-01', end: '2021-12-31' });
  assert.deepEqual(basisWindow(p, 'ytd'), { start: '2021-04-01', end: '2021-12-31' });
  assert.deepEqual(basisWindow(p, 'snapshot'), { start: '2021-12-31', end: '2021-12-31' });
  assert.deepEqual(basisWindow(p, 'rolling-12m'), { start: '2021-01-01', end: '2021-12-31' });
  assert.equal(basisWindow(p, 'annual'), null);
  assert.deepEqual(basisWindow(parsePeriod('2021-22-Q4'), 'annual'), {
    start: '2021-04-01',
    end: '2022-03-31',
  });
  assert.deepEqual(basisWindow(parsePeriod('2023-24-Q4'), 'rolling-12m'), {
    start: '2023-04-01',
    end: '2024-03-31',
  });
});
