import type { Database } from '../store/database.js';
import { INDICATORS } from '../indicators/registry.js';
import type { Benchmark } from '../indicators/types.js';
import { type StoredFigure, currentFigures, earlierVersionLas } from './indicator-results.js';
import { type IndicatorBenchmark, benchmarkIndicator } from './benchmarks.js';
import type { LaGroups } from './la-groups.js';
import { comparatorGroupsFor } from '../report/model/hub-benchmarks.js';

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
  return benchmarksOfFigures(await currentFigures(db, period), groups);
}

/** What `cspi hub benchmarks` prints: the benchmarks, and the LAs whose figures are from an earlier version. */
export interface HubBenchmarksForOperator {
  readonly benchmarks: readonly HubIndicatorBenchmark[];
  /**
   * The LAs whose figures for the period are from an earlier dataset version than their current one (a
   * version imported since has no results for the period: recompute), named for the hub operator, and how
   * many LAs have figures.
   */
  readonly earlierVersions: { readonly las: readonly string[]; readonly of: number };
  /** The LAs with stored figures for the period, in code order. */
  readonly las: readonly string[];
  /** Of {@link las}, those with a value for at least one indicator (the others' figures are all not available). */
  readonly lasWithAValue: readonly string[];
}

/**
 * {@link hubBenchmarks} with the LAs whose figures are from an earlier dataset version (for the operator).
 * With `la` (`cspi hub benchmarks --la`), that LA's statistical-neighbour group leaves it out, as its
 * dashboard and report take their SN mean ({@link comparatorGroupsFor}; README, Running a hub, Benchmarks:
 * "its SN mean leaves it out"), so the operator reads the SN figure the LA sees; an LA without a group of its
 * own takes the plain `statistical-neighbours` group, which may list it. Every other group is as listed.
 */
export async function hubBenchmarksForOperator(
  db: Database,
  period: string,
  groups: LaGroups,
  la?: string,
): Promise<HubBenchmarksForOperator> {
  const figures = await currentFigures(db, period);
  return {
    benchmarks: benchmarksOfFigures(figures, la ? comparatorGroupsFor(groups, la) : groups),
    earlierVersions: earlierVersionLas(figures),
    las: [...new Set(figures.map((f) => f.la))].sort(),
    lasWithAValue: [...new Set(figures.filter((f) => f.value !== null).map((f) => f.la))].sort(),
  };
}

function benchmarksOfFigures(figures: readonly StoredFigure[], groups: LaGroups): HubIndicatorBenchmark[] {
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
