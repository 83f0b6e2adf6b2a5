import type { ComparisonFigure, IndicatorDefinition, IndicatorReport, IndicatorSettings } from '../types.js';
import { type ReportRequest, computeIndicatorResult } from './indicator-result.js';
import { comparisonFigure } from './indicator-value.js';
import { headlineBasis, runIndicator } from './run-indicator.js';

function stableSettings(s: IndicatorSettings): IndicatorSettings {
  const sorted = <T>(r: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]!]),
    );
  return {
    workingDays: s.workingDays,
    excludeUasc: s.excludeUasc,
    basis: sorted(s.basis),
    variants: sorted(s.variants),
  };
}

/**
 * Every indicator of the catalogue for one LA and period: the `cspi indicators --json` document.
 * Pure and deterministic: the same request gives byte-identical `JSON.stringify` output.
 * @example computeReport(request, INDICATORS).indicators.length //=> 24
 */
export function computeReport(
  req: ReportRequest,
  definitions: readonly IndicatorDefinition[],
): IndicatorReport {
  return {
    la: req.input.data.la,
    period: { id: req.period.id, start: req.period.start, end: req.period.end },
    dataset: { id: req.dataset.id, hash: req.dataset.hash, asAt: req.dataset.asAt },
    settings: stableSettings(req.settings),
    indicators: definitions.map((def) => computeIndicatorResult(def, req).result),
  };
}

/** One indicator's headline figure for a period: value, numerator and denominator as its result gives them. */
export interface HeadlineFigure {
  readonly id: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * Each indicator's headline figure for one LA and period, as {@link computeReport} gives it (the same run:
 * headline basis, no member lists, no breakdowns), and nothing else: no previous quarter, last year, trend, target or RAG,
 * each a further run of the definition. What a published edition's figures are compared with to say whether
 * the period would now be restated (report.md §8). Pure.
 * @example headlineFigures({ input, period: parsePeriod('2021-22-Q3'), settings }, INDICATORS)[0]
 * //=> { id: 'referrals-rereferral-12m', value: 20.5, numerator: 41, denominator: 200 }
 */
export function headlineFigures(
  req: Pick<ReportRequest, 'input' | 'period' | 'settings'>,
  definitions: readonly IndicatorDefinition[],
): HeadlineFigure[] {
  return definitions.map((def) => {
    const c = runIndicator(def, req.input, req.period, headlineBasis(def, req.settings), req.settings, {
      members: false,
      breakdowns: false,
    });
    const f: ComparisonFigure = comparisonFigure(def, req.period.id, c);
    return { id: def.id, value: f.value, numerator: f.numerator, denominator: f.denominator };
  });
}
