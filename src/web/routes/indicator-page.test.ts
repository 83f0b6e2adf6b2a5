import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import type { BreakdownRow, IndicatorResult, Member } from '../../indicators/types.js';
import { DEFAULT_SUPPRESSION } from '../../report/public/suppression.js';
import { breakdownTables, dateColumnLabel, memberDateKeys, shownMembers } from './indicator.js';

const row = (key: string, label: string, numerator: number, denominator: number | null): BreakdownRow => ({
  key,
  label,
  numerator,
  denominator,
  value: denominator === null ? numerator : denominator === 0 ? null : (1000 * numerator) / denominator / 10,
});

/** Only what the breakdown tables read of a result (the full view: no public plan). */
const result = (unit: 'percent' | 'count', breakdowns: Record<string, BreakdownRow[]>): IndicatorResult =>
  ({ id: 'x', unit, value: unit === 'percent' ? 10 : 40, breakdowns }) as unknown as IndicatorResult;

/** The breakdown tables of the full view of Q4 2021/22 for a result with these breakdowns. */
const fullTables = (unit: 'percent' | 'count', breakdowns: Record<string, BreakdownRow[]>) =>
  breakdownTables(result(unit, breakdowns), '2021-22-Q4', 'full', DEFAULT_SUPPRESSION);

test('breakdown tables are named as the report names them, not by their keys', () => {
  const tables = fullTables('percent', {
    ageBand: [row('1-4', '1 to 4', 1, 10)],
    placementCount: [row('1', '1 placement', 1, 10)],
    legalStatus: [row('C2', 'C2', 1, 10)],
    sex: [row('F', 'Female', 1, 10)],
  });
  assert.deepEqual(
    tables.map((t) => [t.name, t.title]),
    [
      ['ageBand', 'Age band'],
      ['placementCount', 'Number of placements in the previous 12 months'],
      ['legalStatus', 'Legal status'],
      ['sex', 'Sex'],
    ],
  );
});

test('an ethnicity is written as the code list names it, with its code; a code not in the list stays as it is', () => {
  const [t] = fullTables('percent', {
    ethnicity: [
      row('BAFR', 'BAFR', 3, 11),
      row('WBRI', 'WBRI', 10, 182),
      row('XXXX', 'XXXX', 0, 1),
      row('not-recorded', 'Not recorded', 0, 2),
    ],
  });
  assert.deepEqual(
    t!.rows.map((r) => r.label),
    ['African (BAFR)', 'White British (WBRI)', 'XXXX', 'Not recorded'],
  );
});

test('a row is compared with the LA only when it has an interval: no eligible cases get none, and a breakdown of counts shows numbers alone', () => {
  const [pct] = fullTables('percent', {
    ageBand: [
      row('10-15', '10 to 15', 8, 120),
      row('16-plus', '16 and over', 9, 20),
      row('unknown', 'Age not known', 0, 0),
    ],
  });
  // The LA's 10%: inside 10 to 15's interval (6.7%: 3.4% to 12.6%), outside 16 and over's (45%).
  assert.deepEqual(
    pct!.rows.map((r) => [r.label, r.value, r.differs]),
    [
      ['10 to 15', '6.7%', false],
      ['16 and over', '45.0%', true],
      ['Age not known', 'No eligible cases', null],
    ],
  );
  const [count] = fullTables('count', { sex: [row('F', 'Female', 25, null), row('M', 'Male', 15, null)] });
  assert.deepEqual(
    count!.rows.map((r) => [r.label, r.value, r.differs]),
    [
      ['Female', '25', null],
      ['Male', '15', null],
    ],
  );
  assert.deepEqual([count!.count, count!.compares], [true, false], 'one column: the number');
  assert.deepEqual([pct!.count, pct!.compares], [false, true]);
});

test("a child list's date columns are headed in words: 'Placement 2 start', 'Period of care start'", () => {
  assert.deepEqual(
    ['placement2Start', 'periodOfCareStart', 'referralDate', 'received', 'placement10Start'].map(
      dateColumnLabel,
    ),
    ['Placement 2 start', 'Period of care start', 'Referral date', 'Received', 'Placement 10 start'],
  );
});

/** A member with only what the child list reads. */
const member = (childId: string, inNumerator: boolean, dates: Member['dates'] = {}): Member => ({
  childId,
  recordIds: [],
  dates,
  inNumerator,
  reason: '',
});

test('a child list shows the members ?show= asks for; any other value shows all of them', () => {
  const members = [member('A', true), member('B', false), member('C', true)];
  const ids = (show: string | undefined) => {
    const { filter, shown } = shownMembers(show, members);
    return [filter, shown.map((m) => m.childId).join('')];
  };
  assert.deepEqual(ids('numerator'), ['numerator', 'AC']);
  assert.deepEqual(ids('not-numerator'), ['not-numerator', 'B']);
  assert.deepEqual(ids(undefined), ['all', 'ABC']);
  assert.deepEqual(ids('Numerator'), ['all', 'ABC']);
  assert.deepEqual(ids(''), ['all', 'ABC']);
});

test("a child list's date columns are every member's date keys, in the order first met", () => {
  const members = [
    member('A', true, { due: isoDate('2022-01-04') }),
    member('B', false, { anchor: isoDate('2021-12-21'), due: isoDate('2022-01-04'), event: null }),
  ];
  assert.deepEqual(memberDateKeys(members), ['due', 'anchor', 'event']);
  assert.deepEqual(memberDateKeys([]), []);
});
