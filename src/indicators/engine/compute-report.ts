import type { IndicatorDefinition, IndicatorReport, IndicatorSettings } from '../types.js';
import { type ReportRequest, computeIndicatorResult } from './indicator-result.js';

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
