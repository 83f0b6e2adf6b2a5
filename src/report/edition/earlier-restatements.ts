import type { ComparisonFigure, IndicatorReport } from '../../indicators/types.js';

/** An earlier period's headline figures as its latest edition published them. */
export interface PublishedPeriod {
  readonly edition: string;
  readonly publishedAt: string;
  /** By indicator id. */
  readonly figures: ReadonlyMap<
    string,
    {
      readonly value: number | null;
      readonly numerator: number | null;
      readonly denominator: number | null;
    }
  >;
}

/**
 * A figure for an earlier period shown in this report (previous quarter, same period last year, a trend
 * point) that differs from the figure that period's latest edition published: marked "r", with the
 * published value in a footnote (report.md §8). Aggregates only.
 */
export interface EarlierRestatement {
  readonly indicator: string;
  readonly period: string;
  readonly edition: string;
  readonly publishedAt: string;
  readonly published: number | null;
  readonly publishedNumerator: number | null;
  readonly publishedDenominator: number | null;
  readonly now: number | null;
  readonly nowNumerator: number | null;
  readonly nowDenominator: number | null;
}

/** The `indicator|period` key of a restated figure. */
export const restatedKey = (indicator: string, period: string): string => `${indicator}|${period}`;

/**
 * The figures for earlier periods in a report that differ (value, numerator or denominator) from those
 * published in each period's latest edition, once per indicator and period, in indicator then period order.
 * The report's own period is left out (its restatements are listed against its own edition).
 * @example earlierRestatements(q3Report, new Map([['2021-22-Q2', { edition: 'e1', publishedAt, figures }]]))
 * //=> [{ indicator: 'cp-repeat-2y', period: '2021-22-Q2', edition: 'e1', published: 9.8, now: 10.2, … }]
 */
export function earlierRestatements(
  report: Pick<IndicatorReport, 'period' | 'indicators'>,
  published: ReadonlyMap<string, PublishedPeriod>,
): EarlierRestatement[] {
  const out: EarlierRestatement[] = [];
  for (const r of report.indicators) {
    const seen = new Set<string>();
    const shown: ComparisonFigure[] = [
      ...(r.previous ? [r.previous] : []),
      ...(r.lastYear ? [r.lastYear] : []),
      ...r.trend,
    ];
    for (const f of [...shown].sort((a, b) => a.period.localeCompare(b.period))) {
      if (f.period === report.period.id || seen.has(f.period)) continue;
      seen.add(f.period);
      const p = published.get(f.period);
      const then = p?.figures.get(r.id);
      if (!p || !then) continue;
      if (then.value === f.value && then.numerator === f.numerator && then.denominator === f.denominator)
        continue;
      out.push({
        indicator: r.id,
        period: f.period,
        edition: p.edition,
        publishedAt: p.publishedAt,
        published: then.value,
        publishedNumerator: then.numerator,
        publishedDenominator: then.denominator,
        now: f.value,
        nowNumerator: f.numerator,
        nowDenominator: f.denominator,
      });
    }
  }
  return out;
}
