import { roundTenth } from './rounding.js';

/** z for a 95% two-sided interval. */
export const Z95 = 1.96;

/** An interval [lower, upper] of a proportion, as fractions (0–1). */
export interface ProportionInterval {
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for x of n (report.md §4):
 * (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Valid near 0 and 100% and for small n.
 * Returns null when n is 0. At 0/n the formula's lower end is exactly 0 and at n/n its upper end exactly 1
 * (centre and half-width are then equal); they are given so, not as floating-point residue (2e-17 for 0/11,
 * 0.9999999999999998 for 31/31).
 * @example wilson(16, 20) //=> { p: 0.8, lower: 0.5840…, upper: 0.9193… }
 */
export function wilson(x: number, n: number, z = Z95): ProportionInterval | null {
  if (n <= 0) return null;
  if (x < 0 || x > n) throw new RangeError(`a proportion needs 0 ≤ x ≤ n: ${x}/${n}`);
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return {
    p,
    lower: x === 0 ? 0 : Math.max(0, (centre - half) / denom),
    upper: x === n ? 1 : Math.min(1, (centre + half) / denom),
  };
}

/**
 * An interval in percentage points, each end rounded to one decimal place, as a figure's `ci95` carries it
 * and the report and dashboard show it (report.md §4).
 * @example percentPoints(wilson(16, 20)!) //=> [58.4, 91.9]
 */
export function percentPoints(i: ProportionInterval): [number, number] {
  return [roundTenth(i.lower * 100), roundTenth(i.upper * 100)];
}
