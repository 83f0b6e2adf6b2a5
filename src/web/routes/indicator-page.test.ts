import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import type { BreakdownRow, IndicatorResult, Member } from '../../indicators/types.js';
import { DEFAULT_SUPPRESSION } from '../../report/public/suppression.js';
import {
  breakdownTables,
  dateColumnLabel,
  memberDateKeys,
  shownMembers,
  type GroupTable,
  type RateTable,
} from './indicator.js';

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

/** A table shown group by group (a rate or counts), failing if it is shown as shares of a whole. */
function rates(t: GroupTable | RateTable | undefined): RateTable {
  assert.ok(t && (t.shape === 'rate' || t.shape === 'counts'), `${t?.name} is shown group by group`);
  return t;
}

/** A table shown as shares of a whole, failing otherwise. */
function groups(t: GroupTable | RateTable | undefined): GroupTable {
  assert.ok(t && (t.shape === 'share' || t.shape === 'composition'), `${t?.name} is shown as shares`);
  return t;
}

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
  const [pctTable] = fullTables('percent', {
    ageBand: [
      row('10-15', '10 to 15', 8, 120),
      row('16-plus', '16 and over', 9, 20),
      row('unknown', 'Age not known', 0, 0),
    ],
  });
  const pct = rates(pctTable);
  // The LA's 10%: inside 10 to 15's interval (6.7%: 3.4% to 12.6%), outside 16 and over's (45%).
  assert.deepEqual(
    pct!.rows.map((r) => [r.label, r.value, r.differs]),
    [
      ['10 to 15', '6.7%', false],
      ['16 and over', '45.0%', true],
      ['Age not known', 'No eligible cases', null],
    ],
  );
  const count = rates(
    fullTables('count', { sex: [row('F', 'Female', 25, null), row('M', 'Male', 15, null)] })[0],
  );
  assert.deepEqual(
    count.rows.map((r) => [r.label, r.value, r.differs]),
    [
      ['Female', '25', null],
      ['Male', '15', null],
    ],
  );
  assert.deepEqual([count.count, count.compares], [true, false], 'one column: the number');
  assert.deepEqual([pct.count, pct.compares], [false, true]);
});

test('a group of a count with a denominator (children with a missing episode) reads as its percentage, not as a rounded count', () => {
  // cic-missing: 16 children of 319 looked after; 7 of the 123 aged 10 to 15 is 5.7%, which read "6".
  const t = rates(
    fullTables('count', {
      ageBand: [row('10-15', '10 to 15', 7, 123), row('16-plus', '16 and over', 9, 84)],
    })[0],
  );
  assert.deepEqual(
    t.rows.map((r) => [r.label, r.numerator, r.denominator, r.value, r.interval, r.differs]),
    [
      ['10 to 15', '7', '123', '5.7%', '2.8% to 11.3%', null],
      ['16 and over', '9', '84', '10.7%', '5.7% to 19.1%', null],
    ],
  );
});

test("a share of the whole (ICPCs by time to conference) shows each group's number and share, its total, and is never compared with the LA", () => {
  // Before: "16 to 20 working days 2 of 62, 3.2%, Significantly different" from the LA's 83.9%.
  const r = {
    ...result('percent', {
      timing: [
        row('within-15', 'Within 15 working days', 52, 62),
        row('16-to-20', '16 to 20 working days', 2, 62),
        row('over-20', 'Over 20 working days', 8, 62),
      ],
    }),
    value: 83.9,
    denominator: 62,
  } as IndicatorResult;
  const t = groups(breakdownTables(r, '2021-22-Q4', 'full', DEFAULT_SUPPRESSION)[0]);
  assert.equal(t.shape, 'share');
  assert.deepEqual(
    [...t.rows, t.total!].map((x) => [x.label, x.number, x.share]),
    [
      ['Within 15 working days', '52', '83.9%'],
      ['16 to 20 working days', '2', '3.2%'],
      ['Over 20 working days', '8', '12.9%'],
      ['All', '62', '100.0%'],
    ],
  );
  assert.ok(!('compares' in t), 'no comparison column');
});

test("a composition (care leavers by activity, NEET one of them) shows each group's size and share of the cohort, not 0% and 100%", () => {
  // Before: "NEET 57 of 57, 100.0%, Significantly different"; "In education 0 of 27, 0.0%, Significantly different".
  const r = {
    ...result('percent', {
      activity: [
        row('education', 'In education', 0, 27),
        row('neet', 'NEET', 57, 57),
        row('unknown', 'Not known', 0, 3),
        row('work', 'In training or employment', 0, 29),
      ],
    }),
    value: 49.1,
    denominator: 116,
  } as IndicatorResult;
  const t = groups(breakdownTables(r, '2021-22-Q4', 'full', DEFAULT_SUPPRESSION)[0]);
  assert.equal(t.shape, 'composition');
  assert.deepEqual(
    t.rows.map((x) => [x.label, x.number, x.share]),
    [
      ['In education', '27', '23.3%'],
      ['NEET', '57', '49.1%'],
      ['Not known', '3', '2.6%'],
      ['In training or employment', '29', '25.0%'],
    ],
  );
  // Age is a characteristic: a rate, compared with the LA, even if each age were wholly in or out.
  const byAge = {
    ...r,
    breakdowns: { age: [row('17', '17', 0, 40), row('18', '18', 57, 57), row('19-21', '19 to 21', 0, 19)] },
  } as IndicatorResult;
  assert.equal(breakdownTables(byAge, '2021-22-Q4', 'full', DEFAULT_SUPPRESSION)[0]!.shape, 'rate');
});

test('public view: a count withheld to protect a small one reads "Not shown", never "<6"; the small one reads "<6"', () => {
  // cic-count by legal status, 40 children: E1 3 is small; C2 9 is withheld with it (secondary
  // suppression, since the table adds up to the published 40), and must not be called fewer than 6.
  const r = {
    ...result('count', {
      legalStatus: [row('C1', 'C1', 28, null), row('C2', 'C2', 9, null), row('E1', 'E1', 3, null)],
    }),
    status: 'ok',
    value: 40,
    numerator: 40,
    denominator: null,
    trend: [],
    extra: {},
    previous: null,
    lastYear: null,
  } as unknown as IndicatorResult;
  const t = rates(breakdownTables(r, '2021-22-Q4', 'public', DEFAULT_SUPPRESSION)[0]);
  assert.deepEqual(
    t.rows.map((x) => [x.label, x.value]),
    [
      ['C1', '28'],
      ['C2', 'Not shown'],
      ['E1', '<6'],
    ],
  );
  assert.equal(t.notShown, true, 'the page explains "Not shown"');
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

test('numbered date columns keep their number order: Placement 9 start before Placement 10 start', () => {
  // A stored list's keys come back sorted as text (placement10Start before placement1Start), so the first
  // child with ten placements, after one with eight, met placement10Start before placement9Start.
  const eight = Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`placement${n}Start`, isoDate('2021-06-01')]),
  );
  const ten = Object.fromEntries(
    [10, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`placement${n}Start`, isoDate('2021-06-01')]),
  );
  const keys = memberDateKeys([{ dates: eight }, { dates: ten }]);
  assert.deepEqual(
    keys,
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `placement${n}Start`),
  );
  // Other keys stay in the order first met, numbered ones at the place of their kind.
  assert.deepEqual(
    memberDateKeys([
      { dates: { referralDate: null, placement2Start: null } },
      { dates: { decisionDate: null, placement1Start: null } },
    ]),
    ['referralDate', 'placement1Start', 'placement2Start', 'decisionDate'],
  );
});

/** A result as the public plan reads it: a published or withheld headline with these breakdowns. */
const publicResult = (
  numerator: number,
  denominator: number,
  breakdowns: Record<string, BreakdownRow[]>,
): IndicatorResult =>
  ({
    ...result('percent', breakdowns),
    status: 'ok',
    numerator,
    denominator,
    value: Math.round((1000 * numerator) / denominator) / 10,
    trend: [],
    extra: {},
    previous: null,
    lastYear: null,
  }) as unknown as IndicatorResult;

test('a share whose groups overlap or leave children out (missing, away) has no "All" row adding up to the whole', () => {
  const r = publicResult(16, 319, {
    type: [row('missing', 'Missing', 16, 319), row('away', 'Away without authorisation', 1, 319)],
  });
  const t = groups(breakdownTables(r, '2021-22-Q4', 'full', DEFAULT_SUPPRESSION)[0]);
  assert.deepEqual(
    t.rows.map((x) => [x.label, x.number, x.share]),
    [
      ['Missing', '16', '5.0%'],
      ['Away without authorisation', '1', '0.3%'],
    ],
  );
  assert.equal(t.total, null);
});

test('public view: a composition withholds a small group and the next smallest (the published denominator gives the rest away)', () => {
  // NEET 57 of 116 published; "Not known" 3 is small, and 116 − 27 − 57 − 29 would give it: "In education"
  // (27, the next smallest) goes with it.
  const r = publicResult(57, 116, {
    activity: [
      row('education', 'In education', 0, 27),
      row('neet', 'NEET', 57, 57),
      row('unknown', 'Not known', 0, 3),
      row('work', 'In training or employment', 0, 29),
    ],
  });
  const t = groups(breakdownTables(r, '2021-22-Q4', 'public', DEFAULT_SUPPRESSION)[0]);
  assert.deepEqual(
    t.rows.map((x) => [x.label, x.number, x.share]),
    [
      ['In education', 'Not shown', 'Small numbers'],
      ['NEET', '57', '49.1%'],
      ['Not known', '<6', 'Small numbers'],
      ['In training or employment', '29', '25.0%'],
    ],
  );
  assert.equal(t.notShown, true);
});

test('public view: the groups of a withheld headline are all withheld, with no total', () => {
  // 3 of 8 ICPCs in time: the headline is withheld, so neither its groups nor their total are published.
  const r = publicResult(3, 8, {
    timing: [
      row('within-15', 'Within 15 working days', 3, 8),
      row('16-to-20', '16 to 20 working days', 0, 8),
      row('over-20', 'Over 20 working days', 5, 8),
    ],
  });
  const t = groups(breakdownTables(r, '2021-22-Q4', 'public', DEFAULT_SUPPRESSION)[0]);
  assert.deepEqual(
    t.rows.map((x) => x.share),
    ['Small numbers', 'Small numbers', 'Small numbers'],
  );
  assert.ok(t.rows.every((x) => x.number !== '3' && x.number !== '5' && x.number !== '8'));
  assert.equal(t.total, null);
});
