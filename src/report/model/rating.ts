import { ragFor } from '../../indicators/engine/rag.js';
import type { IndicatorResult, Polarity, Rag, Unit } from '../../indicators/types.js';

/**
 * The shortfall s of report.md §4: T − v where high is good, v − T where low is good.
 * @example shortfall(80, 90, 'higher') //=> 10
 */
export function shortfall(v: number, target: number, polarity: Polarity): number {
  return polarity === 'lower' ? v - target : target - v;
}

/**
 * The target-tolerance rating of report.md §4 (the engine's default scheme), on the rounded value: the
 * engine's own {@link ragFor}, so that a tolerance in hundredths (10% of 22.7 = 2.27) is not rounded to a
 * tenth (2.3 would make 25.0% Amber; it is Red).
 * @example rateAgainstTarget(89.8, 90, 9, 'higher') //=> 'amber'
 */
export function rateAgainstTarget(
  v: number,
  target: number,
  tolerance: number,
  polarity: Polarity,
): Rag | null {
  return ragFor(v, target, tolerance, polarity);
}

/** Thousandths of a point, the unit the engine's rating compares in (src/indicators/engine/rag.ts). */
const milli = (x: number): number => Math.round(x * 1000);

/**
 * The "in line with" band of report.md §4: |v − T| ≤ band points for percentages, v = T for counts.
 * It changes the wording and the narrative section, never the RAG. Compared exactly, in thousandths of a
 * point as the tolerance is ({@link ragFor}): an LA's band of 0.25 is 0.25, not 0.3.
 * @example isInLine(89.8, 90, 'percent', 0.5) //=> true
 * @example isInLine(89.7, 90, 'percent', 0.25) //=> false
 */
export function isInLine(v: number, target: number, unit: Unit, band = 0.5): boolean {
  if (unit === 'count') return v === target;
  return Math.abs(milli(v) - milli(target)) <= milli(band);
}

/**
 * The "in line with" band for one figure: the LA's own for the indicator where its targets set one
 * (report.md §4 "Options per indicator: … in-line band"), otherwise the report's.
 * @example inLineBandOf({ inLineBand: 1 }, 0.5) //=> 1
 */
export function inLineBandOf(r: Pick<IndicatorResult, 'inLineBand'>, reportBand: number): number {
  return r.inLineBand ?? reportBand;
}
