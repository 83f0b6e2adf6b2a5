import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionOfTravel } from './direction.js';

const fig = (n: number, d: number) => ({
  value: Math.round((n * 1000) / d) / 10,
  numerator: n,
  denominator: d,
});

test('proportions: no significant change when the Newcombe interval includes 0', () => {
  assert.equal(directionOfTravel('percent', 'higher', fig(16, 20), fig(14, 20)), 'no-significant-change');
  assert.equal(directionOfTravel('percent', 'higher', fig(164, 192), fig(160, 200)), 'no-significant-change');
  assert.equal(directionOfTravel('percent', 'higher', fig(20, 20), fig(20, 20)), 'no-significant-change');
});

test('proportions: significant changes are judged by polarity', () => {
  assert.equal(directionOfTravel('percent', 'higher', fig(350, 410), fig(300, 410)), 'worsened');
  assert.equal(directionOfTravel('percent', 'lower', fig(350, 410), fig(300, 410)), 'improved');
  assert.equal(directionOfTravel('percent', 'higher', fig(10, 100), fig(60, 100)), 'improved');
});

test('counts are compared exactly', () => {
  const c = (v: number) => ({ value: v, numerator: v, denominator: null });
  assert.equal(directionOfTravel('count', 'lower', c(284), c(271)), 'improved');
  assert.equal(directionOfTravel('count', 'higher', c(284), c(271)), 'worsened');
  assert.equal(directionOfTravel('count', 'higher', c(271), c(271)), 'no-change');
});

test('no polarity: up, down or no change, without judgement', () => {
  const c = (v: number) => ({ value: v, numerator: v, denominator: null });
  assert.equal(directionOfTravel('count', 'none', c(284), c(271)), 'down');
  assert.equal(directionOfTravel('count', 'none', c(271), c(284)), 'up');
  assert.equal(directionOfTravel('percent', 'none', fig(1, 2), fig(2, 4)), 'no-change');
});

test('no direction without a comparator or with a zero denominator', () => {
  assert.equal(directionOfTravel('percent', 'higher', null, fig(1, 2)), null);
  assert.equal(
    directionOfTravel('percent', 'higher', { value: null, numerator: 0, denominator: 0 }, fig(1, 2)),
    null,
  );
});
