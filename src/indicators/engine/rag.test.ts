import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ragFor, tolerancePoints } from './rag.js';

test('default tolerance is 10% of the target: 9 for 90, 1.8 for 18, 0.6 for 6', () => {
  assert.equal(tolerancePoints(90, 10, 'percent'), 9);
  assert.equal(tolerancePoints(18, 10, 'percent'), 1.8);
  assert.equal(tolerancePoints(6, 10, 'percent'), 0.6);
  assert.equal(tolerancePoints(90, 5, 'points'), 5);
});

test('higher is better: green at target, amber within tolerance, red beyond', () => {
  assert.equal(ragFor(90, 90, 9, 'higher'), 'green');
  assert.equal(ragFor(95.2, 90, 9, 'higher'), 'green');
  assert.equal(ragFor(89.9, 90, 9, 'higher'), 'amber');
  assert.equal(ragFor(81, 90, 9, 'higher'), 'amber'); // shortfall exactly the tolerance
  assert.equal(ragFor(80.9, 90, 9, 'higher'), 'red');
  assert.equal(ragFor(80, 90, 9, 'higher'), 'red');
});

test('lower is better, with decimal tolerances compared exactly (no float drift)', () => {
  assert.equal(ragFor(18, 18, 1.8, 'lower'), 'green');
  assert.equal(ragFor(10.8, 18, 1.8, 'lower'), 'green');
  assert.equal(ragFor(19.8, 18, 1.8, 'lower'), 'amber'); // 19.8 − 18 is 1.8000000000000007 in floats
  assert.equal(ragFor(19.9, 18, 1.8, 'lower'), 'red');
  assert.equal(ragFor(6.6, 6, 0.6, 'lower'), 'amber');
  assert.equal(ragFor(8, 6, 0.6, 'lower'), 'red');
});

test('not rated without a value, a target or a polarity', () => {
  assert.equal(ragFor(null, 90, 9, 'higher'), null);
  assert.equal(ragFor(50, null, 0, 'higher'), null);
  assert.equal(ragFor(50, 40, 4, 'none'), null);
});
