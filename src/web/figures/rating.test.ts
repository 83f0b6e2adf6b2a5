import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_TOLERANCE, percentTenths, rate, tolerancePoints } from './rating.js';

test('default tolerance is 10% of the target (report.md §4)', () => {
  assert.equal(tolerancePoints(90, DEFAULT_TOLERANCE), 9);
  assert.equal(tolerancePoints(18, DEFAULT_TOLERANCE), 1.8);
  assert.equal(tolerancePoints(6, DEFAULT_TOLERANCE), 0.6);
  assert.equal(tolerancePoints(90, { value: 5, unit: 'points' }), 5);
});

test('worked ratings from the report spec', () => {
  assert.equal(rate(10.8, 18, 1.8, 'lower'), 'green', 're-referrals 10.8% vs 18%');
  assert.equal(rate(89.8, 90, 9, 'higher'), 'amber', '89.8% vs 90% is Amber (reads "in line")');
  assert.equal(rate(80.0, 90, 9, 'higher'), 'red', 'assessments 80.0% vs 90%: shortfall 10 > 9 points');
});

test('edges are exact in tenths: a shortfall equal to the tolerance is Amber', () => {
  assert.equal(rate(19.8, 18, 1.8, 'lower'), 'amber');
  assert.equal(rate(19.9, 18, 1.8, 'lower'), 'red');
  assert.equal(rate(81.0, 90, 9, 'higher'), 'amber');
  assert.equal(rate(80.9, 90, 9, 'higher'), 'red');
  assert.equal(rate(90.0, 90, 9, 'higher'), 'green');
  assert.equal(rate(6.6, 6, 0.6, 'lower'), 'amber');
});

test('not rated without polarity, target or value', () => {
  assert.equal(rate(50, null, 0, 'higher'), null);
  assert.equal(rate(null, 90, 9, 'higher'), null);
  assert.equal(rate(271, 250, 25, 'none'), null);
});

test('percentages round half up in integer arithmetic (indicators.md §1.7)', () => {
  assert.equal(percentTenths(160, 200), 80);
  assert.equal(percentTenths(1, 3), 33.3);
  assert.equal(percentTenths(1, 8), 12.5);
  assert.equal(percentTenths(1, 16), 6.3, '6.25 rounds up');
  assert.equal(percentTenths(0, 0), null);
});

test('property: a better value never gets a worse rating', () => {
  const order = { green: 0, amber: 1, red: 2 } as const;
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
      (a, b, t) => {
        const [lo, hi] = a < b ? [a / 10, b / 10] : [b / 10, a / 10];
        const target = t / 10;
        const tol = tolerancePoints(target, DEFAULT_TOLERANCE);
        assert.ok(order[rate(hi, target, tol, 'higher')!] <= order[rate(lo, target, tol, 'higher')!]);
        assert.ok(order[rate(lo, target, tol, 'lower')!] <= order[rate(hi, target, tol, 'lower')!]);
      },
    ),
  );
});
