import type { ComparisonFigure, IndicatorResult, Unit } from '../../indicators/types.js';
import { formatCount, formatValue, shortPeriod } from './format.js';
import { suppressedText } from '../../report/model/cell-text.js';
import { trendMovementText } from '../../report/model/sparkline.js';
import { type Suppression, suppressionOf } from './suppression.js';
import { type SuppressionRule, planSuppression } from '../../report/public/suppression.js';

/** A figure as a table cell: text, a number to sort by, and whether the public view hid it. */
export interface FigureCell {
  readonly text: string;
  /** Numbers for sorting (null sorts last). */
  readonly sort: number | null;
  readonly suppressed: boolean;
}

/** What the viewer may see: the public version (suppressed) or every figure. */
export type Visibility = 'public' | 'full';

const STATUS_TEXT = {
  'not-available': 'Not available',
  'annual-only': 'Reported annually',
  'no-eligible-cases': 'No eligible cases',
} as const;

/** Whether the public view suppresses this figure under the report's rule (`publicRuleOf`). */
export function figureSuppression(
  unit: Unit,
  f: { numerator: number | null; denominator: number | null },
  visibility: Visibility,
  rule: SuppressionRule,
): Suppression {
  return visibility === 'public' ? suppressionOf(unit, f.numerator, f.denominator, rule) : 'none';
}

/** How the view hides a result's headline and each of its trend points. */
export interface ResultSuppression {
  readonly headline: Suppression;
  readonly previous: Suppression;
  readonly lastYear: Suppression;
  readonly trend: readonly Suppression[];
}

/**
 * How the public view hides a result's headline and trend points: by the report's own public plan
 * (`planSuppression`, report.md §6), so it also hides a figure from which a reader could work out a small
 * number: a year to date less the previous quarter's (`ytdDifferenceSuppressed`), with that quarter's trend
 * point, or a cohort less the one it lies within (`planCohortDifference`, with `rule.nestedIn`), with the
 * comparison figures and trend points that give it for their periods. A figure hidden only for that reads "Small numbers", never "<6" (the figure itself is not small), as
 * in the report (`currentText`). The full view hides nothing.
 * @example resultSuppression(ytd191of199after126of132, 'public', DEFAULT_SUPPRESSION).headline //=> 'small-numbers'
 */
export function resultSuppression(
  r: IndicatorResult,
  visibility: Visibility,
  rule: SuppressionRule,
): ResultSuppression {
  if (visibility === 'full')
    return { headline: 'none', previous: 'none', lastYear: 'none', trend: r.trend.map(() => 'none') };
  const plan = planSuppression(r, rule);
  const of = (f: { numerator: number | null; denominator: number | null }, hidden: boolean): Suppression => {
    const s = suppressionOf(r.unit, f.numerator, f.denominator, rule);
    return s === 'none' && hidden ? 'small-numbers' : s;
  };
  return {
    headline: of(r, plan.headline),
    previous: r.previous ? of(r.previous, plan.previous) : 'none',
    lastYear: r.lastYear ? of(r.lastYear, plan.lastYear) : 'none',
    trend: r.trend.map((t, i) => of(t, plan.trend[i] ?? false)),
  };
}

/**
 * A figure's cell text: "80.0% (160/200)", "271", "No eligible cases", "Small numbers", "<6" (k = 5).
 * The numerator and denominator are shown only with `withCounts`. `s` is how the view hides it: by default
 * the figure's own rule; a result's headline or trend point passes its `resultSuppression`.
 * @example figureCell('percent', { value: 80, numerator: 160, denominator: 200, status: 'ok' }, 'full', true, rule).text //=> '80.0% (160/200)'
 */
export function figureCell(
  unit: Unit,
  f: Pick<ComparisonFigure, 'value' | 'numerator' | 'denominator' | 'status'>,
  visibility: Visibility,
  withCounts: boolean,
  rule: SuppressionRule,
  s: Suppression = figureSuppression(unit, f, visibility, rule),
): FigureCell {
  if (f.status !== 'ok') return { text: STATUS_TEXT[f.status], sort: null, suppressed: false };
  if (f.denominator === 0) return { text: STATUS_TEXT['no-eligible-cases'], sort: null, suppressed: false };
  if (f.value === null) return { text: 'Not available', sort: null, suppressed: false };
  if (s !== 'none')
    return {
      text: suppressedText(s === 'fewer-than' ? 'count' : 'percent', rule.k),
      sort: null,
      suppressed: true,
    };
  const v = formatValue(unit, f.value);
  const counts =
    withCounts && unit === 'percent' && f.numerator !== null && f.denominator !== null
      ? ` (${formatCount(f.numerator)}/${formatCount(f.denominator)})`
      : '';
  return { text: v + counts, sort: f.value, suppressed: false };
}

/**
 * The sparkline's alt text: "Rose from 71.2% in Q4 2019/20 to 80.0% in Q3 2021/22"; the report's wording
 * ({@link trendMovementText}), so a trend that ends where it began gives its range, not "Unchanged".
 */
export function trendAltText(
  unit: Unit,
  points: readonly { period: string; value: number | null }[],
): string {
  const shown = points.filter((p) => p.value !== null) as { period: string; value: number }[];
  if (shown.length === 0) return 'No trend figures';
  if (shown.length === 1)
    return `${formatValue(unit, shown[0].value)} in ${shortPeriod(shown[0].period)}; no earlier figures`;
  return trendMovementText(
    shown.map((p) => ({ label: shortPeriod(p.period), value: p.value })),
    (v) => formatValue(unit, v),
  );
}

/** Trend points the viewer may see (suppressed points, `resultSuppression`, become gaps). */
export function visibleTrend(
  r: IndicatorResult,
  visibility: Visibility,
  rule: SuppressionRule,
): { period: string; value: number | null; numerator: number | null; denominator: number | null }[] {
  const shown = resultSuppression(r, visibility, rule).trend;
  return r.trend.map((t, i) => {
    const hidden = t.status !== 'ok' || shown[i] !== 'none';
    return {
      period: t.period,
      value: hidden ? null : t.value,
      numerator: hidden ? null : t.numerator,
      denominator: hidden ? null : t.denominator,
    };
  });
}

/**
 * A figure as words, for text outside tables: a suppressed count reads "fewer than 6" (k = 5; report.md §6).
 * @example figureWords('count', { value: 3, numerator: 3, denominator: null, status: 'ok' }, 'public', DEFAULT_SUPPRESSION) //=> 'Fewer than 6'
 */
export function figureWords(
  unit: Unit,
  f: Pick<ComparisonFigure, 'value' | 'numerator' | 'denominator' | 'status'>,
  visibility: Visibility,
  rule: SuppressionRule,
  s: Suppression = figureSuppression(unit, f, visibility, rule),
): string {
  const cell = figureCell(unit, f, visibility, false, rule, s);
  return cell.suppressed && s === 'fewer-than' ? `Fewer than ${rule.k + 1}` : cell.text;
}
