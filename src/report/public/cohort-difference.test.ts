import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BreakdownRow } from '../../indicators/types.js';
import { INDICATORS } from '../../indicators/registry.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { type Figures, makeResult } from '../fixtures/make-result.js';
import { nestedFigures, planCohortDifference } from './cohort-difference.js';
import { DEFAULT_SUPPRESSION, planSuppression } from './suppression.js';

const entry = (id: string) => FAKE_CATALOGUE.find((e) => e.id === id)!;
const neet = (f: Figures) => makeResult(entry('care-leavers-neet'), '2021-22-Q4', f);
const accommodation = (f: Figures) =>
  makeResult(entry('care-leavers-suitable-accommodation'), '2021-22-Q4', f);

/** A breakdown row by sex: numerator of denominator. */
const sex = (key: 'M' | 'F', numerator: number, denominator: number): BreakdownRow => ({
  key,
  label: key === 'M' ? 'Male' : 'Female',
  numerator,
  denominator,
  value: Math.round((numerator / denominator) * 1000) / 10,
});

test('the shipped catalogue: accommodation within the NEET cohort, long-term stability within the children in care at the period end, which cic-missing’s cohort holds; qualified workers and repeats within two years within their wider numerators', () => {
  const one = makeResult(entry('care-leavers-neet'), '2021-22-Q4', { current: 1 });
  const results = INDICATORS.map((d) => ({ ...one, id: d.id }));
  const nested = nestedFigures(results, INDICATORS);
  assert.deepEqual(
    [...nested].map(([id, n]) => [id, n.against.id, n.by]),
    [
      ['referrals-decided-over-3wd', 'referrals-decided-1wd', 'complement'],
      ['cp-repeat-2y', 'cp-repeat-any', 'numerator'],
      ['cic-allocated-qualified-sw', 'cic-allocated-sw', 'numerator'],
      ['cic-long-term-stability', 'cic-placements-3plus', 'denominator'],
      ['cic-missing', 'cic-placements-3plus', 'denominator'],
      ['care-leavers-suitable-accommodation', 'care-leavers-neet', 'denominator'],
    ],
  );
  // An outer indicator not in the report checks nothing.
  assert.equal(
    nestedFigures(
      results.filter((r) => r.id !== 'care-leavers-neet'),
      INDICATORS,
    ).has('care-leavers-suitable-accommodation'),
    false,
  );
});

test('a cohort 1 to k smaller than the one it lies within is hidden, with its breakdowns', () => {
  const outer = neet({ current: [57, 116], breakdowns: { sex: [sex('M', 36, 68), sex('F', 21, 48)] } });
  const inner = accommodation({
    current: [100, 115],
    breakdowns: { sex: [sex('M', 58, 67), sex('F', 42, 48)], accommodation: [] },
  });
  const plan = planCohortDifference(inner, outer, 5);
  assert.equal(plan.headline, true, '116 − 115 = 1 young person');
  assert.deepEqual(plan.breakdowns['sex'], [true, true]);
  // Through the public plan: the headline reads "Small numbers", and so does any percentage extra.
  const rule = {
    ...DEFAULT_SUPPRESSION,
    nestedIn: new Map([[inner.id, { against: outer, by: 'denominator' as const }]]),
  };
  assert.equal(planSuppression(inner, rule).headline, true);
  assert.equal(planSuppression(inner, DEFAULT_SUPPRESSION).headline, false, 'alone it passes');
  assert.equal(planSuppression(outer, rule).headline, false, 'the outer cohort stays published');
});

test('the same cohort (a difference of 0) and a difference above k hide nothing', () => {
  const outer = neet({ current: [57, 116] });
  assert.equal(planCohortDifference(accommodation({ current: [100, 116] }), outer, 5).headline, false);
  assert.equal(planCohortDifference(accommodation({ current: [100, 110] }), outer, 5).headline, false);
  assert.equal(planCohortDifference(accommodation({ current: [100, 111] }), outer, 5).headline, true);
  assert.equal(
    planCohortDifference(accommodation({ current: [100, 111] }), outer, 4).headline,
    false,
    'k = 4',
  );
});

test('a group whose difference is small is hidden with the next smallest, when the headline is not', () => {
  // 8 left out in all: 1 young man and 7 young women.
  const outer = neet({ current: [57, 116], breakdowns: { sex: [sex('M', 36, 68), sex('F', 21, 48)] } });
  const inner = accommodation({
    current: [100, 108],
    breakdowns: { sex: [sex('M', 58, 67), sex('F', 36, 41)] },
  });
  const plan = planCohortDifference(inner, outer, 5);
  assert.equal(plan.headline, false);
  assert.deepEqual(plan.breakdowns['sex'], [true, true], '67 of 68: the other group would give it back');
  // Differences of 6 and 8 are shown.
  const wide = accommodation({
    current: [90, 102],
    breakdowns: { sex: [sex('M', 50, 62), sex('F', 36, 40)] },
  });
  assert.deepEqual(planCohortDifference(wide, outer, 5).breakdowns['sex'], [false, false]);
});

test('comparison figures and trend points are checked against the outer figure for the same period', () => {
  const outer = neet({
    current: [57, 116],
    previous: [50, 116],
    lastYear: [39, 115],
    trend: [
      [40, 100],
      [41, 101],
      [45, 110],
      [46, 111],
      [48, 112],
      [49, 114],
      [50, 116],
      [57, 116],
    ],
  });
  const inner = accommodation({
    current: [100, 116],
    previous: [102, 113],
    lastYear: [99, 115],
    trend: [
      [90, 100],
      [90, 99],
      [95, 110],
      [96, 111],
      [97, 112],
      [98, 114],
      [102, 113],
      [100, 116],
    ],
    breakdowns: { 'sex:last-year': [sex('M', 58, 67), sex('F', 41, 48)] },
  });
  const plan = planCohortDifference(inner, outer, 5);
  assert.equal(plan.headline, false);
  assert.equal(plan.previous, true, '116 − 113 = 3');
  assert.equal(plan.lastYear, false);
  assert.deepEqual(plan.trend, [false, true, false, false, false, false, true, false]);
  assert.deepEqual(plan.breakdowns['sex:last-year'], [false, false], 'no outer breakdown to subtract');
});

test('by numerator: of one cohort, a numerator 1 to k smaller than the one it lies within is hidden', () => {
  const allocated = makeResult(entry('cic-allocated-sw'), '2021-22-Q4', {
    current: [280, 288],
    breakdowns: { sex: [sex('M', 150, 155), sex('F', 130, 133)] },
  });
  const qualified = (current: [number, number], m: number, f: number) =>
    makeResult(entry('cic-allocated-qualified-sw'), '2021-22-Q4', {
      current,
      breakdowns: { sex: [sex('M', m, 155), sex('F', f, 133)] },
    });
  // 3 children allocated a worker who is not qualified.
  assert.equal(
    planCohortDifference(qualified([277, 288], 147, 130), allocated, 5, 'numerator').headline,
    true,
  );
  // 20 in all, 1 of them a girl: her group is hidden, with the next smallest.
  const plan = planCohortDifference(qualified([260, 288], 131, 129), allocated, 5, 'numerator');
  assert.equal(plan.headline, false);
  assert.deepEqual(plan.breakdowns['sex'], [true, true]);
  // The same denominators are no difference when nested by numerator.
  assert.equal(
    planCohortDifference(qualified([250, 288], 125, 125), allocated, 5, 'numerator').headline,
    false,
  );
});

test('by complement: of one cohort, the rest between two disjoint numerators from 1 to k hides the inner one', () => {
  // 1,807 contacts: 1,317 decided within 1 working day, 486 in over 3: 4 were decided in 2 to 3.
  const within1 = makeResult(entry('referrals-decided-1wd'), '2021-22-Q4', {
    current: [1317, 1807],
    previous: [900, 1300],
  });
  const timeliness = (n: number): BreakdownRow[] => [
    { key: '1', label: 'Within 1 working day', numerator: 1317, denominator: n, value: 72.9 },
    { key: '2-3', label: '2 to 3 working days', numerator: 4, denominator: n, value: 0.2 },
    { key: '4+', label: 'Over 3 working days', numerator: 486, denominator: n, value: 26.9 },
  ];
  const over3 = makeResult(entry('referrals-decided-over-3wd'), '2021-22-Q4', {
    current: [486, 1807],
    previous: [300, 1300],
    breakdowns: { timeliness: timeliness(1807) },
  });
  const plan = planCohortDifference(over3, within1, 5, 'complement');
  assert.equal(plan.headline, true, '1,807 − 1,317 − 486 = 4');
  assert.equal(plan.previous, false, '1,300 − 900 − 300 = 100');
  // 128 in over 3 leaves 362 decided in 2 to 3: nothing hidden, and the shared timeliness shares are left
  // to their own suppression.
  const wide = makeResult(entry('referrals-decided-over-3wd'), '2021-22-Q4', {
    current: [128, 1807],
    breakdowns: { timeliness: timeliness(1807) },
  });
  const widePlan = planCohortDifference(wide, within1, 5, 'complement');
  assert.equal(widePlan.headline, false);
  assert.deepEqual(widePlan.breakdowns['timeliness'], [false, false, false]);
});

test('a figure that holds the cohort to keep is the one hidden: cic-missing when 1 to k children left care', () => {
  const byId = (id: string) => INDICATORS.find((d) => d.id === id)!;
  const placements = makeResult(entry('cic-placements-3plus'), '2021-22-Q4', {
    current: [30, 300],
    breakdowns: { sex: [sex('M', 16, 160), sex('F', 14, 140)] },
  });
  const missing = (looked: number, boys: number) =>
    makeResult(entry('cic-missing'), '2021-22-Q4', {
      current: [16, looked],
      breakdowns: { sex: [sex('M', 9, boys), sex('F', 7, looked - boys)] },
    });
  const rule = (r: ReturnType<typeof missing>) => ({
    ...DEFAULT_SUPPRESSION,
    nestedIn: nestedFigures([placements, r], [byId('cic-missing'), byId('cic-placements-3plus')]),
  });
  // 303 looked after during the quarter, 300 at its end: 3 left care (2 boys, 1 girl).
  const few = missing(303, 162);
  assert.equal(planSuppression(few, DEFAULT_SUPPRESSION).headline, false, 'alone it passes');
  assert.equal(planSuppression(few, rule(few)).headline, true, '3 children who left care');
  assert.equal(planSuppression(placements, rule(few)).headline, false, 'the cohort to keep stays');
  // 330 and 300: 30 left care (22 boys, 8 girls): nothing hidden; 12 boys and 18 girls likewise.
  const many = missing(330, 182);
  assert.equal(planSuppression(many, rule(many)).headline, false);
  assert.deepEqual(planSuppression(many, rule(many)).breakdowns['sex'], [false, false]);
  // 306 and 300, 6 left: 2 boys and 4 girls; a group from 1 to 5 is hidden with the next smallest.
  const six = missing(306, 162);
  assert.equal(planSuppression(six, rule(six)).headline, false);
  assert.deepEqual(planSuppression(six, rule(six)).breakdowns['sex'], [true, true]);
});
