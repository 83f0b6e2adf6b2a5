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
    const a = shown[0]!;
    const b = shown[shown.length - 1]!;
    const from = `${valueText(r.unit, a.value!)} in ${shortLabel(a.t.period)}`;
    const to = `${valueText(r.unit, b.value!)} in ${shortLabel(b.t.period)}`;
    if (a.value === b.value)
      alt = `Unchanged at ${valueText(r.unit, a.value!)} from ${shortLabel(a.t.period)} to ${shortLabel(b.t.period)}`;
    else alt = `${b.value! > a.value! ? 'Rose' : 'Fell'} from ${from} to ${to}`;
    const hidden = values.length - shown.length;
    if (hidden > 0) alt += ` (${hidden} of ${values.length} quarters not shown)`;
  }
  const restated = r.trend.filter((t, i) => values[i] !== null && v.restated.has(t.period));
  if (restated.length > 0) alt += `; restated (r): ${restated.map((t) => shortLabel(t.period)).join(', ')}`;
  return { values: values.map((x) => x ?? null), target: r.target, alt };
}
