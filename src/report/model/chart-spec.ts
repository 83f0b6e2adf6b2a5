import { parsePeriod, periodShortLabel } from '../../calendar/period.js';
import type { ChartSpec } from './render-model.js';
import type { IndicatorView } from './indicator-view.js';
import { sparklineOf } from './sparkline.js';
import { formatAsSet, formatCount } from './format.js';

/**
 * The trend chart of one indicator (8 quarters, target line, England benchmark where like-for-like and
 * in the same unit), drawn as SVG for HTML and as PNG for DOCX from this one definition.
 */
export function chartSpecOf(v: IndicatorView): ChartSpec {
  const r = v.result;
  const spark = sparklineOf(v);
  const eng = r.england && r.unit === 'percent' ? r.england : null;
  const unitWord = (x: number) => (r.unit === 'percent' ? `${formatAsSet(x)}%` : formatCount(x));
  const parts = [spark.alt];
  if (r.target !== null) parts.push(`target ${unitWord(r.target)}`);
  if (eng)
    parts.push(`England ${eng.year} ${unitWord(eng.value)}${eng.likeForLike ? '' : ' (not like-for-like)'}`);
  return {
    id: `chart-${r.id}`,
    title: `${r.title}: last 8 quarters`,
    unit: r.unit,
    points: r.trend.map((t, i) => ({
      label: `${periodShortLabel(parsePeriod(t.period))}${spark.values[i] !== null && v.restated.has(t.period) ? ' r' : ''}`,
      value: spark.values[i] ?? null,
    })),
    target: r.target,
    england: eng ? { value: eng.value, label: `England ${eng.year}${eng.likeForLike ? '' : ' †'}` } : null,
    alt: `${parts.join('; ')}.`,
  };
}
