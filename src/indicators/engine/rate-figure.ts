import type { Polarity, Rag, Unit } from '../types.js';
import type { ResolvedTarget } from '../targets.js';
import { type DirectionFigure, directionOfTravel } from './direction.js';
import { ragFor, ragWithinBounds } from './rag.js';

/** What {@link rateFigure} needs about the figure being rated. */
export interface RatedFigure {
  readonly unit: Unit;
  readonly polarity: Polarity;
  /** The rounded display value (null = not rated). */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The same period last year, for the improvement-aware scheme. */
  readonly lastYear: DirectionFigure | null;
}

/**
 * The RAG rating under the LA's scheme (report.md §4). `target-tolerance` rates the rounded value (or, with
 * `rating = unrounded`, 100 × num/den unrounded); `improvement-aware` turns a Red into Amber when the figure
 * is significantly better than the same period last year (Newcombe interval for proportions, exact for
 * counts); `thresholds` rates against the LA's explicit amber and red bounds; `none` never rates. Null
 * without a value, target or polarity.
 * @example rateFigure({ unit: 'percent', polarity: 'higher', value: 80, numerator: 160, denominator: 200, lastYear: null }, target90) //=> 'red'
 */
export function rateFigure(f: RatedFigure, t: ResolvedTarget): Rag | null {
  if (t.scheme === 'none' || t.target === null || f.value === null) return null;
  const value =
    t.rating === 'unrounded' && f.unit === 'percent' && f.numerator !== null && f.denominator
      ? (100 * f.numerator) / f.denominator
      : f.value;
  if (t.scheme === 'thresholds') return t.bounds ? ragWithinBounds(value, t.bounds, f.polarity) : null;
  if (t.tolerance === null) return null;
  const rag = ragFor(value, t.target, t.tolerance, f.polarity);
  if (rag === 'red' && t.scheme === 'improvement-aware') {
    const direction = directionOfTravel(f.unit, f.polarity, f.lastYear, f);
    if (direction === 'improved') return 'amber';
  }
  return rag;
}
