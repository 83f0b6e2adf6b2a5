import type { Basis } from '../../calendar/period.js';
import { parsePeriod, periodShortLabel } from '../../calendar/period.js';
import { boundsText } from '../../indicators/targets.js';
import type { ComparisonFigure, Direction, IndicatorResult, Rag } from '../../indicators/types.js';
import { formatAsSet, formatCount, pct } from './format.js';
import { isSmall } from '../public/suppression.js';
import type { IndicatorView } from './indicator-view.js';

/** Table text of a value: "80.0%" or "1,234". */
export function valueText(unit: 'percent' | 'count', v: number): string {
  return unit === 'percent' ? pct(v) : formatCount(v);
}

/** "Fewer than 6" in tables is "<6"; the key explains it. */
export function smallCountText(k: number): string {
  return `<${k + 1}`;
}

/** A hidden count that is not itself small (report.md §6 secondary suppression, or a percentage's n − x). */
export const NOT_SHOWN = 'Not shown';
export const NOT_SHOWN_NOTE = `${NOT_SHOWN}: withheld with a small number in the same table, so that it cannot be worked out from the total or the other figures.`;

/**
 * A count's table text: "<6" only for a hidden count from 1 to k; another hidden count (a secondary cell, or
 * the numerator of a percentage hidden for its n − x) reads "Not shown", never "fewer than 6".
 * @example countText(9, true, 5) //=> 'Not shown'
 */
export function countText(n: number, hidden: boolean, k: number): string {
  return !hidden ? formatCount(n) : isSmall(n, k) ? smallCountText(k) : NOT_SHOWN;
}

/** The public marker for a suppressed figure of the given unit. */
export function suppressedText(unit: 'percent' | 'count', k: number): string {
  return unit === 'percent' ? 'Small numbers' : smallCountText(k);
}

/**
 * A comparison figure's table text (previous quarter, same period last year). A zero denominator reads
 * "No eligible cases" as in {@link currentText}, for a count with a denominator too (cic-missing when no child
 * was looked after; its engine status is ok with value 0).
 */
export function comparisonText(
  r: IndicatorResult,
  f: ComparisonFigure | null,
  suppressed: boolean,
  k: number,
  restated = false,
): string {
  if (!f) return 'Not available';
  if (suppressed) return suppressedText(r.unit, k);
  if (f.status === 'no-eligible-cases' || (f.status === 'ok' && f.denominator === 0))
    return 'No eligible cases';
  if (f.status === 'annual-only') return 'Reported annually';
  if (f.value === null) return 'Not available';
  return `${valueText(r.unit, f.value)}${restated ? ' r' : ''}`;
}

/** The last year-end outturn in the trend, e.g. "2020-21: 88.0%". */
export function lastOutturn(r: IndicatorResult): string | null {
  for (let i = r.trend.length - 1; i >= 0; i--) {
    const t = r.trend[i]!;
    if (t.value !== null && t.status === 'ok' && /-Q4$/.test(t.period)) {
      return `${t.period.slice(0, 7)}: ${valueText(r.unit, t.value)}`;
    }
  }
  return null;
}

/**
 * The "Current" cell (report.md §3): "80.0% (160/200)", "271 (120 per 10,000)", "Reported annually
 * (2020-21: 88.0%)", "No eligible cases", "Not available", "Small numbers" or "<6".
 */
export function currentText(v: IndicatorView, k: number): string {
  const r = v.result;
  if (r.status === 'annual-only') {
    const last = lastOutturn(r);
    return last ? `Reported annually (${last})` : 'Reported annually';
  }
  if (r.status === 'no-eligible-cases' || (r.status === 'ok' && r.denominator === 0))
    return 'No eligible cases';
  if (r.status === 'not-available' || r.value === null) return 'Not available';
  // A count hidden for another reason than being 1 to k (its year-to-date difference) is no "<6".
  if (v.plan.headline)
    return r.unit === 'count' && !isSmall(r.value, k) ? 'Small numbers' : suppressedText(r.unit, k);
  if (r.unit === 'percent') {
    return r.numerator !== null && r.denominator !== null
      ? `${pct(r.value)} (${formatCount(r.numerator)}/${formatCount(r.denominator)})`
      : pct(r.value);
  }
  const rate = r.extra['rate'];
  return rate !== null && rate !== undefined
    ? `${formatCount(r.value)} (${formatCount(rate)} per 10,000)`
    : formatCount(r.value);
}

/** Why a figure is not rated (report.md §4). */
export function notRatedReason(v: IndicatorView): string {
  const r = v.result;
  if (r.status === 'annual-only') return 'reported annually';
  if (r.status === 'no-eligible-cases' || r.denominator === 0) return 'no eligible cases';
  if (r.status === 'not-available') return 'not available';
  if (v.plan.headline) return 'small numbers';
  if (r.polarity === 'none') return 'no polarity';
  return 'no target';
}

const RAG_TEXT: Record<Rag, string> = { green: '● Green', amber: '▲ Amber', red: '■ Red' };
/** Key wording of each rating (report.md §4). */
export const RAG_KEY: Record<Rag, string> = {
  green: '● Green: on target',
  amber: '▲ Amber: within tolerance',
  red: '■ Red: outside tolerance',
};

/** The RAG cell: symbol and word, or "– Not rated (reason)". */
export function ragText(v: IndicatorView): { text: string; rag: Rag | null } {
  const rag = v.plan.headline ? null : v.result.rag;
  if (rag && v.result.status === 'ok') return { text: RAG_TEXT[rag], rag };
  return { text: `– Not rated (${notRatedReason(v)})`, rag: null };
}

/**
 * The direction cell: the arrow shows the movement, the word the judgement (report.md §4):
 * "↓ Improved" for a fall in re-referrals; "↔ No significant change"; "↑ Up" without polarity.
 */
export function directionText(v: IndicatorView): string {
  const r = v.result;
  const d: Direction | null = v.plan.headline ? null : r.direction;
  const cmp = v.entry.directionComparator === 'last-year' ? r.lastYear : r.previous;
  const cmpHidden = v.entry.directionComparator === 'last-year' ? v.plan.lastYear : v.plan.previous;
  if (!d || !cmp || cmp.value === null || r.value === null || cmpHidden) return '–';
  const mark = v.entry.directionComparator === 'last-year' ? ' ‡' : '';
  const arrow = r.value > cmp.value ? '↑' : r.value < cmp.value ? '↓' : '↔';
  switch (d) {
    case 'improved':
      return `${arrow} Improved${mark}`;
    case 'worsened':
      return `${arrow} Worsened${mark}`;
    case 'no-significant-change':
      return `↔ No significant change${mark}`;
    case 'no-change':
      return `↔ No change${mark}`;
    case 'up':
      return `↑ Up${mark}`;
    case 'down':
      return `↓ Down${mark}`;
  }
}

/**
 * The kind of a result's target as the report names it. A result carrying no kind (hand-built, or read from
 * elsewhere than the engine, which always resolves one) reads as `resolveTarget` reads a targets row without
 * one: the catalogue's kind, or `local` when the catalogue sets no target (indicators.md §1.7: England sets
 * no national target for these; every shipped target is local). Never "national" by default.
 * @example targetKindOf({ targetKind: null }, { target: null }) //=> 'local'
 */
export function targetKindOf(
  r: Pick<IndicatorResult, 'targetKind'>,
  entry?: { readonly target: { readonly kind: 'national' | 'local' } | null },
): 'national' | 'local' {
  return r.targetKind ?? entry?.target?.kind ?? 'local';
}

/**
 * The target cell: "90% (±9), national", "18% or lower (+1.8), local", or "No target". Under the thresholds
 * scheme the LA's bounds replace the tolerance: "95% (Amber below 90%, Red below 80%), local". The kind is
 * {@link targetKindOf} (`entry`: the catalogue's, for a result that carries none).
 * The tolerance is shown as the rating uses it (report.md §3–§4), to the thousandth of a point it is held in:
 * 10% of a 22.7% target is "+2.27", never "+2.3", which would promise Amber for 25.0% (shortfall 2.3, Red).
 */
export function targetCellText(
  r: IndicatorResult,
  entry?: { readonly target: { readonly kind: 'national' | 'local' } | null },
): string {
  if (r.target === null) return 'No target';
  const as = (v: number): string => (r.unit === 'percent' ? `${formatAsSet(v)}%` : formatCount(v));
  const t = as(r.target);
  const kind = targetKindOf(r, entry);
  const lower = r.polarity === 'lower' ? ' or lower' : '';
  if (r.bounds) return `${t}${lower} (${boundsText(r.bounds, r.polarity, as)}), ${kind}`;
  const tol = r.tolerance !== null ? formatAsSet(Math.round(r.tolerance * 1000) / 1000) : null;
  if (r.polarity === 'lower') return `${t} or lower${tol ? ` (+${tol})` : ''}, ${kind}`;
  return `${t}${tol ? ` (±${tol})` : ''}, ${kind}`;
}

/** "High", "Low" or "–". */
export function goodIsText(r: IndicatorResult): string {
  return r.polarity === 'higher' ? 'High' : r.polarity === 'lower' ? 'Low' : '–';
}

/** "Quarter", "Year to date", "At period end", "Rolling 12 months" or "Annual". */
export function basisText(b: Basis): string {
  switch (b) {
    case 'in-period':
      return 'Quarter';
    case 'ytd':
      return 'Year to date';
    case 'snapshot':
      return 'At period end';
    case 'rolling-12m':
      return 'Rolling 12 months';
    case 'annual':
      return 'Annual';
  }
}

/** The England cell: "84.5%", "17% (and outside the LA) †", or "No national figure". */
export function englandText(r: IndicatorResult): string {
  if (!r.england) return 'No national figure';
  return `${r.england.text}${r.england.likeForLike ? '' : ' †'}`;
}

/** "Q3 2021/22" for a period id. */
export function shortLabel(periodId: string): string {
  return periodShortLabel(parsePeriod(periodId));
}
