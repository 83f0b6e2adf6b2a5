import { MIN_OTHER_LAS, sharedWith } from '../../hub/aggregate-sharing.js';
import { type IndicatorBenchmark, benchmarkIndicator } from '../../hub/benchmarks.js';
import { type EarlierVersions, type StoredFigure, earlierVersionsOf } from '../../hub/indicator-results.js';
import type { LaGroups } from '../../hub/la-groups.js';
import { definitionDiffers } from '../../indicators/like-for-like.js';
import type { IndicatorReport, IndicatorResult } from '../../indicators/types.js';

/**
 * Benchmarks of one indicator between the LAs whose figures a hub store holds (issue 7), as the report and
 * the scorecard show them: the mean and quartiles of all LAs loaded, the means of this LA's region and of
 * its statistical neighbours, and this LA's rank and quartile (1 = best quarter). Aggregates only.
 */
export interface HubBenchmark {
  /** LAs with a figure, this one included. */
  readonly las: number;
  /**
   * The mean and quartiles are not shared with this LA: fewer than `minOtherLas` other LAs have a figure
   * (aggregate-sharing.ts); they are then null. Region and SN means say the same in their own `withheld`.
   */
  readonly withheld: boolean;
  /**
   * The hub's sharing rule these benchmarks were shared under (hub-settings.ts): the fewest other LAs an
   * aggregate may be made of. Absent in editions frozen before the rule became a setting (it was then 3).
   */
  readonly minOtherLas?: number;
  readonly mean: number | null;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  readonly region: {
    readonly name: string;
    readonly mean: number | null;
    readonly las: number;
    readonly withheld: boolean;
  } | null;
  readonly sn: { readonly mean: number | null; readonly las: number; readonly withheld: boolean } | null;
  /**
   * This LA's settings that change the indicator's definition from the standard one other LAs' hub figures
   * are computed under (like-for-like.ts `definitionDiffers`, e.g. `['cpVisits.interval 15']`): the
   * benchmarks are then "Not comparable" and not computed (mean, quartiles, region, SN and position null).
   * Absent when the definitions match, and in editions frozen before this was checked.
   */
  readonly notComparable?: readonly string[];
  /**
   * How many of the other LAs' stored figures are from an earlier dataset version than their current one
   * (imported since, not recomputed for the period): still used, and said to be in the footnote. Counts
   * only, never which LAs. Absent when none is, and in editions frozen before this was checked.
   */
  readonly earlierVersions?: EarlierVersions;
  /**
   * The aggregates that include this LA's figure are withheld because that figure is withheld for small
   * numbers ({@link withOwnFigureWithheld}), not under the sharing rule; absent otherwise.
   */
  readonly ownWithheld?: true;
  /** This LA's place; null when it has no figure. */
  readonly position: {
    readonly rank: number;
    readonly of: number;
    readonly quartile: 1 | 2 | 3 | 4 | null;
  } | null;
}

/** Hub benchmarks by indicator id (only indicators some other LA has a figure for). */
export type HubBenchmarks = Readonly<Record<string, HubBenchmark>>;

const SN_GROUP = /statistical|neighbour|^sns?(:|$)/i;

/**
 * An LA's statistical-neighbour group among the loaded groups: its own, named with its code after a colon
 * (`"statistical-neighbours:841": ["805", …]`), else the one group named without a code (e.g.
 * "statistical-neighbours" or "SN"), which a single LA's groups file holds. Each LA has its own neighbours:
 * on a hub, one plain group gave every LA the same "SN average" (the neighbours of the LA the file was
 * written for); another LA's coded group is never taken.
 * @example snGroupName({ 'statistical-neighbours:841': ['805'], 'statistical-neighbours:805': ['841'] }, '805') //=> 'statistical-neighbours:805'
 */
export function snGroupName(groups: LaGroups, la?: string): string | null {
  return snGroupAmong(Object.keys(groups), la);
}

/** {@link snGroupName} among group names (a `--groups` file's keys). */
export function snGroupAmong(groupNames: readonly string[], la?: string): string | null {
  const names = groupNames.filter((n) => SN_GROUP.test(n));
  const own = la === undefined ? undefined : names.find((n) => n.endsWith(`:${la}`));
  return own ?? names.find((n) => !n.includes(':')) ?? null;
}

/** The region group an LA belongs to (`region:North East`). */
export function regionGroupName(groups: LaGroups, la: string): string | null {
  return Object.keys(groups).find((n) => n.startsWith('region:') && groups[n]!.includes(la)) ?? null;
}

/**
 * The groups as one LA's comparators (issue 7; report.md §3 "SN average"): its region with itself, as the
 * DfE's regional figure includes every LA of the region, and the statistical-neighbour group without
 * itself, as an LA's statistical neighbours are other LAs (the DfE's SN average is the mean of the ten
 * neighbours; the CLI's `--groups` comparators leave the LA out alike). A groups file listing the LA among
 * its own neighbours, or a hub LA that is one of the listed neighbours, no longer counts in its SN mean.
 * @example comparatorGroupsFor({ 'statistical-neighbours': ['841', '805'] }, '841') //=> { 'statistical-neighbours': ['805'] }
 */
export function comparatorGroupsFor(groups: LaGroups, la: string): LaGroups {
  const sn = snGroupName(groups, la);
  if (sn === null) return groups;
  return { ...groups, [sn]: groups[sn]!.filter((code) => code !== la) };
}

/**
 * The hub benchmarks of a report: for each indicator that at least one other LA has a stored figure for,
 * the benchmarks between the LAs loaded with this LA's own figure (the report's) in place of any stored one,
 * unless the report's settings change the indicator's definition from the standard one the other LAs'
 * figures are computed under (`notComparable`, nothing computed: docs/spec-readings.md "Like-for-like
 * benchmarks between LAs");
 * its statistical-neighbour mean leaves this LA out ({@link comparatorGroupsFor}); an aggregate of fewer than
 * `minOtherLas` other LAs (the hub's setting, default 3) is withheld ({@link sharedWith}).
 * Other LAs' figures from an earlier dataset version than their current one are used, and counted in
 * `earlierVersions` (given the report's period; docs/spec-readings.md "Hub figures from an earlier dataset
 * version").
 * Null when no other LA has any figure for the period (a single-LA store: nothing extra is shown).
 * @example hubBenchmarksOf(report, figures, { 'region:North East': ['841', '840'] })?.['assessments-45wd']?.position
 * //=> { rank: 2, of: 4, quartile: 2 }
 */
export function hubBenchmarksOf(
  report: Pick<IndicatorReport, 'la' | 'indicators' | 'settings'> & Partial<Pick<IndicatorReport, 'period'>>,
  figures: readonly StoredFigure[],
  groups: LaGroups,
  minOtherLas: number = MIN_OTHER_LAS,
): HubBenchmarks | null {
  const la = report.la;
  const earlier = report.period ? earlierVersionsOf(figures, report.period.id, la) : null;
  const stamp = earlier ? { earlierVersions: earlier } : {};
  const region = regionGroupName(groups, la);
  const sn = snGroupName(groups, la);
  const own = comparatorGroupsFor(groups, la);
  const chosen: Record<string, readonly string[]> = {};
  if (region) chosen[region] = own[region]!;
  if (sn) chosen[sn] = own[sn]!;
  const out: Record<string, HubBenchmark> = {};
  for (const r of report.indicators) {
    const others = figures.filter((f) => f.indicatorId === r.id && f.la !== la);
    if (!others.some((f) => f.value !== null)) continue;
    const differs = definitionDiffers(r.id, report.settings);
    if (differs.length > 0) {
      out[r.id] = {
        ...notComparableBenchmark(
          others.filter((f) => f.value !== null).length + (r.value === null ? 0 : 1),
          minOtherLas,
          differs,
        ),
        ...stamp,
      };
      continue;
    }
    const b = benchmarkAmongLas(la, r, others, chosen, minOtherLas)!;
    const pos = b.positions.find((p) => p.la === la);
    out[r.id] = {
      las: b.all.n,
      withheld: b.all.withheld === true,
      minOtherLas,
      mean: b.all.mean,
      q1: b.all.q1,
      median: b.all.median,
      q3: b.all.q3,
      region: region
        ? {
            name: region.slice('region:'.length),
            mean: b.groups[region]!.mean,
            las: b.groups[region]!.n,
            withheld: b.groups[region]!.withheld === true,
          }
        : null,
      sn: sn
        ? { mean: b.groups[sn]!.mean, las: b.groups[sn]!.n, withheld: b.groups[sn]!.withheld === true }
        : null,
      ...stamp,
      // None without polarity (rankLas): the scorecard says "Not ranked (no polarity)".
      position: pos && pos.rank !== null ? { rank: pos.rank, of: pos.of, quartile: pos.quartile } : null,
    };
  }
  return Object.keys(out).length ? out : null;
}

/**
 * One indicator's benchmarks between the LAs whose figures the store holds, with this LA's own figure in
 * place of any stored one, shared with it under the hub's rule ({@link sharedWith}); `groups` are this LA's
 * comparator groups ({@link comparatorGroupsFor}). Null when no other LA has a figure. The report
 * ({@link hubBenchmarksOf}) and the dashboard (web/figures/hub-view.ts) both read benchmarks through it.
 * @example benchmarkAmongLas('841', result, figures, comparatorGroupsFor(groups, '841'), 3)?.positions
 */
export function benchmarkAmongLas(
  la: string,
  result: Pick<IndicatorResult, 'id' | 'polarity' | 'value'>,
  figures: readonly StoredFigure[],
  groups: LaGroups,
  minOtherLas: number,
): IndicatorBenchmark | null {
  const others = figures.filter((f) => f.indicatorId === result.id && f.la !== la);
  if (!others.some((f) => f.value !== null)) return null;
  return sharedWith(
    benchmarkIndicator(
      result.id,
      result.polarity,
      [...others.map((f) => ({ la: f.la, value: f.value })), { la, value: result.value }],
      groups,
    ),
    la,
    groups,
    minOtherLas,
  );
}

/** The benchmark of an indicator whose definition here differs from other LAs': nothing computed. */
function notComparableBenchmark(las: number, minOtherLas: number, differs: readonly string[]): HubBenchmark {
  return {
    las,
    withheld: false,
    minOtherLas,
    mean: null,
    q1: null,
    median: null,
    q3: null,
    region: null,
    sn: null,
    notComparable: differs,
    position: null,
  };
}

/**
 * "1st", "2nd", "3rd", "11th", "22nd".
 * @example ordinal(12) //=> '12th'
 */
export function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * This LA's rank and quartile among the LAs loaded, as the scorecard (report and dashboard) and the dashboard's
 * indicator page give it: the quartile in words, never "Q2", which a reader of a quarterly report takes for
 * the second quarter of the year.
 * @example rankText({ rank: 3, of: 4, quartile: 2 }) //=> '3rd of 4 (quartile 2)'
 * @example rankText({ rank: 12, of: 153, quartile: 1 }) //=> '12th of 153 (quartile 1, best)'
 */
export function rankText(p: { rank: number; of: number; quartile: 1 | 2 | 3 | 4 | null }): string {
  const best = p.quartile === 1 ? ', best' : p.quartile === 4 ? ', worst' : '';
  return `${ordinal(p.rank)} of ${p.of}${p.quartile ? ` (quartile ${p.quartile}${best})` : ''}`;
}

/**
 * A benchmark as shown beside this LA's own figure withheld for small numbers (the public version, report.md
 * §7): every aggregate that includes this LA's figure is withheld too (the mean and quartiles of all LAs
 * loaded, the region mean, the position), since with the statistical-neighbour mean, which leaves the LA out
 * ({@link comparatorGroupsFor}), it gives the figure away: on a hub of 4 LAs whose SN group is the other 3,
 * 4 × the mean of all − 3 × the SN mean is this LA's figure (to rounding: 3 children of 8 exactly). The SN
 * mean is of other LAs only, under the sharing rule, and stays. `ownWithheld` marks the aggregates withheld
 * for this reason, not the sharing rule's.
 * @example withOwnFigureWithheld(b).mean //=> null
 */
export function withOwnFigureWithheld(b: HubBenchmark): HubBenchmark {
  return {
    ...b,
    withheld: true,
    mean: null,
    q1: null,
    median: null,
    q3: null,
    region: b.region ? { ...b.region, mean: null, withheld: true } : null,
    position: null,
    ownWithheld: true,
  };
}
