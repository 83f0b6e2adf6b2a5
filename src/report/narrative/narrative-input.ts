import type { Period } from '../../calendar/period.js';
import type { ComparisonFigure, IndicatorResult } from '../../indicators/types.js';
import type { CatalogueEntry } from '../model/catalogue-entry.js';

/** One indicator as the narrative sees it: catalogue entry, result, and what the public version hides. */
export interface NarrativeInput {
  readonly entry: CatalogueEntry;
  readonly result: IndicatorResult;
  /** Public version: the headline figure is suppressed (report.md §6). */
  readonly suppressed: boolean;
  /** Public version: the direction-of-travel comparator is suppressed, so no trend clause. */
  readonly comparatorSuppressed: boolean;
}

/** Report-wide narrative settings. */
export interface NarrativeSettings {
  readonly period: Period;
  /** The "in line with" band in points (report.md §4; default 0.5). */
  readonly inLineBand: number;
  /** Key of the statistical-neighbour average in `IndicatorResult.comparators`. */
  readonly snKey: string;
  /** Add the England comparison to the narrative even without statistical neighbours (default false). */
  readonly englandWithoutSn: boolean;
}

/** The direction-of-travel comparator figure of an indicator (previous quarter or same period last year). */
export function comparatorFigure(input: NarrativeInput): ComparisonFigure | null {
  const r = input.result;
  return input.entry.directionComparator === 'last-year' ? r.lastYear : r.previous;
}
