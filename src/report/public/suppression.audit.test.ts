import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BreakdownRow } from '../../indicators/types.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { makeResult } from '../fixtures/make-result.js';
import { DEFAULT_SUPPRESSION, planBreakdown, planSuppression } from './suppression.js';
import { suppressionRuleOf } from './suppression-rule.js';
import { currentText } from '../model/cell-text.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';

// Audit (report.md §6 "Secondary suppression. Where a breakdown shows its total, a lone suppressed cell
// forces the next smallest cell to be suppressed as well. The check also covers differences a reader could
// work out"). The public CSV/JSON gives every breakdown cell beside the headline row, and the scorecard gives
// the headline as "19.1% (66/345)": the headline IS the breakdown's total whenever the cells partition it
// (age bands, sex, legal status), not only when the cells share one denominator. Hand-worked from a synth
// Darlington Q3 2021/22 public CSV, where these cells could be recovered by subtraction.

const entry = (id: string) => FAKE_CATALOGUE.find((e) => e.id === id)!;
const row = (key: string, numerator: number, denominator: number | null): BreakdownRow => ({
  key,
  label: key,
  numerator,
  denominator,
  value: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null,
});

/** What a reader of the public rows can work out: a lone hidden cell is the total less the shown cells. */
function recoverable(
  rows: readonly BreakdownRow[],
  hidden: readonly boolean[],
  total: { numerator: number; denominator: number | null },
): boolean {
  const sum = (f: (r: BreakdownRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const partitions =
    sum((r) => r.numerator) === total.numerator ||
    (total.denominator !== null && sum((r) => r.denominator ?? 0) === total.denominator);
  return partitions && hidden.filter(Boolean).length === 1;
}

test('audit: an age-band breakdown of a shown percentage (own denominators) hides a second cell beside a lone small one', () => {
  // Re-referrals 66/345; under-1 is 2/25. Shown cells sum to 64/320, so under-1 = 66 − 64 of 345 − 320.
  const ageBand = [
    row('under-1', 2, 25),
    row('1-4', 17, 72),
    row('5-9', 13, 71),
    row('10-15', 21, 132),
    row('16-plus', 13, 45),
    row('unknown', 0, 0),
  ];
  const r = makeResult(entry('referrals-rereferral-12m'), '2021-22-Q3', {
    current: [66, 345],
    breakdowns: { ageBand },
  });
  const plan = planSuppression(r, DEFAULT_SUPPRESSION);
  assert.equal(plan.headline, false, 'the headline (the total) is shown');
  const hidden = plan.breakdowns['ageBand']!;
  assert.equal(hidden[0], true, 'under-1 (2/25) is small');
  assert.equal(hidden.filter(Boolean).length, 2, 'a second cell protects it');
  // The second cell is the next smallest group (by its denominator, the group's size): 16-plus, 45.
  assert.deepEqual(
    ageBand.filter((_, i) => hidden[i]).map((x) => x.key),
    ['under-1', '16-plus'],
  );
  assert.equal(recoverable(ageBand, hidden, { numerator: 66, denominator: 345 }), false);
});

test('audit: a count breakdown (children in care by legal status) hides the next smallest group beside a lone small one', () => {
  // 281 children in care; J1 is 4: 281 − (47 + 150 + 9 + 71) = 4 without secondary suppression.
  const legalStatus = [
    row('C1', 47, null),
    row('C2', 150, null),
    row('E1', 9, null),
    row('J1', 4, null),
    row('V2', 71, null),
  ];
  const r = makeResult(entry('cic-count'), '2021-22-Q3', { current: 281, breakdowns: { legalStatus } });
  const plan = planSuppression(r, DEFAULT_SUPPRESSION);
  assert.equal(plan.headline, false);
  assert.deepEqual(plan.breakdowns['legalStatus'], [false, false, true, true, false]);
});

test('audit: a breakdown whose cells do not make up the headline keeps its primary suppression only', () => {
  // Allocated 281/281: the percentage's cells, but the rows are overlapping groups (they sum to neither).
  const rows = [row('a', 100, 100), row('b', 3, 40), row('c', 120, 120)];
  const r = makeResult(entry('cic-allocated-sw'), '2021-22-Q3', {
    current: [281, 281],
    breakdowns: { other: rows },
  });
  assert.deepEqual(planSuppression(r, DEFAULT_SUPPRESSION).breakdowns['other'], [false, true, false]);
});

test('audit: whatever the cells, no lone suppressed cell of a partition of a shown headline', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
        minLength: 2,
        maxLength: 8,
      }),
      fc.boolean(),
      (pairs, counts) => {
        const rows = pairs.map(([a, b], i) =>
          counts ? row(`g${i}`, a + b, null) : row(`g${i}`, Math.min(a, b), Math.max(a, b)),
        );
        const numerator = rows.reduce((s, x) => s + x.numerator, 0);
        const denominator = counts ? null : rows.reduce((s, x) => s + (x.denominator ?? 0), 0);
        const hidden = planBreakdown(rows, DEFAULT_SUPPRESSION, { numerator, denominator });
        return !recoverable(rows, hidden, { numerator, denominator }) || rows.length < 2;
      },
    ),
  );
});

// Audit (report.md §6 "Team breakdowns appear only if the setting is on and every cell passes"): the public
// CSV/JSON gave cic-allocated-sw by team with no setting. Decided: the setting is `suppression.teams`
// (off by default, the dashboard's setting too); with it off, or with any team cell
// suppressed, every team cell is withheld (and the rows leave the public CSV/JSON, see data-rows).
test('audit: a team breakdown is withheld in public unless suppression.teams is on and every cell passes', () => {
  const team = [row('Team A', 120, 130), row('Team B', 150, 151)];
  const ok = [row('Team A', 120, 130), row('Team B', 140, 151)];
  const r = (rows: BreakdownRow[]) =>
    makeResult(entry('cic-allocated-sw'), '2021-22-Q3', { current: [260, 281], breakdowns: { team: rows } });
  assert.deepEqual(
    planSuppression(r(ok), DEFAULT_SUPPRESSION).breakdowns['team'],
    [true, true],
    'off by default',
  );
  const on = suppressionRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.teams': true } });
  assert.ok(on.ok);
  assert.deepEqual(
    planSuppression(r(ok), on.rule).breakdowns['team'],
    [false, false],
    'on, every cell passes',
  );
  assert.deepEqual(
    planSuppression(r(team), on.rule).breakdowns['team'],
    [true, true],
    'Team B 150/151 fails (n − x = 1), so the whole team breakdown is withheld',
  );
});

// Audit (report.md §6 "The check also covers differences a reader could work out: year-to-date minus the
// previous year-to-date"). A year-to-date figure's numerator and denominator are published every quarter,
// so last quarter's paper and this one give the quarter by subtraction. Hand-worked from synth Darlington:
// health assessments 126/132 at Q2 and 191/199 at Q3 give 65 of 67 in Q3 — 2 children without one (n − x).
test('audit: a year-to-date figure is suppressed when it less the previous year to date is a small number', () => {
  const health = (current: [number, number], previous: [number, number]) =>
    makeResult(entry('cic-health-assessments'), '2021-22-Q3', {
      current,
      previous,
      trend: [[60, 80], [70, 90], [80, 100], [90, 110], [100, 120], [110, 130], previous, current],
    });
  const hidden = planSuppression(health([191, 199], [126, 132]), DEFAULT_SUPPRESSION);
  assert.equal(hidden.headline, true, '65/67');
  // "A suppressed figure shows no … sparkline point": the Q3 point goes too, Q2's stays.
  assert.deepEqual(hidden.trend, [false, false, false, false, false, false, false, true]);
  assert.equal(planSuppression(health([191, 210], [126, 132]), DEFAULT_SUPPRESSION).headline, false, '65/78');
  assert.equal(
    planSuppression(health([191, 199], [126, 132]), { k: 5, complement: false }).headline,
    false,
    'the complement rule off: 65 and 67 are not small',
  );
  const repeat = makeResult(entry('cp-repeat-any'), '2021-22-Q3', { current: [20, 113], previous: [17, 69] });
  assert.equal(planSuppression(repeat, DEFAULT_SUPPRESSION).headline, true, '3 repeat plans in Q3');
  // Q1's previous quarter is last year's Q4, a different year to date: no difference to work out.
  const q1 = makeResult(entry('cp-repeat-any'), '2021-22-Q1', { current: [20, 113], previous: [17, 69] });
  assert.equal(planSuppression(q1, DEFAULT_SUPPRESSION).headline, false);
  // A previous figure that was itself not published gives nothing to subtract.
  const hiddenBefore = makeResult(entry('cp-repeat-any'), '2021-22-Q3', {
    current: [9, 60],
    previous: [4, 30],
  });
  assert.equal(planSuppression(hiddenBefore, DEFAULT_SUPPRESSION).headline, false);
  // In-period figures are not differences of each other.
  const visits = makeResult(entry('cic-visits-in-time'), '2021-22-Q3', {
    current: [191, 199],
    previous: [126, 132],
  });
  assert.equal(planSuppression(visits, DEFAULT_SUPPRESSION).headline, false);
});

test('audit: a count hidden for its year-to-date difference reads "Small numbers", not "<6"', () => {
  // A count on a year-to-date basis (a settings file may set one): 40 missing children by Q3, 37 by Q2.
  const e = { ...entry('cic-missing'), basis: 'ytd' as const };
  const r = makeResult(e, '2021-22-Q3', { current: 40, previous: 37 });
  const plan = planSuppression(r, DEFAULT_SUPPRESSION);
  assert.equal(plan.headline, true);
  const view = { ref: 1, entry: e, result: r, plan, commentary: null, restated: new Map() };
  assert.equal(currentText(view, 5), 'Small numbers');
  const small = makeResult(e, '2021-22-Q3', { current: 4, previous: 2 });
  assert.equal(
    currentText({ ...view, result: small, plan: planSuppression(small, DEFAULT_SUPPRESSION) }, 5),
    '<6',
  );
});

// Audit (report.md §6: a suppressed figure is not published; "the check also covers differences a reader
// could work out"). A year-to-date headline withheld only for its difference from the previous quarter's
// (150/199 after 148/195: 2 of 4 in Q3) has breakdown cells that each pass (sex 75/99 and 75/100), and they
// add up to 150/199: the reader sums them and subtracts Q2. Every cell of such a breakdown is withheld.
test('audit: a withheld headline is not given away by breakdown cells that add up to it (year-to-date difference)', () => {
  const sex = [row('F', 75, 99), row('M', 75, 100)];
  const r = (current: [number, number], previous: [number, number], breakdowns = { sex }) =>
    makeResult(entry('cic-health-assessments'), '2021-22-Q3', { current, previous, breakdowns });
  const hidden = planSuppression(r([150, 199], [148, 195]), DEFAULT_SUPPRESSION);
  assert.equal(hidden.headline, true, '2 of 4 in Q3');
  assert.deepEqual(hidden.breakdowns['sex'], [true, true], '75/99 + 75/100 = 150/199');
  // The same cells beside a published headline are shown (nothing is withheld to give away).
  const shown = planSuppression(r([150, 199], [100, 150]), DEFAULT_SUPPRESSION);
  assert.equal(shown.headline, false);
  assert.deepEqual(shown.breakdowns['sex'], [false, false]);
  // Cells that do not add up to the withheld headline (a subset of its children) give nothing away.
  const subset = [row('F', 60, 80), row('M', 61, 90)];
  assert.deepEqual(
    planSuppression(r([150, 199], [148, 195], { sex: subset }), DEFAULT_SUPPRESSION).breakdowns['sex'],
    [false, false],
  );
  // A year-to-date count withheld for its difference (40 by Q3 after 37 by Q2): its count cells add up to it.
  const e = { ...entry('cic-missing'), basis: 'ytd' as const };
  const count = makeResult(e, '2021-22-Q3', {
    current: 40,
    previous: 37,
    breakdowns: { sex: [row('F', 20, null), row('M', 20, null)] },
  });
  assert.deepEqual(planSuppression(count, DEFAULT_SUPPRESSION).breakdowns['sex'], [true, true]);
});
