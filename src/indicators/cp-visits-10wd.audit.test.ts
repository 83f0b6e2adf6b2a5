/**
 * Audit of cp-visits-10wd against indicators.md (branch audit-e): hand-worked cases from the spec text.
 * §2: "One chain per CP plan. a₀ = CPPstartDate; next(a, k) = addwd(a, N) …; events = cp_visits with
 * child_seen = Y; end = CPPendDate. Denominator / numerator: Dues falling in the period / those met."
 * §1.6: "D = next(a, k). Stop if the chain is closed on D (end ≤ D) or D > asAt. If any event falls in
 * (a, D], the due is met; a = the latest such event. Otherwise … a = the earliest event in
 * (D, next(D, k+1)] if there is one; otherwise a = D." §1.2: addwd(a, N) is the N-th working day after a,
 * holidays from the shared table. Dates were counted by hand against data/bank-holidays-england-and-wales.csv.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { addDays, isoDate, type IsoDate } from '../calendar/iso-date.js';
import { cpVisits10wd as indicator } from './cp-visits-10wd.js';
import { cpPlan, ctxOf, dataset, inputOf, visit } from './lib/chain-test-fixtures.js';
import type { LaDataset } from '../model/la-dataset.js';

const dueList = (data: LaDataset, period: string, basis: 'in-period' | 'ytd' = 'in-period', more = {}) =>
  indicator
    .compute(inputOf(data), ctxOf(period, basis, {}, more))
    .members.map((m) => [m.childId, m.dates['due'], m.inNumerator]);

// Child B: plan from Mon 2023-03-06 to 2023-05-03. D1 = addwd(03-06, 10): 7–10 Mar (4), 13–17 (9), 20 Mar
// (10) = Mon 2023-03-20. A visit on Fri 17 March (9 working days) meets it and anchors D2 = 20–24 Mar (5),
// 27–31 (10) = Fri 2023-03-31, Q4's last day; a visit that day meets it. D3 = addwd(03-31, 10) across Easter
// (Good Friday 7 and Easter Monday 10 April): 3–6 Apr (4), 11–14 (8), 17, 18 (10) = Tue 2023-04-18, met by
// a visit that day. D4 = 19–21 Apr (3), 24–28 (8), 1 May is a holiday, 2, 3 May (10) = 2023-05-03: the plan's
// end date, so the chain is closed on D4 and it is not counted.
// Child C: same start, seen on Tue 21 March (11 working days): D1 missed, and the visit, in
// (D1, addwd(D1, 10)], restarts the clock: D2 = addwd(03-21, 10) = 22–24 Mar (3), 27–31 (8), 3, 4 Apr (10)
// = 2023-04-04, met by a visit that day.
function marchPlans(endB = '2023-05-03'): LaDataset {
  return dataset(['cp-plans', 'cp-visits'], {
    cpPlans: [cpPlan('PB', 'B', '2023-03-06', endB), cpPlan('PC', 'C', '2023-03-06', '2023-04-20')],
    cpVisits: [
      visit('VB1', 'B', '2023-03-17'),
      visit('VB2', 'B', '2023-03-31'),
      visit('VB3', 'B', '2023-04-18'),
      visit('VC1', 'C', '2023-03-21'),
      visit('VC2', 'C', '2023-04-04'),
    ],
  });
}

test('audit §1.6/§1.2: 9 and 10 working days meet a due, 11 misses it and restarts the clock; dues on e and across Easter', () => {
  assert.deepEqual(dueList(marchPlans(), '2022-23-Q4'), [
    ['B', '2023-03-20', true],
    ['B', '2023-03-31', true],
    ['C', '2023-03-20', false],
  ]);
  assert.deepEqual(dueList(marchPlans(), '2023-24-Q1'), [
    ['B', '2023-04-18', true],
    ['C', '2023-04-04', true],
  ]);
  const q4 = indicator.compute(inputOf(marchPlans()), ctxOf('2022-23-Q4', 'in-period'));
  assert.equal(q4.numerator, 2);
  assert.equal(q4.denominator, 3);
  assert.equal(q4.members[2]!.reason, 'visit due 20/03/2023 missed; seen 21/03/2023');
  assert.equal(q4.members[2]!.dates['anchor'], '2023-03-06');
});

test('audit §1.8: a due on the plan end date is not counted; with the plan ending a day later it is (and missed)', () => {
  assert.deepEqual(dueList(marchPlans('2023-05-04'), '2023-24-Q1'), [
    ['B', '2023-04-18', true],
    ['B', '2023-05-03', false],
    ['C', '2023-04-04', true],
  ]);
});

test('audit §1.1 period edges: a due on Q1’s last day counts in Q1, one on Q2’s first day in Q2', () => {
  // Thu 2022-06-16: 17 Jun (1), 20–24 (6), 27–30 (10) = Thu 2022-06-30. Fri 2022-06-17: 20–24 (5),
  // 27–30 (9), 1 Jul (10) = Fri 2022-07-01.
  const data = dataset(['cp-plans', 'cp-visits'], {
    cpPlans: [cpPlan('P1', 'A', '2022-06-16', '2022-07-10'), cpPlan('P2', 'B', '2022-06-17', '2022-07-10')],
    cpVisits: [visit('V1', 'A', '2022-06-30'), visit('V2', 'B', '2022-07-01')],
  });
  assert.deepEqual(dueList(data, '2022-23-Q1'), [['A', '2022-06-30', true]]);
  assert.deepEqual(dueList(data, '2022-23-Q2'), [['B', '2022-07-01', true]]);
  assert.deepEqual(dueList(data, '2022-23-Q2', 'ytd'), [
    ['A', '2022-06-30', true],
    ['B', '2022-07-01', true],
  ]);
});

test('audit §1.2 Christmas 2023 and the 2022 State Funeral: holidays from the table are skipped', () => {
  // Fri 2023-12-15: 18–22 Dec (5), 25 and 26 Dec holidays, 27–29 (8), 1 Jan holiday, 2, 3 Jan (10) =
  // Wed 2024-01-03. Unvisited: a = D1, D2 = 4, 5 Jan (2), 8–12 (7), 15–17 (10) = 2024-01-17.
  // Mon 2022-09-12: 13–16 Sep (4), 19 Sep (State Funeral) holiday, 20–23 (8), 26, 27 (10) = 2022-09-27.
  const data = dataset(['cp-plans', 'cp-visits'], {
    cpPlans: [cpPlan('P1', 'A', '2023-12-15', '2024-01-20'), cpPlan('P2', 'B', '2022-09-12', '2022-09-30')],
    cpVisits: [visit('V2', 'B', '2022-09-27')],
  });
  assert.deepEqual(dueList(data, '2023-24-Q3'), []);
  assert.deepEqual(dueList(data, '2023-24-Q4'), [
    ['A', '2024-01-03', false],
    ['A', '2024-01-17', false],
  ]);
  assert.deepEqual(dueList(data, '2022-23-Q2'), [['B', '2022-09-27', true]]);
});

test('audit §1.2 inclusive variant: the plan start day counts, so D1 moves one working day earlier', () => {
  // Mon 2023-03-06 counted as day 1: the 10th counted day is Fri 2023-03-17, met by B's 17 March visit.
  // Then from the visit day (a working day, so day 1): 20–24 Mar are days 2–6 and 27–30 Mar days 7–10,
  // so D2 = Thu 2023-03-30, missed (the next visit is on the 31st).
  assert.deepEqual(
    dueList(marchPlans(), '2022-23-Q4', 'in-period', { workingDays: 'inclusive' }).slice(0, 2),
    [
      ['B', '2023-03-17', true],
      ['B', '2023-03-30', false],
    ],
  );
});

test('audit §1.1/§1.8 as-at: a due on the as-at date is counted, one after it is not; e > as-at is provisional', () => {
  const at = (d: string) => ({
    ...marchPlans(),
    asAt: { cin: isoDate('2023-06-30'), ssda903: null, local: { 'cp-visits': isoDate(d) } },
  });
  const on = indicator.compute(inputOf(at('2023-04-18')), ctxOf('2023-24-Q1', 'in-period'));
  assert.deepEqual(
    on.members.map((m) => [m.childId, m.dates['due']]),
    [
      ['B', '2023-04-18'],
      ['C', '2023-04-04'],
    ],
  );
  assert.ok(on.notes.some((n) => n.code === 'provisional'));
  const before = indicator.compute(inputOf(at('2023-04-17')), ctxOf('2023-24-Q1', 'in-period'));
  assert.deepEqual(
    before.members.map((m) => [m.childId, m.dates['due']]),
    [['C', '2023-04-04']],
  );
  // The CIN census's as-at counts too: the earliest of the two sources stops the chain (§1.8).
  const cinEarlier = {
    ...marchPlans(),
    asAt: { cin: isoDate('2023-04-17'), ssda903: null, local: { 'cp-visits': isoDate('2023-06-30') } },
  };
  assert.deepEqual(dueList(cinEarlier, '2023-24-Q1'), [['C', '2023-04-04', true]]);
});

test('audit §2: a later plan of the same child runs its own chain; a visit on its start day does not meet its D1', () => {
  const data = dataset(['cp-plans', 'cp-visits'], {
    cpPlans: [cpPlan('P1', 'A', '2022-06-16', '2022-07-10'), cpPlan('P2', 'A', '2022-09-12', null)],
    cpVisits: [visit('V1', 'A', '2022-06-30'), visit('V2', 'A', '2022-09-12')],
  });
  const r = indicator.compute(inputOf(data), ctxOf('2022-23-Q2', 'in-period'));
  // P2: D1 = 2022-09-27 (as above) missed, the 12 September visit being on the anchor day.
  assert.deepEqual(
    r.members.map((m) => [m.recordIds, m.dates['due'], m.inNumerator]),
    [[['P2'], '2022-09-27', false]],
  );
  assert.equal(r.members.length, r.denominator);
});

// An independent literal §1.6 chain with addwd counted day by day from the shipped holiday CSV.
const HOLIDAYS = new Set(
  readFileSync(new URL('../../data/bank-holidays-england-and-wales.csv', import.meta.url), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.slice(0, 10)),
);
function literalAddwd(a: IsoDate, n: number): IsoDate {
  let d = a;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6 && !HOLIDAYS.has(d)) left--;
  }
  return d;
}
function literalChain(start: IsoDate, end: IsoDate | null, visits: IsoDate[], stop: IsoDate) {
  const out: [IsoDate, boolean][] = [];
  let a = start;
  for (;;) {
    const D = literalAddwd(a, 10);
    if ((end !== null && end <= D) || D > stop) break;
    const inside = visits.filter((v) => v > a && v <= D).sort();
    if (inside.length > 0) {
      out.push([D, true]);
      a = inside[inside.length - 1]!;
      continue;
    }
    out.push([D, false]);
    const late = visits.filter((v) => v > D && v <= literalAddwd(D, 10)).sort();
    a = late.length > 0 ? late[0]! : D;
  }
  return out;
}

test('audit §1.6: the 2022-23 dues and their outcome equal a literal chain (random visits, open and closed plans)', () => {
  const s = isoDate('2022-03-01');
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 420 }), { maxLength: 30 }),
      fc.option(fc.integer({ min: 5, max: 420 }), { nil: null }),
      (offsets, len) => {
        const end = len === null ? null : addDays(s, len);
        const visits = [...new Set(offsets.map((o) => addDays(s, o)))];
        const data = dataset(['cp-plans', 'cp-visits'], {
          cpPlans: [cpPlan('P1', 'A', s, end)],
          cpVisits: visits.map((v, i) => visit(`V${i}`, 'A', v)),
        });
        // Members are listed by due date; two dues can share a date (a Saturday visit anchors a due on the
        // same date as the Friday before it would), so both lists are compared in the same order.
        const order = (x: readonly unknown[], y: readonly unknown[]) => String(x).localeCompare(String(y));
        const expected = literalChain(s, end, visits, isoDate('2023-03-31'))
          .filter(([d]) => d >= '2022-04-01')
          .sort(order);
        assert.deepEqual(
          dueList(data, '2022-23', 'in-period')
            .map(([, d, met]) => [d, met])
            .sort(order),
          expected,
        );
      },
    ),
    { numRuns: 150 },
  );
});

test('audit --members: the figures-only run (comparisons, trends) equals the member list, quarters asked latest first', () => {
  const s = isoDate('2022-01-10');
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 500 })), { maxLength: 40 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.option(fc.integer({ min: 1, max: 300 }))), {
        minLength: 1,
        maxLength: 4,
      }),
      (visits, plans) => {
        const data = dataset(['cp-plans', 'cp-visits'], {
          cpPlans: plans.map(([o, len], i) =>
            cpPlan(`P${i}`, `C${i % 3}`, addDays(s, o), len === null ? null : addDays(s, o + len)),
          ),
          cpVisits: visits.map(([c, o], i) => visit(`V${i}`, `C${c}`, addDays(s, o))),
        });
        // One input shared by every period, as a report shares it (the chain cache runs each chain once).
        const shared = inputOf(data);
        for (const q of ['Q4', 'Q3', 'Q2', 'Q1']) {
          const period = `2022-23-${q}`;
          const figures = indicator.compute(shared, { ...ctxOf(period, 'in-period'), members: false });
          const listed = indicator.compute(inputOf(data), ctxOf(period, 'in-period'));
          assert.equal(figures.numerator, listed.members.filter((m) => m.inNumerator).length);
          assert.equal(figures.denominator, listed.members.length);
          assert.equal(listed.numerator, figures.numerator);
          assert.equal(listed.denominator, figures.denominator);
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('audit §2 unit (% of due visits): the narrative speaks of visits, and of no fixed interval (10 or 15 working days)', () => {
  // §2 cp-visits-10wd: "Unit: % of due visits"; `cpVisits.interval` may be 15, and the narrative phrases
  // are not recomputed per setting (only the title is, via titleUnder), so they must hold under both.
  for (const phrase of [indicator.narrative.subject, indicator.narrative.zeroPhrase ?? '']) {
    assert.match(phrase, /visits? /);
    assert.doesNotMatch(phrase, /children/i);
    assert.doesNotMatch(phrase, /\b1[05] working days\b/);
  }
});
