import type { Period } from '../calendar/period.js';
import { computeReport } from '../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS } from '../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import type { IndicatorReport, IndicatorSettings } from '../indicators/types.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { Database } from '../store/database.js';
import type { DatasetVersion } from '../store/dataset-versions.js';
import { loadFiguresDataset } from '../store/load-dataset.js';
import { saveIndicatorReport } from './indicator-results.js';

/** What computing one LA's period produced (counts only: jobs log no child-level data). */
export interface LaComputeOutcome {
  readonly la: string;
  readonly period: string;
  readonly datasetId: string;
  readonly indicators: number;
  /** Of them, those with a value (none when the period is outside the LA's data: all not available). */
  readonly withAValue: number;
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
  // The headline figures need no record's source reference, nor the checks: the lighter load.
  // Imported before an upgrade that changed the merge, the version is assembled once and kept so again.
  const loaded = await loadFiguresDataset(db, la, { keepAssembled: true });
  if (!loaded) return null;
  return storeLaFigures(db, loaded.version, loaded.dataset, period, settings, now);
}

/**
 * {@link computeAndStoreLa} for a version whose dataset is already in memory (a hub import job that has just
 * assembled it): the same figures, without loading the version again.
 */
export async function storeLaFigures(
  db: Database,
  version: DatasetVersion,
  dataset: LaDataset,
  period: Period,
  settings: IndicatorSettings = DEFAULT_SETTINGS,
  now: () => string = () => new Date().toISOString(),
): Promise<LaComputeOutcome> {
  const report: IndicatorReport = computeReport(
    {
      input: buildIndicatorInput(dataset),
      period,
      settings,
      targets: null,
      dataset: { id: version.id, hash: version.contentHash, asAt: version.extractDate },
      // Benchmarks between LAs read the headline figures only (each LA's report computes its own trend
      // and breakdowns): a third of the work of a full report.
      figuresOnly: true,
    },
    INDICATORS,
  );
  await saveIndicatorReport(db, report, now());
  return {
    la: version.la,
    period: period.id,
    datasetId: version.id,
    indicators: report.indicators.length,
    withAValue: report.indicators.filter((r) => r.value !== null).length,
  };
}
