import type { Direction, Polarity, Unit } from '../types.js';
import { includesZero, newcombe } from './newcombe.js';

/** One side of a direction-of-travel comparison. */
export interface DirectionFigure {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * Direction of travel from the comparator to the current figure (report.md §4).
 * - No direction (null) when either figure is missing or has a zero denominator.
 * - Without polarity: `up`, `down` or `no-change` on the rounded values.
 * - Counts are compared exactly: `improved`, `worsened` or `no-change`.
 * - Proportions: `no-significant-change` when the Newcombe 95% interval of the change includes 0,
 *   otherwise `improved` or `worsened` by polarity. Decided (report.md §4 "Display"): "No change" is the word
 *   of exact comparisons (counts, figures without polarity); a proportion is always judged by its interval,
 *   so equal proportions (80.0% then 80.0%) read "No significant change", as the interval rule says.
 * @example directionOfTravel('percent', 'higher', { value: 80, numerator: 16, denominator: 20 }, { value: 70, numerator: 14, denominator: 20 }) //=> 'no-significant-change'
 */
export function directionOfTravel(
  unit: Unit,
  polarity: Polarity,
  comparator: DirectionFigure | null,
  current: DirectionFigure,
): Direction | null {
  if (!comparator || comparator.value === null || current.value === null) return null;
  if (polarity === 'none') {
    if (current.value > comparator.value) return 'up';
    if (current.value < comparator.value) return 'down';
    return 'no-change';
  }
  const better = (up: boolean): Direction => ((polarity === 'higher') === up ? 'improved' : 'worsened');
  if (unit === 'count') {
    if (current.value === comparator.value) return 'no-change';
    return better(current.value > comparator.value);
  }
  if (
    comparator.numerator === null ||
    comparator.denominator === null ||
    current.numerator === null ||
    current.denominator === null
  ) {
    return null;
  }
  const change = newcombe(
    comparator.numerator,
    comparator.denominator,
    current.numerator,
    current.denominator,
  );
  if (!change) return null;
  if (includesZero(change)) return 'no-significant-change';
  return better(change.difference > 0);
}
