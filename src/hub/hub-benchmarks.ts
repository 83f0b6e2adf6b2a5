import type { Database } from '../store/database.js';
import { INDICATORS } from '../indicators/registry.js';
import type { Benchmark } from '../indicators/types.js';
import { currentFigures } from './indicator-results.js';
import { type IndicatorBenchmark, benchmarkIndicator } from './benchmarks.js';
import type { LaGroups } from './la-groups.js';

/** One indicator's benchmarks between the LAs loaded, with the published England figure beside them. */
export interface HubIndicatorBenchmark extends IndicatorBenchmark {
  /** The published England figure of the catalogue (indicators.md "England figures"); null when none. */
  readonly england: Benchmark | null;
}

/**
 * Benchmarks between the LAs loaded for one period, per indicator of the catalogue, from the stored
 * figures (each LA's current dataset version): all-LA mean and quartiles, each group's, each LA's rank,
 * alongside the published England figure (issue 7: "alongside published England figures").
 */
export async function hubBenchmarks(
  db: Database,
  period: string,
  groups: LaGroups,
): Promise<HubIndicatorBenchmark[]> {
  const figures = await currentFigures(db, period);
  return INDICATORS.map((def) => ({
    ...benchmarkIndicator(
      def.id,
      def.polarity,
      figures.filter((f) => f.indicatorId === def.id).map((f) => ({ la: f.la, value: f.value })),
      groups,
    ),
    england: def.england,
  }));
}
