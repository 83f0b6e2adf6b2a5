import { formatValue, shortPeriod } from './format.js';
import type { Unit } from '../../indicators/types.js';

/**
 * Inline SVG charts, drawn on the server so they work without JavaScript and under a strict CSP
 * (presentation attributes and classes only, no style attributes). Each chart is `role="img"` with a
 * text alternative; the indicator page also gives the figures as a table.
 */

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/**
 * The `d` of an SVG path through the points that have a value, the i-th at (x(i), y(value)), broken where
 * a value is missing or suppressed: the line never bridges a gap, and a point alone draws nothing.
 * @example linePath([{ value: 1 }, { value: null }, { value: 2 }, { value: 3 }], (i) => i, (v) => v) //=> 'M0 1M2 2L3 3'
 */
export function linePath(
  points: readonly { value: number | null }[],
  x: (i: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${r1(x(i))} ${r1(y(p.value))}`;
    pen = true;
  });
  return d;
}

/**
 * A sparkline of up to eight points (gaps where a value is missing or suppressed).
 * @example sparkline([{ period: '2021-22-Q2', value: 71.2 }, { period: '2021-22-Q3', value: 80 }], 'Rose …')
 */
export function sparkline(points: readonly { period: string; value: number | null }[], alt: string): string {
  const w = 96;
  const h = 24;
  const vals = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (vals.length === 0) {
    return `<svg class="app-sparkline" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(alt)}"><title>${esc(alt)}</title></svg>`;
  }
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const span = hi - lo || 1;
  const x = (i: number) => 3 + (i * (w - 6)) / Math.max(1, points.length - 1);
  const y = (v: number) => h - 3 - ((v - lo) / span) * (h - 6);
  const d = linePath(points, x, y);
  const lastIdx = points.map((p) => p.value !== null).lastIndexOf(true);
  const last = points[lastIdx];
  return (
    `<svg class="app-sparkline" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(alt)}">` +
    `<title>${esc(alt)}</title><path d="${d}" class="app-sparkline__line"/>` +
    `<circle cx="${r1(x(lastIdx))}" cy="${r1(y(last.value as number))}" r="2.5" class="app-sparkline__dot"/></svg>`
  );
}

/** One point of the trend chart. */
export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
  readonly ci95?: readonly [number, number] | null;
  /** Target in force for the point's financial year (stepped line). */
  readonly target: number | null;
  readonly tolerance: number | null;
}

/**
 * The tolerance band the trend chart shades for a point, low end first: from the target to the edge of
 * tolerance on the worse side; null where the chart draws none (no target or tolerance, or no polarity).
 * The indicator page's trend table gives the same band in words (WCAG 1.1.1: the table carries all the chart
 * shows).
 * @example toleranceBand({ target: 80, tolerance: 8 }, 'higher') //=> [72, 80]
 */
export function toleranceBand(
  p: { readonly target: number | null; readonly tolerance: number | null },
  polarity: 'higher' | 'lower' | 'none',
): readonly [number, number] | null {
  if (p.target === null || p.tolerance === null || polarity === 'none') return null;
  const edge = polarity === 'lower' ? p.target + p.tolerance : p.target - p.tolerance;
  return [Math.min(edge, p.target), Math.max(edge, p.target)];
}

/**
 * The England benchmark the indicator page's trend chart draws: only for a percentage in the indicator's own
 * unit, as the report's chart does (`chartSpecOf`). The England figure of a count is a national total
 * (82,170 children in care) or, for children missing from care, a percentage: neither is on an LA's scale,
 * and a line for it squashed the LA's trend flat or put "11" among counts of children. The page still gives
 * the England figure beside the LA's.
 * @example chartedEngland('count', { value: 82170, year: '2021-22' }) //=> null
 */
export function chartedEngland(
  unit: Unit,
  england: { value: number; year: string; unit?: Unit } | null,
): { value: number; year: string } | null {
  if (!england || unit !== 'percent' || (england.unit ?? unit) !== unit) return null;
  return { value: england.value, year: england.year };
}

/**
 * The England benchmark as the chart's key names it, with its year and value: "England 2021-22: 84.5%".
 * @example englandKey('percent', { value: 84.5, year: '2021-22' }) //=> 'England 2021-22: 84.5%'
 */
export function englandKey(unit: Unit, england: { value: number; year: string }): string {
  return `England ${england.year}: ${formatValue(unit, england.value)}`;
}

/**
 * The y axis of a trend chart over `values` (points, intervals, targets, bands, the England line): from a
 * round number to a round number, ticks at a round step (1, 2, 2.5 or 5 times a power of ten), three to
 * five intervals. A percentage's axis starts and ends at a multiple of 10 at least 5 points beyond the values,
 * within 0–100: a rate's movement within its band is what the chart shows, and the axis labels and the
 * target's tolerance band give its size. A count's axis starts at zero and ends a fifth of the values' range
 * (at least 1) above them: children in care moving between 285 and 305 drawn on an axis from 280 to 310 looked
 * like the number had doubled. The report's chart (`niceRange`, src/report/chart/trend-chart-svg.ts) takes the
 * same rule: counts from zero, percentages near their values.
 * @example chartScale('percent', [72.9, 90]) //=> { lo: 60, hi: 100, ticks: [60, 70, 80, 90, 100] }
 * @example chartScale('count', [271, 298]) //=> { lo: 0, hi: 400, ticks: [0, 100, 200, 300, 400] }
 */
export function chartScale(
  unit: Unit,
  values: readonly number[],
): { lo: number; hi: number; ticks: number[] } {
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 100;
  if (unit === 'percent') {
    lo = Math.max(0, Math.floor((lo - 5) / 10) * 10);
    hi = Math.min(100, Math.ceil((hi + 5) / 10) * 10);
  } else {
    hi = Math.max(0, hi) + Math.max(1, (hi - lo) * 0.2);
    lo = 0;
  }
  const raw = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  // A count's step is a whole number: no axis of half-children.
  const tick = unit === 'count' ? Math.max(1, Math.round(step)) : step;
  lo = Math.floor(lo / tick + 1e-9) * tick;
  hi = Math.max(lo + tick, Math.ceil(hi / tick - 1e-9) * tick);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + tick / 1e6; v += tick) ticks.push(Number(v.toFixed(6)));
  return { lo, hi, ticks };
}

/** A tick's number: thousands separated, a fraction only where the step has one (2.5). */
function formatTick(v: number): string {
  return v.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/**
 * What a point's tooltip says, and its accessible name: the quarter, the value, the 95% interval where drawn,
 * and the target in force.
 * @example pointText('percent', { period: '2021-22-Q3', value: 84.2, ci95: [80.1, 87.6], target: 90, tolerance: 5 })
 * //=> 'Q3 2021/22: 84.2% (95% interval 80.1% to 87.6%; target 90.0%)'
 */
export function pointText(unit: Unit, p: TrendPoint & { readonly value: number }): string {
  const f = (v: number) => formatValue(unit, v);
  const more = [
    ...(p.ci95 ? [`95% interval ${f(p.ci95[0])} to ${f(p.ci95[1])}`] : []),
    ...(p.target !== null ? [`target ${f(p.target)}`] : []),
  ];
  return `${shortPeriod(p.period)}: ${f(p.value)}${more.length ? ` (${more.join('; ')})` : ''}`;
}

/**
 * The indicator page's trend chart: values over the last quarters, the target as a stepped line with its
 * tolerance band, and the England benchmark as a line.
 *
 * Words drawn inside the plot collide with its lines and points whenever two figures are close (the England
 * benchmark on the target, or on the latest quarters), so the chart draws none: the key under it
 * (indicator.njk) names each line by its pattern, solid, dashed or dotted, never by colour alone (WCAG 1.4.1),
 * and gives the England benchmark's year and value (`englandKey`).
 *
 * The chart is a group named by `alt`; its grid, axes, lines and bands are hidden from assistive technology
 * (the table alternative gives every figure), and each point is an image named by `pointText`, which the
 * dashboard's script makes reachable by keyboard (one Tab stop, the arrow keys move between quarters) and
 * shows as a tooltip on focus (WCAG 2.1.1, 4.1.2). Without the script, each point's <title> is its tooltip.
 */
export function trendChart(
  unit: Unit,
  points: readonly TrendPoint[],
  england: { value: number; year: string } | null,
  polarity: 'higher' | 'lower' | 'none',
  alt: string,
): string {
  const W = 640;
  const H = 300;
  const m = { l: 56, r: 16, t: 16, b: 40 };
  const all: number[] = [];
  for (const p of points) {
    if (p.value !== null) all.push(p.value);
    if (p.ci95) all.push(p.ci95[0], p.ci95[1]);
    if (p.target !== null) {
      all.push(p.target);
      if (p.tolerance !== null) all.push(p.target + (polarity === 'lower' ? p.tolerance : -p.tolerance));
    }
  }
  if (england) all.push(england.value);
  const scale = chartScale(unit, all);
  const { lo, hi } = scale;
  const n = points.length;
  const step = (W - m.l - m.r) / n;
  const x = (i: number) => m.l + step * (i + 0.5);
  const y = (v: number) => m.t + (H - m.t - m.b) * (1 - (v - lo) / (hi - lo));
  const parts: string[] = [];
  // grid and y axis
  for (const v of scale.ticks) {
    const label = unit === 'percent' ? `${formatTick(v)}%` : formatTick(v);
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${r1(y(v))}" y2="${r1(y(v))}" class="app-chart__grid"/>`,
      `<text x="${m.l - 8}" y="${r1(y(v) + 4)}" text-anchor="end" class="app-chart__tick">${label}</text>`,
    );
  }
  // tolerance band and stepped target
  points.forEach((p, i) => {
    if (p.target === null) return;
    const x0 = m.l + step * i;
    const x1 = x0 + step;
    const band = toleranceBand(p, polarity);
    if (band) {
      parts.push(
        `<rect x="${r1(x0)}" y="${r1(y(band[1]))}" width="${r1(step)}" height="${r1(y(band[0]) - y(band[1]))}" class="app-chart__band"/>`,
      );
    }
    parts.push(
      `<line x1="${r1(x0)}" x2="${r1(x1)}" y1="${r1(y(p.target))}" y2="${r1(y(p.target))}" class="app-chart__target"/>`,
    );
  });
  if (england) {
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${r1(y(england.value))}" y2="${r1(y(england.value))}" class="app-chart__england"/>`,
    );
  }
  // intervals, line and points
  points.forEach((p, i) => {
    if (p.value !== null && p.ci95) {
      parts.push(
        `<line x1="${r1(x(i))}" x2="${r1(x(i))}" y1="${r1(y(p.ci95[0]))}" y2="${r1(y(p.ci95[1]))}" class="app-chart__ci"/>`,
      );
    }
  });
  parts.push(`<path d="${linePath(points, x, y)}" class="app-chart__line"/>`);
  const marks: string[] = [];
  points.forEach((p, i) => {
    parts.push(
      `<text x="${r1(x(i))}" y="${H - m.b + 18}" text-anchor="middle" class="app-chart__tick">${esc(shortPeriod(p.period).replace(' ', '\u00a0'))}</text>`,
    );
    if (p.value === null) return;
    const tip = esc(pointText(unit, { ...p, value: p.value }));
    marks.push(
      `<circle cx="${r1(x(i))}" cy="${r1(y(p.value))}" r="5" class="app-chart__point" role="img" aria-label="${tip}" data-tooltip="${tip}"><title>${tip}</title></circle>`,
    );
  });
  return (
    `<svg class="app-chart" viewBox="0 0 ${W} ${H}" role="group" aria-label="${esc(alt)}" focusable="false">` +
    `<title>${esc(alt)}</title><g aria-hidden="true">${parts.join('')}</g>` +
    `<g class="app-chart__points">${marks.join('')}</g></svg>`
  );
}
