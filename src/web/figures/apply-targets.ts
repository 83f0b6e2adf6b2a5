import type { IndicatorReport, IndicatorResult } from '../../indicators/types.js';
import type { TargetSetting } from '../targets/target-store.js';
import { DEFAULT_TOLERANCE, rate, tolerancePoints } from './rating.js';

/**
 * Re-rates an indicator report with the LA's targets for the financial year (report.md §4): an indicator
 * with a setting gets its target, tolerance and RAG from it; the others keep the catalogue's.
 * @example applyTargets(report, [{ indicatorId: 'assessments-45wd', target: 80, … }])
 */
export function applyTargets(report: IndicatorReport, targets: readonly TargetSetting[]): IndicatorReport {
  if (targets.length === 0) return report;
  const byId = new Map(targets.map((t) => [t.indicatorId, t]));
  return { ...report, indicators: report.indicators.map((r) => withTarget(r, byId.get(r.id))) };
}

function withTarget(r: IndicatorResult, t: TargetSetting | undefined): IndicatorResult {
  if (!t) return r;
  if (t.scheme === 'none' || t.target === null) {
    return { ...r, target: null, targetKind: null, tolerance: null, rag: null };
  }
  const tolerance = tolerancePoints(
    t.target,
    t.tolerance === null ? DEFAULT_TOLERANCE : { value: t.tolerance, unit: t.toleranceUnit },
  );
  const rated = r.status === 'ok' ? rate(r.value, t.target, tolerance, r.polarity) : null;
  return { ...r, target: t.target, targetKind: t.kind, tolerance, rag: rated };
}
