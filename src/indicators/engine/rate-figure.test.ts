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
  bounds: null,
  inLineBand: null,
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

test('thresholds: the explicit bounds rate the figure, each bound in the better band; the target does not', () => {
  // Target 95, Green from 90, Amber from 80 (high is good): 90.0 Green though 5 points under the target.
  const bounds = t({ target: 95, tolerance: null, scheme: 'thresholds', bounds: { amber: 90, red: 80 } });
  assert.equal(rateFigure(pct(180, 200), bounds), 'green'); // 90.0: on the amber bound
  assert.equal(rateFigure(pct(1799, 2000), bounds), 'green'); // 89.95 shows as 90.0: rated as shown
  assert.equal(rateFigure(pct(1799, 2000), { ...bounds, rating: 'unrounded' }), 'amber'); // 89.95 itself
  assert.equal(rateFigure(pct(179, 200), bounds), 'amber'); // 89.5
  assert.equal(rateFigure(pct(160, 200), bounds), 'amber'); // 80.0: on the red bound
  assert.equal(rateFigure(pct(1599, 2000), bounds), 'amber'); // 79.95 shows as 80.0
  assert.equal(rateFigure(pct(1599, 2000), { ...bounds, rating: 'unrounded' }), 'red');
  assert.equal(rateFigure(pct(159, 200), bounds), 'red'); // 79.5
  // Low is good: amber 18, red 20.
  const lower = { ...pct(0, 1), polarity: 'lower' as const };
  const low = t({ target: 18, tolerance: null, scheme: 'thresholds', bounds: { amber: 18, red: 20 } });
  assert.equal(rateFigure({ ...lower, value: 18 }, low), 'green');
  assert.equal(rateFigure({ ...lower, value: 18.1 }, low), 'amber');
  assert.equal(rateFigure({ ...lower, value: 20 }, low), 'amber');
  assert.equal(rateFigure({ ...lower, value: 20.1 }, low), 'red');
  // Without a target nothing is rated, under this scheme too; a count with no polarity is never rated.
  assert.equal(rateFigure(pct(180, 200), { ...bounds, target: null }), null);
  assert.equal(rateFigure({ ...pct(180, 200), polarity: 'none' }, bounds), null);
});
