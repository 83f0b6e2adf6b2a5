import type { Sparkline } from './render-model.js';
import { valueText, shortLabel } from './cell-text.js';
import type { IndicatorView } from './indicator-view.js';

/**
 * The scorecard sparkline of the last 8 quarters, suppressed points left out, with alt text such as
 * "Rose from 71.2% in Q4 2019/20 to 80.0% in Q3 2021/22" (report.md §3), naming any quarter restated since
 * its edition ("r").
 */
export function sparklineOf(v: IndicatorView): Sparkline {
  const r = v.result;
  const values = r.trend.map((t, i) => (v.plan.trend[i] || t.status !== 'ok' ? null : t.value));
  const shown = r.trend
    .map((t, i) => ({ t, value: values[i] }))
    .filter((p) => p.value !== null && p.value !== undefined);
  let alt: string;
  if (shown.length === 0) alt = 'No trend available';
  else if (shown.length === 1) {
    alt = `Only one quarter available: ${valueText(r.unit, shown[0]!.value!)} in ${shortLabel(shown[0]!.t.period)}`;
  } else {
    alt = trendMovementText(
      shown.map((p) => ({ label: shortLabel(p.t.period), value: p.value! })),
      (x) => valueText(r.unit, x),
    );
    const hidden = values.length - shown.length;
    if (hidden > 0) alt += ` (${hidden} of ${values.length} quarters not shown)`;
  }
  const restated = r.trend.filter((t, i) => values[i] !== null && v.restated.has(t.period));
  if (restated.length > 0) alt += `; restated (r): ${restated.map((t) => shortLabel(t.period)).join(', ')}`;
  return { values: values.map((x) => x ?? null), target: r.target, alt };
}

/**
 * How a trend moved from its first shown quarter to its last, in plain words (report.md §3's alt text), for
 * two points or more: "Rose from 71.2% in Q4 2019/20 to 80.0% in Q3 2021/22", "Fell from …", "Unchanged at
 * 80.0% from Q4 2019/20 to Q3 2021/22" only when every quarter had the same figure, and otherwise, when it
 * ended where it began, its range: "Ended where it began, at 80.0% in Q4 2019/20 and Q3 2021/22, having
 * ranged from 75.0% to 85.0%". The report's sparkline and the dashboard's chart both use it.
 * @example trendMovementText([{ label: 'Q1 2021/22', value: 80 }, { label: 'Q2 2021/22', value: 85 }, { label: 'Q3 2021/22', value: 80 }], (v) => `${v.toFixed(1)}%`) //=> 'Ended where it began, at 80.0% in Q1 2021/22 and Q3 2021/22, having ranged from 80.0% to 85.0%'
 */
export function trendMovementText(
  points: readonly { readonly label: string; readonly value: number }[],
  format: (value: number) => string,
): string {
  const a = points[0]!;
  const b = points[points.length - 1]!;
  if (b.value !== a.value) {
    return `${b.value > a.value ? 'Rose' : 'Fell'} from ${format(a.value)} in ${a.label} to ${format(b.value)} in ${b.label}`;
  }
  const low = Math.min(...points.map((p) => p.value));
  const high = Math.max(...points.map((p) => p.value));
  if (low === high) return `Unchanged at ${format(a.value)} from ${a.label} to ${b.label}`;
  return `Ended where it began, at ${format(a.value)} in ${a.label} and ${b.label}, having ranged from ${format(low)} to ${format(high)}`;
}
