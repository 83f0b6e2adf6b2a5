import type { IndicatorDefinition, Polarity } from './types.js';
import { DEFAULT_TOLERANCE, type ToleranceUnit, tolerancePoints } from './engine/rag.js';

/** One row of an LA's targets file for a financial year: overrides the catalogue default for one indicator. */
export interface TargetOverride {
  readonly indicator: string;
  /** null = no target for this indicator (not rated). */
  readonly target: number | null;
  /** null = the default, 10% of the target. */
  readonly tolerance: number | null;
  readonly toleranceUnit: ToleranceUnit;
  /** null = the catalogue's kind (or `local` when the catalogue has no target). */
  readonly kind: 'national' | 'local' | null;
  /** Rating scheme (report.md §4); absent or null = `target-tolerance`. */
  readonly scheme?: RatingScheme | null;
  /** Rate the rounded display value (default) or the unrounded value. */
  readonly rating?: 'rounded' | 'unrounded' | null;
  /** The `thresholds` scheme's explicit bounds (report.md §4), in the value's unit; null otherwise. */
  readonly bounds?: RatingBounds | null;
  /** This indicator's "in line with" band in points (report.md §4); null = the report's (default 0.5). */
  readonly inLineBand?: number | null;
}

/**
 * The explicit bounds of the `thresholds` scheme (report.md §4 "thresholds (explicit amber/red bounds)"),
 * read in the indicator's polarity. Decided: `amber` is where Green ends and `red` where Amber ends, each
 * bound belonging to the better band as the target and the tolerance's edge do under target-tolerance
 * (s ≤ 0 is Green, s ≤ tolerance Amber). High is good, amber 90, red 80: 90 and above Green, 80 to 89.9
 * Amber, below 80 Red; low is good, amber 18, red 20: 18 or lower Green, 18.1 to 20 Amber, above 20 Red.
 * The target stays the figure the narrative and the scorecard compare with ("in line with the target"),
 * and may differ from the amber bound.
 */
export interface RatingBounds {
  readonly amber: number;
  readonly red: number;
}

/**
 * Rating schemes (report.md §4): `target-tolerance` (default); `thresholds` (explicit amber and red bounds,
 * {@link RatingBounds}); `improvement-aware` (beyond tolerance but significantly better than the same
 * period last year is Amber); `none` (not rated).
 */
export type RatingScheme = 'target-tolerance' | 'thresholds' | 'improvement-aware' | 'none';

/** An LA's targets for one financial year (`targets.json` or `targets.csv`, see README). */
export interface TargetSet {
  readonly la: string | null;
  readonly year: string | null;
  readonly overrides: readonly TargetOverride[];
}

/** The target an indicator is rated against, with its tolerance in points. */
export interface ResolvedTarget {
  readonly target: number | null;
  readonly kind: 'national' | 'local' | null;
  /** Tolerance in points of the value; null when there is no target. */
  readonly tolerance: number | null;
  readonly scheme: RatingScheme;
  readonly rating: 'rounded' | 'unrounded';
  /** The `thresholds` scheme's bounds (then `tolerance` is null); null under every other scheme. */
  readonly bounds: RatingBounds | null;
  /** The indicator's own "in line with" band in points; null = the report's. */
  readonly inLineBand: number | null;
}

/**
 * The target, kind and tolerance (in points) for an indicator: the LA's override where it has one,
 * otherwise the catalogue default; the tolerance defaults to 10% of the target (report.md §4). Under the
 * `thresholds` scheme the bounds rate the figure and there is no tolerance. Without a target nothing is
 * rated, under any scheme (a row's blank target removes the catalogue's, as `none` does). Decided
 * (indicators.md §1.7): a target of 0 is a target; its default tolerance, 10% of 0, is 0 points, so where low
 * is good 0.0% is Green and any figure above it Red; an LA wanting an Amber band sets the tolerance in points.
 * @example resolveTarget(rereferrals, null) //=> { target: 18, kind: 'local', tolerance: 1.8, scheme: 'target-tolerance', rating: 'rounded', bounds: null, inLineBand: null }
 */
export function resolveTarget(def: IndicatorDefinition, targets: TargetSet | null): ResolvedTarget {
  const o = targets?.overrides.find((t) => t.indicator === def.id);
  const target = o ? o.target : (def.target?.value ?? null);
  const scheme = o?.scheme ?? 'target-tolerance';
  const rating = o?.rating ?? 'rounded';
  const inLineBand = o?.inLineBand ?? null;
  const none = { target: null, kind: null, tolerance: null, scheme, rating, bounds: null, inLineBand };
  if (target === null) return none;
  const kind = o?.kind ?? def.target?.kind ?? 'local';
  if (scheme === 'thresholds') {
    const bounds = o?.bounds ?? null;
    return bounds ? { ...none, target, kind, bounds } : none;
  }
  const tolerance =
    o && o.tolerance !== null
      ? tolerancePoints(target, o.tolerance, o.toleranceUnit)
      : tolerancePoints(target, DEFAULT_TOLERANCE.value, DEFAULT_TOLERANCE.unit);
  return { target, kind, tolerance, scheme, rating, bounds: null, inLineBand };
}

/**
 * The thresholds scheme's bounds in words, polarity-aware (each bound is in the better band):
 * "Amber below 90%, Red below 80%" where high is good, "Amber above 18%, Red above 20%" where low is.
 * @example boundsText({ amber: 90, red: 80 }, 'higher', (v) => `${v}%`) //=> 'Amber below 90%, Red below 80%'
 */
export function boundsText(bounds: RatingBounds, polarity: Polarity, as: (v: number) => string): string {
  const beyond = polarity === 'lower' ? 'above' : 'below';
  return `Amber ${beyond} ${as(bounds.amber)}, Red ${beyond} ${as(bounds.red)}`;
}
