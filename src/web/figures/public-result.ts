import type { ComparisonFigure, IndicatorResult } from '../../indicators/types.js';
import type { Visibility } from './figure-view.js';
import { suppressionOf } from './suppression.js';

/** An indicator result as the API gives it: suppressed figures (public view) lose their values. */
export type ApiIndicator = Omit<IndicatorResult, 'breakdowns' | 'notes'> & {
  readonly suppressed: boolean;
  readonly breakdowns?: IndicatorResult['breakdowns'];
  readonly notes?: IndicatorResult['notes'];
};

function hideFigure(
  unit: IndicatorResult['unit'],
  f: ComparisonFigure,
): ComparisonFigure & { suppressed: boolean } {
  const s = f.status === 'ok' ? suppressionOf(unit, f.numerator, f.denominator) : 'none';
  if (s === 'none') return { ...f, suppressed: false };
  return { ...f, value: null, numerator: null, denominator: null, suppressed: true };
}

/**
 * The API form of a result: in the public view (report.md §6) a suppressed figure has no value,
 * numerator, denominator, interval, RAG or direction, suppressed trend points are blanked, and
 * breakdowns and notes are left out; the full view returns the result as computed.
 * @example apiIndicator(result, 'public').suppressed //=> true when 1–5 children are involved
 */
export function apiIndicator(r: IndicatorResult, visibility: Visibility): ApiIndicator {
  if (visibility === 'full') return { ...r, suppressed: false };
  const s = r.status === 'ok' ? suppressionOf(r.unit, r.numerator, r.denominator) : 'none';
  const suppressed = s !== 'none';
  const { breakdowns: _b, notes: _n, ...rest } = r;
  return {
    ...rest,
    value: suppressed ? null : r.value,
    numerator: suppressed ? null : r.numerator,
    denominator: suppressed ? null : r.denominator,
    ci95: suppressed ? null : r.ci95,
    rag: suppressed ? null : r.rag,
    direction: suppressed ? null : r.direction,
    previous: r.previous ? hideFigure(r.unit, r.previous) : null,
    lastYear: r.lastYear ? hideFigure(r.unit, r.lastYear) : null,
    trend: r.trend.map((t) => hideFigure(r.unit, t)),
    extra: {},
    suppressed,
  };
}
