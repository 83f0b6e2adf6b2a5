import {
  DEFAULT_SUPPRESSION,
  type SuppressionRule,
  isSmall,
  percentSuppressed,
} from '../../report/public/suppression.js';

/**
 * Public-version suppression (report.md §6) for one figure, by the report module's rules (`isSmall`,
 * `percentSuppressed`), so the dashboard hides exactly what the public report hides: counts from 1 to k
 * show as "fewer than k+1"; a percentage shows as "Small numbers" when its numerator, its denominator or
 * (by default) their difference is between 1 and k. Zero is shown.
 */
export type Suppression = 'none' | 'fewer-than' | 'small-numbers';

/** The public rule the dashboard applies (the report's default: k = 5, complement on). */
export const PUBLIC_RULE: SuppressionRule = DEFAULT_SUPPRESSION;

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
  rule: SuppressionRule = PUBLIC_RULE,
): Suppression {
  if (unit === 'count' || denominator === null) return isSmall(numerator, rule.k) ? 'fewer-than' : 'none';
  return percentSuppressed(numerator, denominator, rule) ? 'small-numbers' : 'none';
}
