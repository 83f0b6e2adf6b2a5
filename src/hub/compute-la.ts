import type { Period } from '../calendar/period.js';
import { computeReport } from '../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS } from '../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import type { IndicatorReport, IndicatorSettings } from '../indicators/types.js';
import type { Database } from '../store/database.js';
import { loadDatasetVersion } from '../store/load-dataset.js';
import { saveIndicatorReport } from './indicator-results.js';

/** What computing one LA's period produced (counts only: jobs log no child-level data). */
export interface LaComputeOutcome {
  readonly la: string;
  readonly period: string;
  readonly datasetId: string;
  readonly indicators: number;
}

/**
 * Computes every indicator for one LA and period from the LA's current dataset version and stores the
 * headline figures (`indicator_results`: value, numerator, denominator, interval, RAG and direction; no
 * trend, breakdowns or members), replacing any earlier figures of that version: the unit of work a hub
 * worker takes from the queue. Returns null when the LA has no dataset.
 */
export async function computeAndStoreLa(
  db: Database,
  la: string,
  period: Period,
  settings: IndicatorSettings = DEFAULT_SETTINGS,
  now: () => string = () => new Date().toISOString(),
): Promise<LaComputeOutcome | null> {
  const loaded = await loadDatasetVersion(db, la);
  if (!loaded) return null;
  const report: IndicatorReport = computeReport(
    {
      input: buildIndicatorInput(loaded.dataset),
      period,
      settings,
      targets: null,
      dataset: { id: loaded.version.id, hash: loaded.version.contentHash, asAt: loaded.version.extractDate },
      // Benchmarks between LAs read the headline figures only (each LA's report computes its own trend
      // and breakdowns): a third of the work of a full report.
      figuresOnly: true,
    },
    INDICATORS,
  );
  await saveIndicatorReport(db, report, now());
  return { la, period: period.id, datasetId: loaded.version.id, indicators: report.indicators.length };
}
