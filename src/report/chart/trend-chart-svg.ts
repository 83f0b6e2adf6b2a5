import type { ChartSpec, Sparkline } from '../model/render-model.js';
import { formatAsSet, formatCount, oneDecimal } from '../model/format.js';
import { escapeXml } from './escape-xml.js';

const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";
const BLUE = '#1d70b8';
const BLACK = '#0b0c0c';
const GREY = '#505a5f';

/**
 * The y axis, from, to and step: a count's from zero (so a change of 20 in 300 children in care is drawn as the
 * small change it is), a percentage's from 5 points below its values (the dashboard's `chartScale` takes the
 * same rule).
 */
function niceRange(values: readonly number[], unit: 'percent' | 'count'): [number, number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const from0 = unit === 'count' ? 0 : Math.max(0, lo - 5);
  const to0 = unit === 'count' ? Math.max(1, hi * 1.1) : Math.min(100, hi + 5);
  const span = Math.max(to0 - from0, 1);
  const step =
    [1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000].find(
      (s) => span / s <= 5,
    ) ?? 10 ** Math.ceil(Math.log10(span / 5));
  const from = Math.floor(from0 / step) * step;
  const to = Math.max(from + step, Math.ceil(to0 / step) * step);
  return [from, to, step];
}

const fmt = (unit: 'percent' | 'count', v: number) =>
  unit === 'percent' ? `${oneDecimal(v)}%` : formatCount(v);
const fmtAxis = (unit: 'percent' | 'count', v: number) =>
  unit === 'percent' ? `${formatAsSet(v)}%` : formatCount(v);

/**
 * Draws a trend chart (8 quarters, target line, England benchmark) as a self-contained SVG string with a
 * title and description for screen readers. Hand-built so the same SVG renders in the browser and in resvg.
 * @example trendChartSvg(spec).startsWith('<svg') //=> true
 */
export function trendChartSvg(spec: ChartSpec, width = 600, height = 210): string {
  const m = { top: 16, right: 150, bottom: 44, left: 52 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const vals = spec.points.map((p) => p.value).filter((v): v is number => v !== null);
  const all = [
    ...vals,
    ...(spec.target !== null ? [spec.target] : []),
    ...(spec.england ? [spec.england.value] : []),
  ];
  const [y0, y1, step] = niceRange(all.length ? all : [0, 100], spec.unit);
  const inset = 18;
  const x = (i: number) =>
    m.left +
    inset +
    (spec.points.length <= 1 ? (w - 2 * inset) / 2 : (i * (w - 2 * inset)) / (spec.points.length - 1));
  const y = (v: number) => m.top + h - ((v - y0) / (y1 - y0)) * h;
  const parts: string[] = [];
  const id = escapeXml(spec.id);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="${escapeXml(FONT)}" font-size="12">`,
    `<title id="${id}-t">${escapeXml(spec.title)}</title>`,
    `<desc id="${id}-d">${escapeXml(spec.alt)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  // Gridlines and y axis labels.
  for (let v = y0; v <= y1 + 1e-9; v += step) {
    const yy = y(v).toFixed(1);
    parts.push(
      `<line x1="${m.left}" x2="${m.left + w}" y1="${yy}" y2="${yy}" stroke="#b1b4b6" stroke-width="${v === y0 ? 1 : 0.5}"/>`,
      `<text x="${m.left - 6}" y="${yy}" dy="4" text-anchor="end" fill="${BLACK}">${escapeXml(fmtAxis(spec.unit, v))}</text>`,
    );
  }
  // X labels: quarter (with any mark such as "r" for restated), with the year on a second line.
  spec.points.forEach((p, i) => {
    const [q0, yr, ...marks] = p.label.split(' ');
    const q = q0 === undefined ? undefined : [q0, ...marks].join(' ');
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${m.top + h + 16}" text-anchor="middle" fill="${BLACK}">${escapeXml(q ?? p.label)}</text>`,
      `<text x="${x(i).toFixed(1)}" y="${m.top + h + 30}" text-anchor="middle" fill="${GREY}" font-size="11">${escapeXml(yr ?? '')}</text>`,
    );
  });
  const labels: { y: number; text: string; colour: string }[] = [];
  if (spec.target !== null) {
    const yy = y(spec.target).toFixed(1);
    parts.push(
      `<line x1="${m.left}" x2="${m.left + w}" y1="${yy}" y2="${yy}" stroke="${BLACK}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
    labels.push({ y: y(spec.target), text: `Target ${fmtAxis(spec.unit, spec.target)}`, colour: BLACK });
  }
  if (spec.england) {
    const yy = y(spec.england.value).toFixed(1);
    parts.push(
      `<line x1="${m.left}" x2="${m.left + w}" y1="${yy}" y2="${yy}" stroke="${GREY}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    );
    labels.push({
      y: y(spec.england.value),
      text: `${spec.england.label} ${fmtAxis(spec.unit, spec.england.value)}`,
      colour: GREY,
    });
  }
  // Data line, broken where a point is missing or suppressed.
  let seg: string[] = [];
  const flush = () => {
    if (seg.length > 1)
      parts.push(`<polyline points="${seg.join(' ')}" fill="none" stroke="${BLUE}" stroke-width="2.5"/>`);
    seg = [];
  };
  spec.points.forEach((p, i) => {
    if (p.value === null) return flush();
    seg.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  flush();
  spec.points.forEach((p, i) => {
    if (p.value !== null)
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="${BLUE}"/>`);
  });
  const last = [...spec.points].reverse().find((p) => p.value !== null);
  if (last && last.value !== null)
    labels.push({ y: y(last.value), text: `${last.label}: ${fmt(spec.unit, last.value)}`, colour: BLUE });
  // Right-hand labels, nudged apart so they never overlap.
  labels.sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) {
    if (labels[i]!.y - labels[i - 1]!.y < 15) labels[i]!.y = labels[i - 1]!.y + 15;
  }
  for (const l of labels) {
    parts.push(
      `<text x="${m.left + w + 8}" y="${l.y.toFixed(1)}" dy="4" fill="${l.colour}" font-weight="bold">${escapeXml(l.text)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A scorecard sparkline (8 quarters, dashed target) as inline SVG with its alt text.
 * @example sparklineSvg({ values: [1, 2], target: null, alt: 'Rose' }).includes('aria-label="Rose"') //=> true
 */
export function sparklineSvg(s: Sparkline, width = 84, height = 24): string {
  const vals = s.values.filter((v): v is number => v !== null);
  const alt = escapeXml(s.alt);
  if (vals.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${alt}"><title>${alt}</title></svg>`;
  }
  const all = [...vals, ...(s.target !== null ? [s.target] : [])];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, s.values.length - 1);
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - lo) / (hi - lo));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${alt}"><title>${alt}</title>`,
  ];
  if (s.target !== null) {
    parts.push(
      `<line x1="${pad}" x2="${width - pad}" y1="${y(s.target).toFixed(1)}" y2="${y(s.target).toFixed(1)}" stroke="${GREY}" stroke-width="1" stroke-dasharray="3 2"/>`,
    );
  }
  let seg: string[] = [];
  const flush = () => {
    if (seg.length > 1)
      parts.push(`<polyline points="${seg.join(' ')}" fill="none" stroke="${BLUE}" stroke-width="1.5"/>`);
    seg = [];
  };
  s.values.forEach((v, i) => {
    if (v === null) return flush();
    seg.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  flush();
  const lastIdx = s.values.map((v, i) => (v === null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
  if (lastIdx >= 0)
    parts.push(
      `<circle cx="${x(lastIdx).toFixed(1)}" cy="${y(s.values[lastIdx]!).toFixed(1)}" r="2.2" fill="${BLUE}"/>`,
    );
  parts.push('</svg>');
  return parts.join('');
}
