/**
 * Public-version suppression (report.md §6) for one figure: counts from 1 to k show as "fewer than k+1";
 * a percentage shows as "Small numbers" when its numerator, its denominator or (by default) their
 * difference is between 1 and k. Zero is shown.
 */
export type Suppression = 'none' | 'fewer-than' | 'small-numbers';

/** The public threshold k (default 5). */
export const DEFAULT_K = 5;

const small = (v: number | null, k: number): boolean => v !== null && v >= 1 && v <= k;

/**
 * How a figure is suppressed in the public version.
 * @example suppressionOf('count', 3, null) //=> 'fewer-than'
 * @example suppressionOf('percent', 16, 20) //=> 'none'
 * @example suppressionOf('percent', 17, 20) //=> 'small-numbers' (3 children not meeting it)
 */
export function suppressionOf(
  unit: 'percent' | 'count',
  numerator: number | null,
  denominator: number | null,
  k: number = DEFAULT_K,
  complement = true,
): Suppression {
  if (unit === 'count' || denominator === null) return small(numerator, k) ? 'fewer-than' : 'none';
  if (small(numerator, k) || small(denominator, k)) return 'small-numbers';
  if (complement && numerator !== null && small(denominator - numerator, k)) return 'small-numbers';
  return 'none';
}
