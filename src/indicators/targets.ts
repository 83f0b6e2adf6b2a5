import type { IndicatorDefinition } from './types.js';
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
}

/**
 * Rating schemes (report.md §4): `target-tolerance` (default); `improvement-aware` (beyond tolerance but
 * significantly better than the same period last year is Amber); `none` (not rated).
 */
export type RatingScheme = 'target-tolerance' | 'improvement-aware' | 'none';

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
}

/**
 * The target, kind and tolerance (in points) for an indicator: the LA's override where it has one,
 * otherwise the catalogue default; the tolerance defaults to 10% of the target (report.md §4).
 * @example resolveTarget(rereferrals, null) //=> { target: 18, kind: 'local', tolerance: 1.8, scheme: 'target-tolerance', rating: 'rounded' }
 */
export function resolveTarget(def: IndicatorDefinition, targets: TargetSet | null): ResolvedTarget {
  const o = targets?.overrides.find((t) => t.indicator === def.id);
  const target = o ? o.target : (def.target?.value ?? null);
  const scheme = o?.scheme ?? 'target-tolerance';
  const rating = o?.rating ?? 'rounded';
  if (target === null) return { target: null, kind: null, tolerance: null, scheme, rating };
  const kind = o?.kind ?? def.target?.kind ?? 'local';
  const tolerance =
    o && o.tolerance !== null
      ? tolerancePoints(target, o.tolerance, o.toleranceUnit)
      : tolerancePoints(target, DEFAULT_TOLERANCE.value, DEFAULT_TOLERANCE.unit);
  return { target, kind, tolerance, scheme, rating };
}
