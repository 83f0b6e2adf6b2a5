import { computeReport } from '../indicators/engine/compute-report.js';
import { computeIndicatorResult, type ReportRequest } from '../indicators/engine/indicator-result.js';
import { resolveTarget } from '../indicators/targets.js';
import type { IndicatorDefinition, IndicatorReport, IndicatorResult } from '../indicators/types.js';

/** Computes reports for one LA dataset and period under changing targets, reusing unchanged indicators. */
export interface RatedReports {
  /** The engine's report for this request: `computeReport(req, definitions)`, byte for byte. */
  report(req: ReportRequest): IndicatorReport;
}

/**
 * The engine's report of one dataset and period, memoised per indicator and resolved target: when an LA
 * changes one target on the dashboard only that indicator is recomputed (by the engine, with the new
 * {@link TargetSet}), since an indicator's result depends on the targets only through `resolveTarget`.
 * The request's input, period, settings and dataset must stay the same for one memo.
 * @example const memo = ratedReports(INDICATORS); memo.report({ ...req, targets }) // deep-equals computeReport(req, INDICATORS)
 */
export function ratedReports(definitions: readonly IndicatorDefinition[]): RatedReports {
  const results = new Map<string, IndicatorResult>();
  return {
    report(req) {
      const indicators = definitions.map((def) => {
        const key = `${def.id}\u0000${JSON.stringify(resolveTarget(def, req.targets))}`;
        let r = results.get(key);
        if (!r) {
          r = computeIndicatorResult(def, req).result;
          results.set(key, r);
        }
        return r;
      });
      return { ...computeReport(req, []), indicators };
    },
  };
}
