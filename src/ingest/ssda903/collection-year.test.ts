import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../../calendar/iso-date.js';
import { countDate, ssda903CollectionYear } from './collection-year.js';

/** The dates given, counted (a date given twice counts two). */
function d(...xs: string[]): Map<IsoDate, number> {
  const counts = new Map<IsoDate, number>();
  for (const x of xs) countDate(counts, x as IsoDate);
  return counts;
}
const many = (n: number, date: string): string[] => Array.from({ length: n }, () => date);
const none = (): Map<IsoDate, number> => new Map();

test('a set without late dates is the year of its latest date (inputs.md §1.1)', () => {
  assert.deepEqual(
    ssda903CollectionYear({ starts: d('2015-06-01', '2021-05-01'), inYear: d('2021-12-01', '2022-03-31') }),
    { year: '2021-22', asAt: '2022-03-31' },
  );
  // Only open episodes: the year of the latest DECOM.
  assert.deepEqual(ssda903CollectionYear({ starts: d('2019-01-01', '2021-04-02'), inYear: none() }), {
    year: '2021-22',
    asAt: '2021-04-02',
  });
});

test('a few dates after the year end of a full return leave it in its year, as-at within the year', () => {
  const r = ssda903CollectionYear({
    starts: d(...many(30, '2018-09-01'), ...many(20, '2021-07-01'), '2022-04-03'),
    inYear: d(...many(60, '2021-10-10'), '2022-04-02', '2022-04-05'),
  });
  assert.deepEqual(r, { year: '2021-22', asAt: '2021-10-10' });
});

test('an in-year extract takes its own year, however few of its dates lie in it', () => {
  // As at 10 April 2022: children looked after since long before, three reviews and one episode end in April.
  const r = ssda903CollectionYear({
    starts: d(...many(150, '2021-08-01'), ...many(100, '2019-02-01')),
    inYear: d('2022-04-04', '2022-04-06', '2022-04-08', '2022-04-09'),
  });
  assert.deepEqual(r, { year: '2022-23', asAt: '2022-04-09' });
});

test('ties go to the later year', () => {
  // One end in each year: 2021-22 scores 1 - 1, 2022-23 scores 1.
  assert.equal(
    ssda903CollectionYear({ starts: none(), inYear: d('2022-01-01', '2022-05-01') })?.year,
    '2022-23',
  );
  // Two in 2021-22 against one after: 2 - 1 = 1 ties 2022-23's 1, the later year wins.
  assert.equal(
    ssda903CollectionYear({ starts: none(), inYear: d('2022-01-01', '2022-01-02', '2022-05-01') })?.year,
    '2022-23',
  );
  assert.equal(
    ssda903CollectionYear({
      starts: none(),
      inYear: d('2022-01-01', '2022-01-02', '2022-01-03', '2022-05-01'),
    })?.year,
    '2021-22',
  );
});

test('a given year (--year) wins; its as-at is the latest date up to its end, else the latest date', () => {
  const dates = { starts: d('2021-05-01'), inYear: d('2021-12-01', '2022-06-01') };
  assert.deepEqual(ssda903CollectionYear(dates, '2021-22'), { year: '2021-22', asAt: '2021-12-01' });
  assert.deepEqual(ssda903CollectionYear(dates, '2020-21'), { year: '2020-21', asAt: '2022-06-01' });
  assert.deepEqual(ssda903CollectionYear({ starts: none(), inYear: none() }, '2021-22'), {
    year: '2021-22',
    asAt: null,
  });
});

test('no dates and no given year: no year', () => {
  assert.equal(ssda903CollectionYear({ starts: none(), inYear: none() }), null);
});
