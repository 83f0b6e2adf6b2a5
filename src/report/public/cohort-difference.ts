import type { BreakdownRow, ComparisonFigure, IndicatorResult } from '../../indicators/types.js';
import { isSmall, secondarySuppression } from './small-numbers.js';
import type { SuppressionPlan } from './suppression.js';

/**
 * For each indicator whose cohort lies within another's (the catalogue's `cohortWithin`), that other
 * indicator's result among `results` (the figures published together: one report, one scorecard).
 * @example nestedCohorts(report.indicators, INDICATORS).get('care-leavers-suitable-accommodation')?.id //=> 'care-leavers-neet'
 */
export function nestedCohorts(
  results: readonly IndicatorResult[],
  catalogue: readonly { readonly id: string; readonly cohortWithin?: string }[],
): ReadonlyMap<string, IndicatorResult> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const out = new Map<string, IndicatorResult>();
  for (const e of catalogue) {
    const outer = e.cohortWithin === undefined ? undefined : byId.get(e.cohortWithin);
    if (outer && byId.has(e.id)) out.set(e.id, outer);
  }
  return out;
}

/**
 * What the public version hides of an inner indicator because of its cohort's difference from the outer's:
 * a public plan's parts other than the extras (which follow the headline).
 */
export type CohortDifferencePlan = Omit<SuppressionPlan, 'extra'>;

type Sized = Pick<ComparisonFigure, 'status' | 'denominator'>;

/** The outer cohort less the inner, when both figures were computed; null otherwise. */
function difference(outer: Sized | undefined | null, inner: Sized | null): number | null {
  if (!outer || !inner || outer.status !== 'ok' || inner.status !== 'ok') return null;
  if (outer.denominator === null || inner.denominator === null) return null;
  return Math.abs(outer.denominator - inner.denominator);
}

/**
 * Per row of the inner breakdown, whether its group's difference from the outer's same group gives a small
 * number: the rows with their own denominators are matched by key, and a difference from 1 to k is hidden
 * with the next smallest difference (`secondarySuppression`), since the groups' differences add up to the
 * headline's, which is published.
 */
function planRows(inner: readonly BreakdownRow[], outer: readonly BreakdownRow[] | undefined, k: number) {
  const byKey = new Map((outer ?? []).map((r) => [r.key, r]));
  const diffs = inner.map((r) => {
    const o = byKey.get(r.key);
    return o && o.denominator !== null && r.denominator !== null
      ? Math.abs(o.denominator - r.denominator)
      : 0;
  });
  return secondarySuppression(
    diffs,
    diffs.map((d) => isSmall(d, k)),
  );
}

/**
 * The public version's check of one indicator's cohort against the cohort it lies within (report.md §6
 * "The check also covers differences a reader could work out"; the catalogue's `cohortWithin`). Reading
 * taken (docs/spec-readings.md): §6 names year-to-date and restatement differences; two published
 * indicators whose cohorts are nested give one more, the outer's denominator less the inner's. The public
 * Q4 paper showed NEET 57/116 and suitable accommodation 100/115, and its data note said the one young
 * person left out had been deported; the sex breakdowns (68 and 67 young men) said he was male. So:
 * - when the difference for the period is from 1 to k, the inner figure is hidden as "Small numbers" (its
 *   percentage alone, 87.0% of some denominator just under 116, gives 100/115 back), with every one of its
 *   breakdowns (their group sizes would give the difference by group) and, as for any hidden figure, the
 *   data note's counts;
 * - the previous quarter, the same period last year and each trend point likewise, against the outer's
 *   figure for the same period (a `:last-year` breakdown goes with the figure last year);
 * - otherwise each breakdown group whose difference from the outer's same group is from 1 to k is hidden,
 *   with the next smallest (the differences add up to the headline's, which is shown).
 * The outer indicator is never hidden for it: hiding either breaks the difference, and the outer's cohort
 * is the wider, published measure (NEET). A difference of 0 is no child and is shown, as a zero count is.
 * @example planCohortDifference(accommodation100of115, neet57of116, 5).headline //=> true (1 young person)
 */
export function planCohortDifference(
  inner: IndicatorResult,
  outer: IndicatorResult,
  k: number,
): CohortDifferencePlan {
  const outerAt = new Map<string, ComparisonFigure>();
  for (const f of [...outer.trend, outer.previous, outer.lastYear]) if (f) outerAt.set(f.period, f);
  const small = (f: ComparisonFigure | null): boolean =>
    f !== null && isSmall(difference(outerAt.get(f.period), f), k);
  const headline = isSmall(difference(outer, inner), k);
  const lastYear = small(inner.lastYear);
  const breakdowns: Record<string, readonly boolean[]> = {};
  for (const [key, rows] of Object.entries(inner.breakdowns)) {
    const ofLastYear = key.endsWith(':last-year');
    breakdowns[key] = (ofLastYear ? lastYear : headline)
      ? rows.map(() => true)
      : planRows(rows, outer.breakdowns[key], k);
  }
  return {
    headline,
    previous: small(inner.previous),
    lastYear,
    trend: inner.trend.map((t) => small(t)),
    breakdowns,
  };
}
