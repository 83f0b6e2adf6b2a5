import type { BreakdownRow, ComparisonFigure, IndicatorResult } from '../../indicators/types.js';

/** The public version's threshold rule (report.md §6). */
export interface SuppressionRule {
  /** Threshold k (default 5): counts 1..k are suppressed. */
  readonly k: number;
  /** Also suppress a percentage when n − x is in 1..k (default true). */
  readonly complement: boolean;
}

export const DEFAULT_SUPPRESSION: SuppressionRule = { k: 5, complement: true };

/**
 * True when a count is small: 1 to k (zero is shown).
 * @example isSmall(3, 5) //=> true
 * @example isSmall(0, 5) //=> false
 */
export function isSmall(n: number | null | undefined, k: number): boolean {
  return n !== null && n !== undefined && n >= 1 && n <= k;
}

/**
 * True when a percentage must show as "Small numbers": numerator or denominator in 1..k, or (by default)
 * n − x in 1..k.
 * @example percentSuppressed(35, 38, DEFAULT_SUPPRESSION) //=> true (3 not within)
 */
export function percentSuppressed(num: number | null, den: number | null, rule: SuppressionRule): boolean {
  if (num === null || den === null) return false;
  return isSmall(num, rule.k) || isSmall(den, rule.k) || (rule.complement && isSmall(den - num, rule.k));
}

/** Whether a figure of the given unit is suppressed (count: the count itself; percent: the § 6 rule). */
export function figureSuppressed(
  unit: 'percent' | 'count',
  num: number | null,
  den: number | null,
  rule: SuppressionRule,
): boolean {
  return unit === 'count' ? isSmall(num, rule.k) : percentSuppressed(num, den, rule);
}

/**
 * Secondary suppression for a breakdown shown with its total (report.md §6): a lone suppressed cell forces
 * the next smallest cell (by count, non-zero first) to be suppressed too, so it cannot be worked out by
 * subtraction from the total.
 * @example secondarySuppression([20, 3, 40, 9], [false, true, false, false]) //=> [false, true, false, true]
 */
export function secondarySuppression(counts: readonly number[], primary: readonly boolean[]): boolean[] {
  const out = [...primary];
  if (out.filter(Boolean).length !== 1) return out;
  let best = -1;
  for (let i = 0; i < counts.length; i++) {
    if (out[i]) continue;
    const c = counts[i]!;
    const b = best < 0 ? null : counts[best]!;
    // Prefer non-zero cells: hiding a zero beside a small cell still lets the reader infer the small one.
    if (b === null || (b === 0 && c > 0) || (c > 0 && c < b)) best = i;
  }
  if (best >= 0) out[best] = true;
  return out;
}

/** What the public version hides of one indicator's result. */
export interface SuppressionPlan {
  readonly headline: boolean;
  readonly previous: boolean;
  readonly lastYear: boolean;
  /** Per trend point, in order. */
  readonly trend: readonly boolean[];
  /** Per breakdown key, per row. */
  readonly breakdowns: Readonly<Record<string, readonly boolean[]>>;
  /** Per extra key. */
  readonly extra: Readonly<Record<string, boolean>>;
}

/** Nothing hidden (the full version). */
export function noSuppression(r: IndicatorResult): SuppressionPlan {
  return {
    headline: false,
    previous: false,
    lastYear: false,
    trend: r.trend.map(() => false),
    breakdowns: Object.fromEntries(
      Object.entries(r.breakdowns).map(([k, rows]) => [k, rows.map(() => false)]),
    ),
    extra: Object.fromEntries(Object.keys(r.extra).map((k) => [k, false])),
  };
}

function comparisonSuppressed(
  unit: 'percent' | 'count',
  f: ComparisonFigure | null,
  rule: SuppressionRule,
): boolean {
  return f !== null && figureSuppressed(unit, f.numerator, f.denominator, rule);
}

/**
 * The public plan of one breakdown (report.md §6): each cell by the count or percentage rule, then secondary
 * suppression when the rows share and show their total.
 * @example planBreakdown([{ key: 'a', label: 'A', numerator: 3, denominator: 40, value: 7.5 }, …], DEFAULT_SUPPRESSION)
 */
export function planBreakdown(rows: readonly BreakdownRow[], rule: SuppressionRule): boolean[] {
  const primary = rows.map((row) =>
    row.denominator === null
      ? isSmall(row.numerator, rule.k)
      : percentSuppressed(row.numerator, row.denominator, rule),
  );
  // The rows of a breakdown share and show their total, so a lone suppressed cell is recoverable.
  const totalShown =
    rows.length > 1 && rows.every((r) => r.denominator !== null && r.denominator === rows[0]!.denominator);
  return totalShown
    ? secondarySuppression(
        rows.map((r) => r.numerator),
        primary,
      )
    : primary;
}

/**
 * The public transform of one result (report.md §6): headline, comparison figures, trend points, breakdown
 * cells (with secondary suppression) and count-like extras. Extras named `percent…`/`rate` follow the headline.
 * @example planSuppression(icpc3538, DEFAULT_SUPPRESSION).headline //=> true
 */
export function planSuppression(r: IndicatorResult, rule: SuppressionRule): SuppressionPlan {
  const headline =
    r.status === 'ok' || r.status === 'no-eligible-cases'
      ? figureSuppressed(r.unit, r.numerator, r.denominator, rule)
      : false;
  const extra: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(r.extra)) {
    extra[k] = /^(percent|rate)/.test(k) ? headline : isSmall(v, rule.k);
  }
  return {
    headline,
    previous: comparisonSuppressed(r.unit, r.previous, rule),
    lastYear: comparisonSuppressed(r.unit, r.lastYear, rule),
    trend: r.trend.map((t) => comparisonSuppressed(r.unit, t, rule)),
    breakdowns: Object.fromEntries(
      Object.entries(r.breakdowns).map(([k, rows]) => [k, planBreakdown(rows, rule)]),
    ),
    extra,
  };
}
