import type { IndicatorResult } from '../../indicators/types.js';
import { formatAsSet, formatCount } from '../model/format.js';
import { inLineBandOf, isInLine, shortfall } from '../model/rating.js';

/** "90 per cent" for a percentage target as set, "12" for a count. */
export function targetText(r: IndicatorResult, target: number): string {
  return r.unit === 'percent' ? `${formatAsSet(target)} per cent` : formatCount(target);
}

/**
 * The target noun of report.md §5: "internal target" for a local target, or the catalogue's own noun for it
 * (`narrative.targetNoun`, the committee's words: plain "target" for CiC visits); "target" for a national one.
 * @example targetNoun('local', undefined) //=> 'internal target'
 * @example targetNoun('local', 'target') //=> 'target'
 */
export function targetNoun(kind: IndicatorResult['targetKind'], localNoun: string | undefined): string {
  return kind === 'local' ? (localNoun ?? 'internal target') : 'target';
}

/**
 * The {target} clause of report.md §5, with its leading comma, or '' without a rating:
 * in line "in line with the target of 90 per cent"; Green, low is good "which was positively below the
 * target of 18 per cent"; Green, high is good "above the target of 68 per cent"; Amber/Red, high is good
 * "which falls below the target of 90 per cent"; Amber/Red, low is good "above the 6 per cent target".
 * Local targets are "internal targets" unless the catalogue gives its own noun (`localNoun`). After a zero phrase a Green low-is-good figure "continues to be
 * positively below" (when the previous figure was on target too). `band` is the report's in-line band (the
 * indicator's own, where its targets set one, wins). Under the thresholds scheme a Green figure may be short
 * of its target (Green ends at the LA's amber bound), so there the clause compares the value with the
 * target itself rather than reading the rating.
 * @example targetClause(rereferrals108, 0.5, false) //=> ', which was positively below the internal target of 18 per cent'
 */
export function targetClause(
  r: IndicatorResult,
  band: number,
  afterZeroPhrase: boolean,
  localNoun?: string,
): string {
  if (r.target === null || r.rag === null || r.value === null) return '';
  const noun = targetNoun(r.targetKind, localNoun);
  const t = targetText(r, r.target);
  const onTarget = r.bounds
    ? Math.round(shortfall(r.value, r.target, r.polarity) * 10) <= 0
    : r.rag === 'green';
  if (afterZeroPhrase && onTarget && r.polarity === 'lower') {
    const prev = r.previous?.value;
    const continues = prev !== null && prev !== undefined && prev <= r.target;
    return `, and performance ${continues ? 'continues to be' : 'was'} positively below the ${noun} of ${t}`;
  }
  if (isInLine(r.value, r.target, r.unit, inLineBandOf(r, band))) return `, in line with the ${noun} of ${t}`;
  if (onTarget) {
    return r.polarity === 'lower'
      ? `, which was positively below the ${noun} of ${t}`
      : `, above the ${noun} of ${t}`;
  }
  return r.polarity === 'lower' ? `, above the ${t} ${noun}` : `, which falls below the ${noun} of ${t}`;
}
