import type { LaGroups } from './la-groups.js';
import type { GroupSummary, IndicatorBenchmark } from './benchmarks.js';

/**
 * The fewest LAs other than the viewing LA whose figures an aggregate shown to that LA may be made of (the
 * hub's sharing rule, issue 7: "aggregates across LAs are shared per the hub's settings"). A mean of one
 * other LA is that LA's figure; a mean of two, with the viewer's own figure known, gives each of them to the
 * other (mean × n − own). From three on, no single other LA's figure can be worked out from one aggregate.
 */
export const MIN_OTHER_LAS = 3;

/** A summary not shared with the viewer: its count kept, its mean and quartiles withheld. */
function withheld(s: GroupSummary): GroupSummary {
  return { n: s.n, mean: null, q1: null, median: null, q3: null, withheld: true };
}

/**
 * Benchmarks as one LA may see them: every summary (all LAs loaded, each group) made of fewer than
 * `minOtherLas` ({@link MIN_OTHER_LAS} unless a test asks for the bare arithmetic) LAs other than `la` is withheld, and `la`'s quartile with the all-LA cut points when
 * those are. Ranks stay: a place among LAs gives no other LA's figure.
 * @example sharedWith(b, '841', groups).groups['statistical-neighbours']?.withheld //=> true (two neighbours)
 */
export function sharedWith(
  b: IndicatorBenchmark,
  la: string,
  groups: LaGroups,
  minOtherLas: number = MIN_OTHER_LAS,
): IndicatorBenchmark {
  const own = b.positions.some((p) => p.la === la);
  const share = (s: GroupSummary, members: readonly string[] | null): GroupSummary => {
    const counted = own && (members === null || members.includes(la)) ? 1 : 0;
    return s.n - counted < minOtherLas ? withheld(s) : s;
  };
  const all = share(b.all, null);
  const out: Record<string, GroupSummary> = {};
  for (const [name, s] of Object.entries(b.groups)) out[name] = share(s, groups[name] ?? []);
  return {
    ...b,
    all,
    groups: out,
    positions: all.withheld ? b.positions.map((p) => ({ ...p, quartile: null })) : b.positions,
  };
}
