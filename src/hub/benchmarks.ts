import type { Polarity } from '../indicators/types.js';
import { roundTenth } from '../indicators/engine/rounding.js';

/** Summary of the values of a set of LAs for one indicator. */
export interface GroupSummary {
  /** LAs with a value. */
  readonly n: number;
  readonly mean: number | null;
  /** Quartile cut points (lower quartile, median, upper quartile), by linear interpolation. */
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
}

/** An LA's place among the LAs loaded: rank 1 is the best performer (polarity-aware). */
export interface LaPosition {
  readonly la: string;
  readonly value: number;
  /** 1 = best; ties share the better rank. */
  readonly rank: number;
  readonly of: number;
  /** 1 = best quarter of LAs … 4 = worst; null without polarity. */
  readonly quartile: 1 | 2 | 3 | 4 | null;
}

/** Benchmarks of one indicator between LAs: all LAs loaded (England), each named group, each LA's position. */
export interface IndicatorBenchmark {
  readonly indicatorId: string;
  readonly all: GroupSummary;
  readonly groups: Readonly<Record<string, GroupSummary>>;
  readonly positions: readonly LaPosition[];
}

/** Quantile by linear interpolation between closest ranks (the "type 7" definition spreadsheets use). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Mean and quartiles of a set of values (null when empty), rounded to one decimal.
 * @example summarise([10, 20, 30, 40]) //=> { n: 4, mean: 25, q1: 17.5, median: 25, q3: 32.5 }
 */
export function summarise(values: readonly number[]): GroupSummary {
  if (values.length === 0) return { n: 0, mean: null, q1: null, median: null, q3: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    n: sorted.length,
    mean: roundTenth(mean),
    q1: roundTenth(quantile(sorted, 0.25)),
    median: roundTenth(quantile(sorted, 0.5)),
    q3: roundTenth(quantile(sorted, 0.75)),
  };
}

/**
 * Ranks LAs on one indicator: higher-is-better ranks the highest value first, lower-is-better the lowest;
 * equal values share the better rank. Quartile q holds ranks with (q − 1)/4 ≤ (rank − 1)/n < q/4, so the
 * best LA is always in quartile 1; none without polarity.
 * @example rankLas([{ la: 'A', value: 80 }, { la: 'B', value: 90 }], 'higher')[0] //=> { la: 'B', rank: 1, of: 2, quartile: 1, … }
 */
export function rankLas(values: readonly { la: string; value: number }[], polarity: Polarity): LaPosition[] {
  const dir = polarity === 'lower' ? 1 : -1;
  const sorted = [...values].sort((a, b) => dir * (a.value - b.value) || a.la.localeCompare(b.la));
  const n = sorted.length;
  let rank = 0;
  return sorted.map((v, i) => {
    if (i === 0 || sorted[i - 1]!.value !== v.value) rank = i + 1;
    const quartile = polarity === 'none' ? null : ((Math.floor(((rank - 1) * 4) / n) + 1) as 1 | 2 | 3 | 4);
    return { la: v.la, value: v.value, rank, of: n, quartile };
  });
}

/**
 * Benchmarks for one indicator from each LA's headline value (null values, e.g. no eligible cases, are
 * left out): the mean and quartiles of all LAs loaded and of each group (region, statistical neighbours),
 * and each LA's rank and quartile.
 */
export function benchmarkIndicator(
  indicatorId: string,
  polarity: Polarity,
  values: readonly { la: string; value: number | null }[],
  groups: Readonly<Record<string, readonly string[]>>,
): IndicatorBenchmark {
  const known = values.filter((v): v is { la: string; value: number } => v.value !== null);
  const byLa = new Map(known.map((v) => [v.la, v.value]));
  const groupSummaries: Record<string, GroupSummary> = {};
  for (const name of Object.keys(groups).sort()) {
    groupSummaries[name] = summarise(
      groups[name]!.map((la) => byLa.get(la)).filter((v): v is number => v !== undefined),
    );
  }
  return {
    indicatorId,
    all: summarise(known.map((v) => v.value)),
    groups: groupSummaries,
    positions: rankLas(known, polarity),
  };
}
