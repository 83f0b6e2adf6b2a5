import type { ComparisonFigure, IndicatorDefinition } from '../types.js';
import type { EngineComputation } from './run-indicator.js';
import { roundedPercent } from './rounding.js';

/**
 * The display value of a computation: the rounded percentage for proportions (null with no eligible
 * cases), the count for counts, null when not available or reported annually.
 * @example displayValue(def, { engineStatus: 'ok', numerator: 2, denominator: 4, … }) //=> 50
 */
export function displayValue(def: IndicatorDefinition, c: EngineComputation): number | null {
  if (c.engineStatus !== 'ok') return null;
  if (def.unit === 'count') return c.numerator;
  return c.denominator === null ? null : roundedPercent(c.numerator, c.denominator);
}

/** A comparison figure (previous quarter, last year, trend point) of a computation. */
export function comparisonFigure(
  def: IndicatorDefinition,
  periodId: string,
  c: EngineComputation,
): ComparisonFigure {
  const counted = c.engineStatus === 'ok' || c.engineStatus === 'no-eligible-cases';
  return {
    period: periodId,
    value: displayValue(def, c),
    numerator: counted ? c.numerator : null,
    denominator: counted ? c.denominator : null,
    status: c.engineStatus,
  };
}
