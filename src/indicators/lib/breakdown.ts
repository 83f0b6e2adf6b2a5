import type { BreakdownRow } from '../types.js';
import { roundedPercent } from '../engine/rounding.js';

/**
 * One breakdown row with its rounded percentage (null when the denominator is 0 or absent).
 * @example breakdownRow('2A', 'Schools', 3, 12) //=> { key: '2A', label: 'Schools', numerator: 3, denominator: 12, value: 25 }
 */
export function breakdownRow(
  key: string,
  label: string,
  numerator: number,
  denominator: number | null,
): BreakdownRow {
  return {
    key,
    label,
    numerator,
    denominator,
    value: denominator === null ? null : roundedPercent(numerator, denominator),
  };
}
