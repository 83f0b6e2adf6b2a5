import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResolvedTarget } from '../targets.js';
import { rateFigure } from './rate-figure.js';

const t = (over: Partial<ResolvedTarget> = {}): ResolvedTarget => ({
  target: 90,
  kind: 'local',
  tolerance: 9,
  scheme: 'target-tolerance',
  rating: 'rounded',
  ...over,
});
const pct = (n: number, d: number, lastYear: [number, number] | null = null) => ({
  unit: 'percent' as const,
  polarity: 'higher' as const,
  value: Math.floor((2000 * n + d) / (2 * d)) / 10,
  numerator: n,
  denominator: d,
  lastYear: lastYear
    ? { value: (lastYear[0] * 100) / lastYear[1], numerator: lastYear[0], denominator: lastYear[1] }
    : null,
});

test('target-tolerance rates the rounded value; unrounded rating can differ at the boundary', () => {
  // 1619/2000 = 80.95% rounds to 81.0: Amber on the rounded value, Red unrounded (shortfall 9.05).
  assert.equal(rateFigure(pct(1619, 2000), t()), 'amber');
  assert.equal(rateFigure(pct(1619, 2000), t({ rating: 'unrounded' })), 'red');
});

test('improvement-aware: Red but significantly better than last year is Amber', () => {
  assert.equal(rateFigure(pct(300, 410), t()), 'red');
  assert.equal(rateFigure(pct(300, 410, [200, 410]), t({ scheme: 'improvement-aware' })), 'amber');
  // Not significantly better (16/20 → 14/20 style noise): stays Red.
  assert.equal(rateFigure(pct(14, 20, [12, 20]), t({ scheme: 'improvement-aware' })), 'red');
});

test('scheme none never rates', () => {
  assert.equal(rateFigure(pct(200, 200), t({ scheme: 'none' })), null);
});
