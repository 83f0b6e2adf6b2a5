import type { Context } from 'hono';
import type { IndicatorReport, Unit } from '../indicators/types.js';
import {
  type EarlierRestatement,
  earlierRestatements,
  restatedKey,
} from '../report/edition/earlier-restatements.js';
import { publishedPeriods } from '../report/edition/edition-store.js';
import { earlierPeriodsOf } from '../report/edition/store-comparisons.js';
import { type SuppressionRule, restatedPublishedSuppressed } from '../report/public/suppression.js';
import type { AppEnv } from './env.js';
import type { Visibility } from './figures/figure-view.js';
import { formatCount, formatValue, shortPeriod } from './figures/format.js';

/** Earlier-period figures restated since their editions, by `indicator|period`, with a stamp of the editions. */
export interface RestatedFigures {
  readonly byKey: ReadonlyMap<string, EarlierRestatement>;
  /** Empty when the LA has no edition (nothing can be restated). */
  readonly stamp: string;
}

/**
 * The figures for earlier periods in a report (previous quarter, same period last year, trend) that
 * differ from those their periods' latest editions published (report.md §8, marked "r"), as the report
 * finds them. One light query a request; the editions are read once per set of editions and figures.
 * @example const { byKey } = await restatedFigures(c, report, key); byKey.has('cic-count|2021-22-Q2')
 */
export async function restatedFigures(
  c: Context<AppEnv>,
  report: IndicatorReport,
  figuresKey: string,
): Promise<RestatedFigures> {
  const { db, views } = c.var.deps;
  const v = await db.get<{ n: number | string; at: string | null }>(
    'SELECT COUNT(*) AS n, MAX(published_at) AS at FROM editions WHERE la = ?',
    [report.la],
  );
  if (!v || Number(v.n) === 0) return { byKey: new Map(), stamp: '' };
  const stamp = `${v.n}@${v.at}`;
  const key = `restated|${figuresKey}|${stamp}`;
  let byKey = views.get(key) as Map<string, EarlierRestatement> | undefined;
  if (!byKey) {
    const published = await publishedPeriods(db, report.la, earlierPeriodsOf(report));
    byKey = new Map(
      earlierRestatements(report, published).map((x) => [restatedKey(x.indicator, x.period), x]),
    );
    views.set(key, byKey);
  }
  return { byKey, stamp };
}

/**
 * The footnote of a restated figure: "r …, Q2 2021/22: published as 40 in edition …; now 44". In the public
 * view the published value is left out where it, or the change in children (a count's, or a percentage's
 * numerator or denominator), is a small number under the report's public rule (`restatedPublishedSuppressed`, the report's own).
 * @example restatementNote('count', 'Children in care', x, 'full', DEFAULT_SUPPRESSION) //=> 'r Children in care, Q2 2021/22: published as 40 in edition 841-…; now 44, restated on later data or definitions.'
 */
export function restatementNote(
  unit: Unit,
  title: string,
  x: EarlierRestatement,
  visibility: Visibility,
  rule: SuppressionRule,
): string {
  const hidden = visibility === 'public' && restatedPublishedSuppressed(unit, x, rule);
  const fraction = (a: number | null, n: number | null) =>
    visibility === 'public' || unit !== 'percent' || a === null || n === null
      ? ''
      : ` (${formatCount(a)}/${formatCount(n)})`;
  const was =
    x.published === null
      ? 'no figure'
      : hidden
        ? 'a figure not shown here (small numbers)'
        : `${formatValue(unit, x.published)}${fraction(x.publishedNumerator, x.publishedDenominator)}`;
  const now =
    x.now === null ? 'no figure' : `${formatValue(unit, x.now)}${fraction(x.nowNumerator, x.nowDenominator)}`;
  return `r ${title}, ${shortPeriod(x.period)}: published as ${was} in edition ${x.edition}; now ${now}, restated on later data or definitions.`;
}
