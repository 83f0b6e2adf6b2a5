import type { Polarity, Rag } from '../types.js';
import type { RatingBounds } from '../targets.js';

/** How a tolerance is expressed: in points of the value, or as a percentage of the target. */
export type ToleranceUnit = 'points' | 'percent';

/** The default tolerance: 10% of the target value (report.md §4). */
export const DEFAULT_TOLERANCE = { value: 10, unit: 'percent' } as const;

/** Thousandths of a point: every comparison below is made in these integer units. */
const SCALE = 1000;

function milli(x: number): number {
  return Math.round(x * SCALE);
}

/**
 * A tolerance in points of the value: a `percent` tolerance is that share of the target
 * (10% of 90 = 9, of 18 = 1.8, of 6 = 0.6), rounded to a thousandth of a point.
 * @example tolerancePoints(18, 10, 'percent') //=> 1.8
 * @example tolerancePoints(90, 5, 'points') //=> 5
 */
export function tolerancePoints(target: number, tolerance: number, unit: ToleranceUnit): number {
  if (unit === 'points') return milli(tolerance) / SCALE;
  // target × tolerance / 100, computed in thousandths: (target·1000)·tolerance / 100.
  return Math.round((milli(target) * tolerance) / 100) / SCALE;
}

/**
 * The RAG rating of a rounded value against a target (report.md §4): s = T − v (higher is better) or
 * v − T (lower is better); Green when s ≤ 0, Amber when 0 < s ≤ tolerance, Red otherwise. Null (not rated)
 * without a value, target or polarity. Compared in thousandths of a point, so 19.8 against 18 ± 1.8 is Amber.
 * @example ragFor(19.8, 18, 1.8, 'lower') //=> 'amber'
 * @example ragFor(80, 90, 9, 'higher') //=> 'red'
 */
export function ragFor(
  value: number | null,
  target: number | null,
  tolerance: number,
  polarity: Polarity,
): Rag | null {
  if (value === null || target === null || polarity === 'none') return null;
  const v = milli(value);
  const t = milli(target);
  const shortfall = polarity === 'higher' ? t - v : v - t;
  if (shortfall <= 0) return 'green';
  if (shortfall <= milli(tolerance)) return 'amber';
  return 'red';
}

/**
 * The RAG rating of a value against the `thresholds` scheme's explicit bounds (report.md §4,
 * {@link RatingBounds}): Green when at or better than the amber bound, Amber when at or better than the
 * red bound, Red beyond it; polarity-aware, compared in thousandths of a point like {@link ragFor}.
 * @example ragWithinBounds(85, { amber: 90, red: 80 }, 'higher') //=> 'amber'
 * @example ragWithinBounds(20.1, { amber: 18, red: 20 }, 'lower') //=> 'red'
 */
export function ragWithinBounds(value: number | null, bounds: RatingBounds, polarity: Polarity): Rag | null {
  if (value === null || polarity === 'none') return null;
  const worse = (bound: number): boolean =>
    polarity === 'higher' ? milli(value) < milli(bound) : milli(value) > milli(bound);
  if (!worse(bounds.amber)) return 'green';
  return worse(bounds.red) ? 'red' : 'amber';
}
