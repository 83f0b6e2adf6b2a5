import { hubSettings } from '../../hub/hub-settings.js';
import { currentFigures } from '../../hub/indicator-results.js';
import type { LaGroups } from '../../hub/la-groups.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { Database } from '../../store/database.js';
import { type HubBenchmarks, hubBenchmarksOf } from '../model/hub-benchmarks.js';
import { type EarlierRestatement, earlierRestatements } from './earlier-restatements.js';
import type { DatasetSource } from '../model/report-options.js';
import { datasetSourcesOf } from './dataset-sources.js';
import { publishedPeriods } from './edition-store.js';

/** What a report compares its figures with in the store, beyond the figures themselves. */
export interface StoreComparisons {
  /** Earlier-period figures that differ from their published editions (marked "r"). */
  readonly earlierRestatements: readonly EarlierRestatement[];
  /** Benchmarks between the LAs whose figures the store holds (hub results); null without other LAs. */
  readonly hubBenchmarks: HubBenchmarks | null;
  /** Import and extract date per source of the report's dataset version (Appendix D, report.md §2 item 7). */
  readonly datasetSources: readonly DatasetSource[];
}

/** Every earlier period a report shows: previous quarter, same period last year and the trend. */
export function earlierPeriodsOf(report: Pick<IndicatorReport, 'period' | 'indicators'>): string[] {
  const out = new Set<string>();
  for (const r of report.indicators) {
    if (r.previous) out.add(r.previous.period);
    if (r.lastYear) out.add(r.lastYear.period);
    for (const t of r.trend) out.add(t.period);
  }
  out.delete(report.period.id);
  return [...out].sort();
}

/**
 * Reads what a draft or a new edition compares with (report.md §8, issue 7): the latest edition of each
 * earlier period shown, for the "r" marks, and the other LAs' stored figures for the period, for the hub
 * benchmarks (with `groups`: regions and statistical neighbours; shared under the hub's sharing rule), and
 * the dataset version's sources.
 * @example const { earlierRestatements, hubBenchmarks } = await storeComparisons(db, report, loadLaGroups())
 */
export async function storeComparisons(
  db: Database,
  report: IndicatorReport,
  groups: LaGroups,
): Promise<StoreComparisons> {
  const published = await publishedPeriods(db, report.la, earlierPeriodsOf(report));
  const figures = await currentFigures(db, report.period.id);
  const { minOtherLas } = await hubSettings(db);
  return {
    earlierRestatements: earlierRestatements(report, published),
    hubBenchmarks: hubBenchmarksOf(report, figures, groups, minOtherLas),
    datasetSources: await datasetSourcesOf(db, report.dataset.id),
  };
}
