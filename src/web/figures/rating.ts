import type { Polarity, Rag } from '../../indicators/types.js';

/** How far short of target a figure may be and still be Amber (report.md §4). */
export interface Tolerance {
  readonly value: number;
  readonly unit: 'points' | 'percent-of-target';
}

/** The default tolerance: 10% of the target value. */
export const DEFAULT_TOLERANCE: Tolerance = { value: 10, unit: 'percent-of-target' };

/**
 * Tolerance in points (or count units) for a target.
 * @example tolerancePoints(18, DEFAULT_TOLERANCE) //=> 1.8
 */
export function tolerancePoints(target: number, t: Tolerance): number {
  return t.unit === 'points' ? t.value : Math.round(target * t.value * 10) / 1000;
}

/**
 * Rates a rounded value against a target (report.md §4, scheme `target-tolerance`). Compares in
 * hundredths as integers, so 19.8 against 18 with a 1.8-point tolerance is Amber, not Red.
 * Returns null (not rated) without polarity, target or value.
 * @example rate(80.0, 90, 9, 'higher') //=> 'amber'
 * @example rate(10.8, 18, 1.8, 'lower') //=> 'green'
 */
export function rate(
  value: number | null,
  target: number | null,
  tolerance: number,
  polarity: Polarity,
): Rag | null {
  if (value === null || target === null || polarity === 'none') return null;
  const v = Math.round(value * 100);
  const t = Math.round(target * 100);
  const tol = Math.round(tolerance * 100);
  const shortfall = polarity === 'higher' ? t - v : v - t;
  if (shortfall <= 0) return 'green';
  return shortfall <= tol ? 'amber' : 'red';
}

/**
 * A percentage rounded half up to one decimal with integer arithmetic (indicators.md §1.7).
 * @example percentTenths(160, 200) //=> 80
 * @example percentTenths(1, 3) //=> 33.3
 */
export function percentTenths(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.floor((2000 * num + den) / (2 * den)) / 10;
}
