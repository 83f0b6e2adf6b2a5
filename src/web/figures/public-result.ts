import type { BreakdownRow, ComparisonFigure, IndicatorResult } from '../../indicators/types.js';
import { planSuppression } from '../../report/public/suppression.js';
import { type Visibility, resultSuppression } from './figure-view.js';
import { type Suppression, suppressionOf } from './suppression.js';
import type { SuppressionRule } from '../../report/public/suppression.js';

/** A breakdown cell as the API gives it: a cell the public plan hides has no numbers. */
export type ApiBreakdownRow = Omit<BreakdownRow, 'numerator' | 'denominator' | 'value'> & {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  /** Present in the public view. */
  readonly suppressed?: boolean;
};

/** An indicator result as the API gives it: suppressed figures (public view) lose their values. */
export type ApiIndicator = Omit<IndicatorResult, 'breakdowns' | 'notes'> & {
  readonly suppressed: boolean;
  readonly breakdowns: Readonly<Record<string, readonly ApiBreakdownRow[]>>;
  readonly notes?: IndicatorResult['notes'];
};

function hideFigure(
  unit: IndicatorResult['unit'],
  f: ComparisonFigure,
  rule: SuppressionRule,
  s: Suppression = suppressionOf(unit, f.numerator, f.denominator, rule),
): ComparisonFigure & { suppressed: boolean } {
  if (f.status !== 'ok' || s === 'none') return { ...f, suppressed: false };
  return { ...f, value: null, numerator: null, denominator: null, suppressed: true };
}

/**
 * The API form of a result: in the public view (report.md §6) a suppressed figure (the headline and trend
 * points by the report's plan, `resultSuppression`, also for a year-to-date difference) has no value,
 * numerator, denominator, interval, RAG or direction, suppressed trend points are blanked, breakdown
 * cells follow the report's public plan (`planSuppression`, with secondary suppression; a team breakdown
 * only when the LA's setting allows it, `publicTeams`, and every cell passes) and notes are left out; the
 * full view returns the result as computed. `rule` is the report's public rule
 * (`publicRuleOf(report.settings, report.indicators)`, which also checks nested cohorts).
 * @example apiIndicator(result, 'public', DEFAULT_SUPPRESSION).suppressed //=> true when 1–5 children are involved
 */
export function apiIndicator(
  r: IndicatorResult,
  visibility: Visibility,
  rule: SuppressionRule,
  publicTeams = false,
): ApiIndicator {
  if (visibility === 'full') return { ...r, suppressed: false };
  // The headline and trend as the public report hides them (also for a year-to-date difference).
  const shown = resultSuppression(r, visibility, rule);
  const suppressed = r.status === 'ok' && shown.headline !== 'none';
  const { breakdowns: _b, notes: _n, ...rest } = r;
  const plan = planSuppression(r, rule).breakdowns;
  const breakdowns = Object.fromEntries(
    Object.entries(r.breakdowns)
      .filter(([name]) => !(name === 'team' && (!publicTeams || plan[name]!.some(Boolean))))
      .map(([name, rows]) => [
        name,
        rows.map((b, i) =>
          plan[name]![i]
            ? { ...b, numerator: null, denominator: null, value: null, suppressed: true }
            : { ...b, suppressed: false },
        ),
      ]),
  );
  return {
    ...rest,
    breakdowns,
    value: suppressed ? null : r.value,
    numerator: suppressed ? null : r.numerator,
    denominator: suppressed ? null : r.denominator,
    ci95: suppressed ? null : r.ci95,
    rag: suppressed ? null : r.rag,
    direction: suppressed ? null : r.direction,
    previous: r.previous ? hideFigure(r.unit, r.previous, rule, shown.previous) : null,
    lastYear: r.lastYear ? hideFigure(r.unit, r.lastYear, rule, shown.lastYear) : null,
    trend: r.trend.map((t, i) => hideFigure(r.unit, t, rule, shown.trend[i])),
    extra: {},
    suppressed,
  };
}
