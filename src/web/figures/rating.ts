import type { Polarity, Rag } from '../../indicators/types.js';
import { ragFor, tolerancePoints as engineTolerance } from '../../indicators/engine/rag.js';
import { roundedPercent } from '../../indicators/engine/rounding.js';

/**
 * The dashboard's view of the engine's rating rules (report.md §4), with the tolerance unit named as the
 * targets table stores it. The arithmetic is the engine's, so the dashboard and the report always agree.
 */

/** How far short of target a figure may be and still be Amber. */
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
  return engineTolerance(target, t.value, t.unit === 'points' ? 'points' : 'percent');
}

/**
 * Rates a rounded value against a target (scheme `target-tolerance`); null = not rated.
 * @example rate(80.0, 90, 9, 'higher') //=> 'red'
 * @example rate(19.8, 18, 1.8, 'lower') //=> 'amber'
 */
export function rate(
  value: number | null,
  target: number | null,
  tolerance: number,
  polarity: Polarity,
): Rag | null {
  return ragFor(value, target, tolerance, polarity);
}

/**
 * A percentage rounded half up to one decimal with integer arithmetic (indicators.md §1.7).
 * @example percentTenths(160, 200) //=> 80
 */
export function percentTenths(num: number, den: number): number | null {
  return roundedPercent(num, den);
}
