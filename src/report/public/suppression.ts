import type { BreakdownRow, ComparisonFigure, IndicatorResult } from '../../indicators/types.js';
import { type NestedFigure, planCohortDifference } from './cohort-difference.js';
import { isSmall, secondarySuppression } from './small-numbers.js';

export { isSmall, secondarySuppression } from './small-numbers.js';

/** The public version's threshold rule (report.md §6). */
export interface SuppressionRule {
  /** Threshold k (default 5): counts 1..k are suppressed. */
  readonly k: number;
  /** Also suppress a percentage when n − x is in 1..k (default true). */
  readonly complement: boolean;
  /**
   * Publish team breakdowns (report.md §6 "only if the setting is on and every cell passes"): the settings
   * file's `suppression.teams`, off (absent) by default.
   */
  readonly teamBreakdowns?: boolean;
  /**
   * The figures published alongside, for the check across indicators (report.md §6 "differences a reader
   * could work out"): for each indicator whose figure lies within another's (`nestedIn`), that other
   * indicator's result in the same report or view and how it holds it (`nestedFigures`). Absent for a figure
   * shown alone. Never part of the settings (an edition freezes the rule without it; it is rebuilt from the
   * figures).
   */
  readonly nestedIn?: ReadonlyMap<string, NestedFigure>;
}

export const DEFAULT_SUPPRESSION: SuppressionRule = { k: 5, complement: true };

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

/** The figure a breakdown may make up (the headline, when it is published): its numerator and denominator. */
export interface BreakdownTotal {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * True when the breakdown's cells make up the published total (report.md §6 "where a breakdown shows its
 * total"): they share one denominator (each cell is a share of it: referrals by source), they are counts (the
 * headline count, or Appendix B's "All" row, is their sum), or their numerators or denominators add up to the
 * published headline's (age band, sex or ethnicity of a percentage, each cell with its own denominator).
 */
export function breakdownShowsTotal(rows: readonly BreakdownRow[], total: BreakdownTotal | null): boolean {
  if (rows.length < 2) return false;
  if (rows.every((r) => r.denominator !== null && r.denominator === rows[0]!.denominator)) return true;
  if (rows.every((r) => r.denominator === null)) return true;
  if (!total) return false;
  const numerators = rows.reduce((a, r) => a + r.numerator, 0);
  const denominators = rows.reduce((a, r) => a + (r.denominator ?? 0), 0);
  return (
    (total.numerator !== null && numerators === total.numerator) ||
    (total.denominator !== null &&
      rows.every((r) => r.denominator !== null) &&
      denominators === total.denominator)
  );
}

/**
 * The public plan of one breakdown (report.md §6): each cell by the count or percentage rule, then secondary
 * suppression when the rows show their total (`breakdownShowsTotal`; `total` is the published headline, null
 * when it is suppressed). Cells with their own denominators give the next smallest group by its size (the
 * denominator), which other indicators of the same children (the CiC count by age band) also show, so the
 * same group goes with the small one across them; shares of one total and counts by the count.
 * @example planBreakdown([{ key: 'a', label: 'A', numerator: 3, denominator: 40, value: 7.5 }, …], DEFAULT_SUPPRESSION)
 */
export function planBreakdown(
  rows: readonly BreakdownRow[],
  rule: SuppressionRule,
  total: BreakdownTotal | null = null,
): boolean[] {
  const primary = rows.map((row) =>
    row.denominator === null
      ? isSmall(row.numerator, rule.k)
      : percentSuppressed(row.numerator, row.denominator, rule),
  );
  if (!breakdownShowsTotal(rows, total)) return primary;
  const ownDenominators =
    rows.every((r) => r.denominator !== null) && rows.some((r) => r.denominator !== rows[0]!.denominator);
  return secondarySuppression(
    rows.map((r) => (ownDenominators ? r.denominator! : r.numerator)),
    primary,
  );
}

/**
 * True when a breakdown as planned would give away the figure it makes up although that figure is withheld
 * (report.md §6: a suppressed figure is not published, and "differences a reader could work out" are
 * covered): its cells add up to it (`breakdownShowsTotal`, judged against the withheld figure) and either
 * every cell is shown, so their sum is the figure, or the cells share its denominator, so each gives it. A
 * year-to-date headline withheld because it less the previous quarter's is small (150/199 after 148/195: 2
 * of 4 in the quarter) with sex cells 75/99 and 75/100 is the case: the cells pass, and add up to 150/199.
 * The plan then withholds every cell, as a team breakdown is withheld whole: the reading that protects the
 * figure in every shape of breakdown (one cell withheld would leave a shared denominator shown).
 * @example givesWithheldTotal([f75of99, m75of100], [false, false], { numerator: 150, denominator: 199 }) //=> true
 */
export function givesWithheldTotal(
  rows: readonly BreakdownRow[],
  planned: readonly boolean[],
  withheld: BreakdownTotal | null,
): boolean {
  if (!withheld || !breakdownShowsTotal(rows, withheld)) return false;
  const sharedDenominator =
    withheld.denominator !== null && rows.every((r) => r.denominator === withheld.denominator);
  return sharedDenominator || !planned.some(Boolean);
}

/**
 * A team breakdown in the public version (report.md §6 "Team breakdowns appear only if the setting is on and
 * every cell passes"): all cells withheld unless `rule.teamBreakdowns` is on and no cell is suppressed.
 */
export function planTeamBreakdown(cells: readonly boolean[], rule: SuppressionRule): boolean[] {
  const withheld = rule.teamBreakdowns !== true || cells.some(Boolean);
  return cells.map(() => withheld);
}

/**
 * True when a year-to-date figure less the previous quarter's year to date (published, on the same basis, in
 * the same financial year) is a small number (report.md §6 "differences a reader could work out: year-to-date
 * minus the previous year-to-date"): the quarter's own numerator, denominator or n − x from 1 to k, by the
 * figure's rule. Not for Q1 (its previous quarter closes last year), nor when the previous figure was itself
 * suppressed (nothing published to subtract).
 * @example ytdDifferenceSuppressed(healthAssessments191of199after126of132, DEFAULT_SUPPRESSION) //=> true (65 of 67)
 */
export function ytdDifferenceSuppressed(r: IndicatorResult, rule: SuppressionRule): boolean {
  const p = r.previous;
  if (r.basis !== 'ytd' || r.status !== 'ok' || !p || p.status !== 'ok') return false;
  if (!/-Q[1-3]$/.test(p.period) || r.numerator === null || p.numerator === null) return false;
  if (figureSuppressed(r.unit, p.numerator, p.denominator, rule)) return false;
  const dn = r.denominator === null || p.denominator === null ? null : r.denominator - p.denominator;
  return figureSuppressed(r.unit, r.numerator - p.numerator, dn, rule);
}

/** A figure restated since an edition published it: the published value and the figure now. */
export interface RestatedFigure {
  readonly published: number | null;
  readonly publishedNumerator: number | null;
  readonly publishedDenominator: number | null;
  readonly now: number | null;
  /** A percentage's numerator and denominator now (the public scorecard may show them). */
  readonly nowNumerator?: number | null;
  readonly nowDenominator?: number | null;
}

/**
 * True when the public version leaves out the published value of a restated figure (report.md §6
 * "restatement deltas"): it was itself a small number by the figure's rule, or the change from it to the
 * figure now is a small number of children (a reader would subtract them): for a count, the change from 1 to
 * k; for a percentage, the change in its numerator or denominator (or, with the complement rule, in n − x)
 * from 1 to k, as the year-to-date difference is judged (the percentage published beside the fraction now
 * gives the published numerator when the denominator is unchanged). The report's footnotes, its restatements
 * table and the dashboard's footnotes all ask this.
 * @example restatedPublishedSuppressed('count', { published: 40, publishedNumerator: 40, publishedDenominator: null, now: 44 }, DEFAULT_SUPPRESSION) //=> true (4 added)
 */
export function restatedPublishedSuppressed(
  unit: 'percent' | 'count',
  x: RestatedFigure,
  rule: SuppressionRule,
): boolean {
  if (x.published === null) return false;
  if (unit === 'count')
    return isSmall(x.published, rule.k) || (x.now !== null && isSmall(Math.abs(x.now - x.published), rule.k));
  if (percentSuppressed(x.publishedNumerator, x.publishedDenominator, rule)) return true;
  const [px, pn, nx, nn] = [x.publishedNumerator, x.publishedDenominator, x.nowNumerator, x.nowDenominator];
  if (px === null || pn === null || nx === undefined || nx === null || nn === undefined || nn === null)
    return false;
  const dx = Math.abs(nx - px);
  const dn = Math.abs(nn - pn);
  const dRest = Math.abs(nn - nx - (pn - px));
  return isSmall(dx, rule.k) || isSmall(dn, rule.k) || (rule.complement && isSmall(dRest, rule.k));
}

/**
 * The public transform of one result (report.md §6): headline (also when it less the previous year to date
 * is small, `ytdDifferenceSuppressed`), comparison figures, trend points, breakdown
 * cells (with secondary suppression against the published headline; team cells only as the setting says)
 * and count-like extras. Extras named `percent…`/`rate` follow the headline. An indicator whose figure lies
 * within another's published alongside (`rule.nestedIn`) also hides what would give their difference as a
 * small number (`planCohortDifference`).
 * @example planSuppression(icpc3538, DEFAULT_SUPPRESSION).headline //=> true
 */
export function planSuppression(r: IndicatorResult, rule: SuppressionRule): SuppressionPlan {
  const own = ownPlan(r, rule);
  const within = rule.nestedIn?.get(r.id);
  if (!within) return own;
  const nested = planCohortDifference(r, within.against, rule.k, within.by);
  const or = (a: readonly boolean[], b: readonly boolean[] | undefined) =>
    a.map((x, i) => x || b?.[i] === true);
  const headline = own.headline || nested.headline;
  return {
    headline,
    previous: own.previous || nested.previous,
    lastYear: own.lastYear || nested.lastYear,
    trend: or(own.trend, nested.trend),
    breakdowns: Object.fromEntries(
      Object.entries(own.breakdowns).map(([key, cells]) => [key, or(cells, nested.breakdowns[key])]),
    ),
    extra: Object.fromEntries(
      Object.entries(own.extra).map(([k, hidden]) => [k, hidden || (/^(percent|rate)/.test(k) && headline)]),
    ),
  };
}

/** The public plan of one result on its own figures (`planSuppression` without the nested-cohort check). */
function ownPlan(r: IndicatorResult, rule: SuppressionRule): SuppressionPlan {
  const ytdHidden = ytdDifferenceSuppressed(r, rule);
  const headline =
    r.status === 'ok' || r.status === 'no-eligible-cases'
      ? figureSuppressed(r.unit, r.numerator, r.denominator, rule) || ytdHidden
      : false;
  // The trend's point for the headline's own quarter (the one after the previous quarter) goes with it.
  const previousAt = r.previous ? r.trend.findIndex((t) => t.period === r.previous!.period) : -1;
  const currentAt = ytdHidden && previousAt >= 0 ? previousAt + 1 : -1;
  const lastYearHidden = comparisonSuppressed(r.unit, r.lastYear, rule);
  // The published figure a breakdown may make up (a suppressed headline is no total to subtract from).
  const headlineTotal = headline || r.status !== 'ok' ? null : r;
  const lastYearTotal = lastYearHidden || !r.lastYear || r.lastYear.status !== 'ok' ? null : r.lastYear;
  // The withheld figure a breakdown may give away (its cells add up to it).
  const headlineWithheld = headline && r.status === 'ok' ? r : null;
  const lastYearWithheld = lastYearHidden && r.lastYear?.status === 'ok' ? r.lastYear : null;
  const extra: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(r.extra)) {
    extra[k] = /^(percent|rate)/.test(k) ? headline : isSmall(v, rule.k);
  }
  return {
    headline,
    previous: comparisonSuppressed(r.unit, r.previous, rule),
    lastYear: lastYearHidden,
    trend: r.trend.map((t, i) => i === currentAt || comparisonSuppressed(r.unit, t, rule)),
    breakdowns: Object.fromEntries(
      Object.entries(r.breakdowns).map(([key, rows]) => {
        const lastYear = key.endsWith(':last-year');
        const total = lastYear ? lastYearTotal : headlineTotal;
        const planned = planBreakdown(rows, rule, total);
        const cells = givesWithheldTotal(rows, planned, lastYear ? lastYearWithheld : headlineWithheld)
          ? rows.map(() => true)
          : planned;
        return [key, key === 'team' ? planTeamBreakdown(cells, rule) : cells];
      }),
    ),
    extra,
  };
}
