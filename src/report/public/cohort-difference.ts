import type {
  BreakdownRow,
  ComparisonFigure,
  Holding,
  IndicatorResult,
  Nesting,
} from '../../indicators/types.js';
import { isSmall, secondarySuppression } from './small-numbers.js';
import type { SuppressionPlan } from './suppression.js';

/**
 * The published result an indicator's figure is checked against, and how the two are nested: the figure it
 * lies within (`nestedIn`), or the figure whose cohort lies within its own (`holds`, by denominator).
 */
export interface NestedFigure {
  readonly against: IndicatorResult;
  readonly by: Nesting['by'];
}

/**
 * For each indicator whose figure lies within another's (the catalogue's `nestedIn`), or holds another's
 * cohort that is the figure to keep (`holds`), that other indicator's result among `results` (the figures
 * published together: one report, one scorecard) and how the two are nested. The indicator keyed is the one
 * the public version hides when their difference is small.
 * @example nestedFigures(report.indicators, INDICATORS).get('care-leavers-suitable-accommodation')?.against.id //=> 'care-leavers-neet'
 */
export function nestedFigures(
  results: readonly IndicatorResult[],
  catalogue: readonly { readonly id: string; readonly nestedIn?: Nesting; readonly holds?: Holding }[],
): ReadonlyMap<string, NestedFigure> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const out = new Map<string, NestedFigure>();
  for (const e of catalogue) {
    const nesting = e.nestedIn ?? e.holds;
    const against = nesting === undefined ? undefined : byId.get(nesting.indicator);
    if (against && byId.has(e.id)) out.set(e.id, { against, by: nesting!.by });
  }
  return out;
}

/**
 * What the public version hides of an inner indicator because of its cohort's difference from the outer's:
 * a public plan's parts other than the extras (which follow the headline).
 */
export type CohortDifferencePlan = Omit<SuppressionPlan, 'extra'>;

type Sized = Pick<ComparisonFigure, 'status' | 'numerator' | 'denominator'>;

/** The part of the outer figure that holds the inner's (`by`): `complement` is those not in its numerator. */
function outerPart(f: Pick<Sized, 'numerator' | 'denominator'>, by: Nesting['by']): number | null {
  if (by !== 'complement') return f[by];
  return f.denominator === null || f.numerator === null ? null : f.denominator - f.numerator;
}

/** The inner figure's part held by the outer (`by`): its numerator, for `complement`. */
function innerPart(f: Pick<Sized, 'numerator' | 'denominator'>, by: Nesting['by']): number | null {
  return by === 'complement' ? f.numerator : f[by];
}

/** The outer figure's part less the inner's (`by`), when both figures were computed; null otherwise. */
function difference(outer: Sized | undefined | null, inner: Sized | null, by: Nesting['by']): number | null {
  if (!outer || !inner || outer.status !== 'ok' || inner.status !== 'ok') return null;
  const [o, i] = [outerPart(outer, by), innerPart(inner, by)];
  return o === null || i === null ? null : Math.abs(o - i);
}

/**
 * Per row of the inner breakdown, whether its group's difference from the outer's same group gives a small
 * number: the rows are matched by key, and a difference from 1 to k is hidden with the next smallest
 * difference (`secondarySuppression`), since the groups' differences add up to the headline's, which is
 * published. A breakdown whose rows share one denominator is shares of the whole cohort, not the cohort by
 * group: by `complement` it has no groups' differences (both indicators' timeliness tables are the same
 * shares, with their own suppression).
 */
function planRows(
  inner: readonly BreakdownRow[],
  outer: readonly BreakdownRow[] | undefined,
  k: number,
  by: Nesting['by'],
): boolean[] {
  const shares = inner.every((r) => r.denominator !== null && r.denominator === inner[0]!.denominator);
  if (by === 'complement' && shares) return inner.map(() => false);
  const byKey = new Map((outer ?? []).map((r) => [r.key, r]));
  const diffs = inner.map((r) => {
    const o = byKey.get(r.key);
    const [a, b] = [o ? outerPart(o, by) : null, innerPart(r, by)];
    return a !== null && b !== null ? Math.abs(a - b) : 0;
  });
  return secondarySuppression(
    diffs,
    diffs.map((d) => isSmall(d, k)),
  );
}

/**
 * The public version's check of one indicator's figure against the published figure it lies within (report.md
 * §6 "The check also covers differences a reader could work out"; the catalogue's `nestedIn`). Reading taken
 * (docs/spec-readings.md): §6 names year-to-date and restatement differences; two published indicators whose
 * figures are nested give one more. By denominator, the outer cohort less the inner: the public Q4 paper
 * showed NEET 57/116 and suitable accommodation 100/115, and its data note said the one young person left out
 * had been deported; the sex breakdowns (68 and 67 young men) said he was male. By numerator, of one cohort,
 * the outer numerator less the inner: children allocated a social worker less those allocated a qualified
 * one are the children whose worker is not qualified, a group the complement rule would hide were it
 * published as a figure. By complement, of one cohort, the outer's n − x less the inner numerator: referrals
 * not decided within 1 working day less those decided in over 3 are those decided in 2 to 3. So:
 * - when the difference for the period is from 1 to k, the inner figure is hidden as "Small numbers" (its
 *   percentage alone, 87.0% of some denominator just under 116, gives 100/115 back), with every one of its
 *   breakdowns (their groups would give the difference by group) and, as for any hidden figure, the data
 *   note's counts;
 * - the previous quarter, the same period last year and each trend point likewise, against the outer's
 *   figure for the same period (a `:last-year` breakdown goes with the figure last year);
 * - otherwise each breakdown group whose difference from the outer's same group is from 1 to k is hidden,
 *   with the next smallest (the differences add up to the headline's, which is shown).
 * The outer indicator is not hidden for it: hiding either breaks the difference, and the outer figure is
 * usually the wider, published measure (NEET, children with a social worker). Where the inner cohort is the
 * one to keep (the children in care at the period end, whom five indicators publish), the catalogue says the
 * outer `holds` it and the plan is made for the outer figure instead (cic-missing, whose denominator is the
 * children looked after during the period): the difference is the same either way. A difference of 0 is no
 * child and is shown, as a zero count is.
 * @example planCohortDifference(accommodation100of115, neet57of116, 5).headline //=> true (1 young person)
 */
export function planCohortDifference(
  inner: IndicatorResult,
  outer: IndicatorResult,
  k: number,
  by: Nesting['by'] = 'denominator',
): CohortDifferencePlan {
  const outerAt = new Map<string, ComparisonFigure>();
  for (const f of [...outer.trend, outer.previous, outer.lastYear]) if (f) outerAt.set(f.period, f);
  const small = (f: ComparisonFigure | null): boolean =>
    f !== null && isSmall(difference(outerAt.get(f.period), f, by), k);
  const headline = isSmall(difference(outer, inner, by), k);
  const lastYear = small(inner.lastYear);
  const breakdowns: Record<string, readonly boolean[]> = {};
  for (const [key, rows] of Object.entries(inner.breakdowns)) {
    const ofLastYear = key.endsWith(':last-year');
    breakdowns[key] = (ofLastYear ? lastYear : headline)
      ? rows.map(() => true)
      : planRows(rows, outer.breakdowns[key], k, by);
  }
  return {
    headline,
    previous: small(inner.previous),
    lastYear,
    trend: inner.trend.map((t) => small(t)),
    breakdowns,
  };
}
