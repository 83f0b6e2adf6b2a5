import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { LaDataset } from '../model/la-dataset.js';
import { cicVisitsInTime as indicator, visitTimetable } from './cic-visits-in-time.js';
import { ctxOf, dataset, inputOf, longTerm, visit } from './lib/chain-test-fixtures.js';

const d = isoDate;

/** indicators.md E6 (CiC): placement start Fri 2022-05-27; first visit due Fri 2022-06-03, a bank holiday. */
function e6(visitDate: string, more: Partial<LaDataset> = {}): LaDataset {
  return dataset(['episodes', 'cla-visits'], {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2022-05-27', place: 'U3' })],
    claVisits: [visit('V1', 'C1', visitDate)],
    ...more,
  });
}

test('E6: a visit on the bank holiday due date 2022-06-03 is on time; the next is due 2022-07-15', () => {
  const q1 = indicator.compute(inputOf(e6('2022-06-03')), ctxOf('2022-23-Q1', 'in-period'));
  assert.deepEqual(
    q1.members.map((m) => [m.dates['due'], m.inNumerator, m.reason]),
    [['2022-06-03', true, 'visit due 03/06/2022 met; seen 03/06/2022']],
  );
  assert.deepEqual(
    q1.notes.map((n) => n.code),
    ['longTermFromPlace'],
  );
  const q2 = indicator.compute(inputOf(e6('2022-06-03')), ctxOf('2022-23-Q2', 'in-period'));
  assert.equal(q2.members[0]!.dates['due'], '2022-07-15');
});

test('E6: a first visit on Mon 2022-06-06 is late (the due date is not moved)', () => {
  const q1 = indicator.compute(inputOf(e6('2022-06-06')), ctxOf('2022-23-Q1', 'in-period'));
  assert.deepEqual(
    q1.members.map((m) => [m.dates['due'], m.inNumerator, m.reason]),
    [['2022-06-03', false, 'visit due 03/06/2022 missed; seen 06/06/2022']],
  );
  assert.equal(q1.numerator, 0);
});

test('a visit on the placement start day does not meet the first due', () => {
  const q1 = indicator.compute(inputOf(e6('2022-05-27')), ctxOf('2022-23-Q1', 'in-period'));
  assert.deepEqual(
    q1.members.map((m) => m.inNumerator),
    [false],
  );
});

test('E4: no visit falls due 7 days after the return from T1; placement B’s first visit is due 2021-08-09', () => {
  const data = dataset(['episodes', 'cla-visits'], {
    episodes: [
      ep({ id: 'e1', decom: '2020-06-01', rne: 'S', place: 'U1', plPost: 'DL1 1AA', dec: '2021-03-10' }),
      ep({ id: 'e2', decom: '2021-03-10', rne: 'P', place: 'T1', plPost: null, dec: '2021-03-20' }),
      ep({ id: 'e3', decom: '2021-03-20', rne: 'P', place: 'U1', plPost: 'DL1 1AA', dec: '2021-08-02' }),
      ep({ id: 'e4', decom: '2021-08-02', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' }),
    ],
  });
  const r = indicator.compute(inputOf(data), ctxOf('2021-22', 'ytd'));
  const dues = r.members.map((m) => [m.dates['placementStart'], m.dates['due']]);
  assert.ok(!dues.some(([, due]) => due === '2021-03-27'));
  assert.deepEqual(dues.filter(([start]) => start === '2021-08-02')[0], ['2021-08-02', '2021-08-09']);
  assert.ok(dues.every(([start]) => start === '2020-06-01' || start === '2021-08-02'));
  // No due of placement A falls on or after its end (2021-08-02).
  assert.ok(dues.every(([start, due]) => start !== '2020-06-01' || due! < '2021-08-02'));
});

test('the timetable: 42 days while a − 12 months < placement start, then 3 months when long-term', () => {
  const longTermNext = visitTimetable(d('2021-01-04'), () => true);
  const shortTermNext = visitTimetable(d('2021-01-04'), () => false);
  assert.equal(longTermNext(d('2021-01-04'), 1), '2021-01-11');
  assert.equal(longTermNext(d('2022-01-03'), 5), '2022-02-14');
  assert.equal(longTermNext(d('2022-01-04'), 5), '2022-04-04');
  assert.equal(shortTermNext(d('2022-01-04'), 5), '2022-02-15');
  // Step back from the anchor, never forward from the start: 2021-02-28 − 12 months = 2020-02-28 < 2020-02-29.
  assert.equal(visitTimetable(d('2020-02-29'), () => true)(d('2021-02-28'), 3), '2021-04-11');
  assert.equal(visitTimetable(d('2020-02-29'), () => true)(d('2021-03-01'), 3), '2021-06-01');
});

/** In a U1 placement from Mon 2021-01-04, seen on 2022-01-04 (exactly 12 months) and 2022-03-01. */
function anniversary(more: Partial<LaDataset> = {}): LaDataset {
  return dataset(['episodes', 'cla-visits'], {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2021-01-04', place: 'U1' })],
    claVisits: [
      // Every 42 days from the first due 2021-01-11, so the anchor reaches 2021-12-13 on time.
      ...[
        '2021-01-11',
        '2021-02-22',
        '2021-04-05',
        '2021-05-17',
        '2021-06-28',
        '2021-08-09',
        '2021-09-20',
        '2021-11-01',
        '2021-12-13',
        '2022-01-04',
        '2022-03-01',
      ].map((x, i) => visit(`V${i}`, 'C1', x)),
    ],
    ...more,
  });
}

test('long-term by PLACE U1 only when placements_long_term is absent; from long_term_from when present', () => {
  const q4 = (data: LaDataset) =>
    indicator
      .compute(inputOf(data), ctxOf('2021-22-Q4', 'in-period'))
      .members.map((m) => [m.dates['anchor'], m.dates['due'], m.inNumerator]);
  // No file: U1 is long-term, so after the 2022-01-04 visit (a − 12 months = start) the next is due 2022-04-04 (Q1).
  assert.deepEqual(q4(anniversary()), [['2021-12-13', '2022-01-24', true]]);
  // File present without this placement: not long-term, 42 days → due 2022-02-15, missed (seen 2022-03-01).
  const absent = anniversary({ tables: new Set(['episodes', 'cla-visits', 'placements-long-term']) });
  assert.deepEqual(q4(absent), [
    ['2021-12-13', '2022-01-24', true],
    ['2022-01-04', '2022-02-15', false],
  ]);
  // File row for this placement, long-term from 2022-01-04: 3 months again.
  const row = anniversary({
    tables: new Set(['episodes', 'cla-visits', 'placements-long-term']),
    placementsLongTerm: [longTerm('L1', 'C1', '2021-01-04', '2022-01-04')],
  });
  assert.deepEqual(q4(row), [['2021-12-13', '2022-01-24', true]]);
  const later = anniversary({
    tables: new Set(['episodes', 'cla-visits', 'placements-long-term']),
    placementsLongTerm: [longTerm('L1', 'C1', '2021-01-04', '2022-01-05')],
  });
  assert.equal(q4(later).length, 2);
});

test('cicVisits.seenAlone: only visits where the child was seen alone count; not seen never counts', () => {
  const data = e6('2022-06-03', { claVisits: [visit('V1', 'C1', '2022-06-03', { seenAlone: false })] });
  assert.equal(indicator.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period')).numerator, 1);
  const alone = indicator.compute(
    inputOf(data),
    ctxOf('2022-23-Q1', 'in-period', { 'cicVisits.seenAlone': true }),
  );
  assert.equal(alone.numerator, 0);
  const notSeen = e6('2022-06-03', { claVisits: [visit('V1', 'C1', '2022-06-03', { childSeen: false })] });
  assert.equal(indicator.compute(inputOf(notSeen), ctxOf('2022-23-Q1', 'in-period')).numerator, 0);
});

test('zero denominator and not available without cla_visits', () => {
  const none = indicator.compute(
    inputOf(dataset(['episodes', 'cla-visits'])),
    ctxOf('2022-23-Q1', 'in-period'),
  );
  assert.equal(none.status, 'ok');
  assert.equal(none.denominator, 0);
  const na = indicator.compute(inputOf(dataset(['episodes'])), ctxOf('2022-23-Q1', 'in-period'));
  assert.equal(na.status, 'not-available');
  assert.deepEqual(na.missing, ['cla_visits.csv']);
});
