import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInLine, rateAgainstTarget } from './rating.js';

test('default tolerance is 10% of the target: 9 points for 90%, 1.8 for 18%, 0.6 for 6%', () => {
  assert.equal(rateAgainstTarget(81, 90, 9, 'higher'), 'amber');
  assert.equal(rateAgainstTarget(80.9, 90, 9, 'higher'), 'red');
  assert.equal(rateAgainstTarget(19.8, 18, 1.8, 'lower'), 'amber');
  assert.equal(rateAgainstTarget(19.9, 18, 1.8, 'lower'), 'red');
  assert.equal(rateAgainstTarget(6.6, 6, 0.6, 'lower'), 'amber');
  assert.equal(rateAgainstTarget(6.7, 6, 0.6, 'lower'), 'red');
});

test('assessments 80.0% against 90% (tolerance 9) is Red; 10.8% re-referrals against 18% is Green', () => {
  assert.equal(rateAgainstTarget(80, 90, 9, 'higher'), 'red');
  assert.equal(rateAgainstTarget(10.8, 18, 1.8, 'lower'), 'green');
});

test('89.8% against 90% is Amber but in line; 89.4% is not in line', () => {
  assert.equal(rateAgainstTarget(89.8, 90, 9, 'higher'), 'amber');
  assert.equal(isInLine(89.8, 90, 'percent'), true);
  assert.equal(isInLine(89.5, 90, 'percent'), true);
  assert.equal(isInLine(89.4, 90, 'percent'), false);
  assert.equal(isInLine(12, 12, 'count'), true);
  assert.equal(isInLine(12, 13, 'count'), false);
});
