import type { IndicatorBenchmark } from '../../hub/benchmarks.js';
import type { GroupSummary } from '../../hub/benchmarks.js';
import { MIN_OTHER_LAS } from '../../hub/aggregate-sharing.js';
import type { LaGroups } from '../../hub/la-groups.js';
import { type StoredFigure, earlierVersionsNote, earlierVersionsOf } from '../../hub/indicator-results.js';
import { definitionDiffers, notComparableReason } from '../../indicators/like-for-like.js';
import type { IndicatorResult, IndicatorSettings, Unit } from '../../indicators/types.js';
import { formatValue } from './format.js';
import { NOT_COMPARABLE } from '../../report/model/scorecard.js';
import {
  benchmarkAmongLas,
  comparatorGroupsFor,
  rankText,
  regionGroupName,
  snGroupName,
} from '../../report/model/hub-benchmarks.js';

/** An aggregate that includes this LA's own figure, beside that figure withheld from the viewer. */
const OWN_FIGURE_WITHHELD = 'Not shown: it includes this LA’s own figure, which is withheld';

/** The rank of an indicator without a polarity, as the scorecard's position column words it. */
const NOT_RANKED = 'Not ranked (no polarity)';

/** What the indicator page shows of the LAs loaded on the hub (report.md §3, §9). */
export interface HubComparison {
  /** LAs with a figure, this one included. */
  readonly las: number;
  readonly englandMean: string;
  readonly englandQuartiles: string;
  readonly region: { readonly name: string; readonly mean: string; readonly las: number } | null;
  readonly sn: { readonly mean: string; readonly las: number } | null;
  /**
   * "3rd of 12 (quartile 1, best)"; "Not ranked (no polarity)" for an indicator without a polarity; null when
   * this LA's figure is withheld or missing, or not comparable.
   */
  readonly position: string | null;
  /**
   * Why the benchmarks are "Not comparable" (this LA's settings change the definition from the standard one
   * other LAs' figures use); null when they are comparable.
   */
  readonly notComparable: string | null;
  /**
   * "N of the M LAs' figures are from an earlier dataset version than their current one (recompute with …)"
   * when some other LAs' stored figures for the period are (a count, never which LAs); null when none is.
   */
  readonly earlierVersions: string | null;
}

/**
 * Benchmarks of one indicator between the LAs whose figures the store holds, with this LA's own current
 * figure in place of any stored one: England (LAs loaded) mean and quartiles, region and statistical-
 * neighbour means (the SN mean without this LA, {@link comparatorGroupsFor}), this LA's rank and quartile; an
 * aggregate of fewer than `minOtherLas` other LAs (the hub's setting) is withheld. The report's
 * {@link benchmarkAmongLas} with this LA's comparator groups. Null when no other LA has a figure (nothing
 * extra shown).
 * @example hubBenchmark('841', result, figures, groups)?.positions
 */
export function hubBenchmark(
  la: string,
  result: Pick<IndicatorResult, 'id' | 'polarity' | 'value'>,
  figures: readonly StoredFigure[],
  groups: LaGroups,
  minOtherLas: number = MIN_OTHER_LAS,
): IndicatorBenchmark | null {
  return benchmarkAmongLas(la, result, figures, comparatorGroupsFor(groups, la), minOtherLas);
}

/**
 * The indicator page's benchmark lines from {@link hubBenchmark}; the position is left out when this LA's
 * figure is withheld from the viewer (its rank would tell it).
 */
export function hubComparison(
  la: string,
  unit: Unit,
  b: IndicatorBenchmark,
  groups: LaGroups,
  withheld: boolean,
  minOtherLas: number = MIN_OTHER_LAS,
): HubComparison {
  const v = (x: number | null, s: GroupSummary = b.all): string =>
    s.withheld
      ? `Not shown: fewer than ${minOtherLas} other local authorities`
      : x === null
        ? 'No figures'
        : formatValue(unit, x);
  const region = regionGroupName(groups, la);
  const sn = snGroupName(groups, la);
  const pos = b.positions.find((p) => p.la === la);
  // Beside this LA's own figure withheld, no aggregate that includes it: with the SN mean, which leaves the
  // LA out, it gives the figure away (`withOwnFigureWithheld`).
  const own = (text: string): string => (withheld ? OWN_FIGURE_WITHHELD : text);
  return {
    las: b.all.n,
    englandMean: own(v(b.all.mean)),
    englandQuartiles: own(b.all.withheld ? v(null) : `${v(b.all.q1)}, ${v(b.all.median)}, ${v(b.all.q3)}`),
    region: region
      ? {
          name: region.slice('region:'.length),
          mean: own(v(b.groups[region]!.mean, b.groups[region]!)),
          las: b.groups[region]!.n,
        }
      : null,
    sn: sn ? { mean: v(b.groups[sn]!.mean, b.groups[sn]!), las: b.groups[sn]!.n } : null,
    notComparable: null,
    earlierVersions: null,
    // A count has no rank (rankLas); indicatorHub says "Not ranked (no polarity)".
    position: withheld || !pos || pos.rank === null ? null : rankText({ ...pos, rank: pos.rank }),
  };
}

/**
 * The indicator page's "Compared with other local authorities" (report.md §3, §9): {@link hubComparison} of
 * {@link hubBenchmark}, or, when this LA's settings change the indicator's definition from the standard one
 * the other LAs' hub figures are computed under (like-for-like.ts), "Not comparable" in every line with the
 * reason and no rank, nothing computed against them. Null when no other LA has a figure. Other LAs' figures
 * from an earlier dataset version than their current one are used and counted (`earlierVersions`).
 * @example indicatorHub('841', 'percent', result, figures, groups, false, 3, { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } }, '2021-22-Q3')?.englandMean //=> 'Not comparable'
 */
export function indicatorHub(
  la: string,
  unit: Unit,
  result: Pick<IndicatorResult, 'id' | 'polarity' | 'value'>,
  figures: readonly StoredFigure[],
  groups: LaGroups,
  withheld: boolean,
  minOtherLas: number,
  settings: IndicatorSettings,
  period: string,
): HubComparison | null {
  const earlier = earlierVersionsOf(figures, period, la);
  const earlierVersions = earlier ? earlierVersionsNote(earlier) : null;
  const differs = definitionDiffers(result.id, settings);
  if (differs.length === 0) {
    const b = hubBenchmark(la, result, figures, groups, minOtherLas);
    if (!b) return null;
    const shown = hubComparison(la, unit, b, groups, withheld, minOtherLas);
    // No rank without a polarity (report.md §4: "Without polarity … no judgement"): a count of children in
    // care or missing from care is neither better nor worse for being higher, so "4th of 4" would read as
    // the worst, as the scorecard's "Position among LAs loaded" already says (`positionText`).
    return {
      ...shown,
      position: result.polarity === 'none' && !withheld ? NOT_RANKED : shown.position,
      earlierVersions,
    };
  }
  const others = figures.filter((f) => f.indicatorId === result.id && f.la !== la && f.value !== null);
  if (others.length === 0) return null;
  const region = regionGroupName(groups, la);
  const sn = snGroupName(groups, la);
  const own = comparatorGroupsFor(groups, la);
  const withFigure = (codes: readonly string[]) =>
    codes.filter((c) => others.some((f) => f.la === c) || (c === la && result.value !== null)).length;
  return {
    las: others.length + (result.value === null ? 0 : 1),
    englandMean: NOT_COMPARABLE,
    englandQuartiles: NOT_COMPARABLE,
    region: region
      ? { name: region.slice('region:'.length), mean: NOT_COMPARABLE, las: withFigure(own[region]!) }
      : null,
    sn: sn ? { mean: NOT_COMPARABLE, las: withFigure(own[sn]!) } : null,
    position: null,
    notComparable: notComparableReason(differs),
    earlierVersions,
  };
}

/**
 * The dashboard scorecard's SN column from the hub figures: the statistical neighbours' mean, "Not shown"
 * (sharing rule), "No figures", or "Not comparable" when this LA's settings change the indicator's
 * definition (nothing computed against the neighbours).
 */
export function hubSnMeanText(
  la: string,
  result: Pick<IndicatorResult, 'id' | 'polarity' | 'value' | 'unit'>,
  figures: readonly StoredFigure[],
  groups: LaGroups,
  snName: string,
  minOtherLas: number,
  settings: IndicatorSettings,
): string {
  if (definitionDiffers(result.id, settings).length > 0) {
    const any = figures.some((f) => f.indicatorId === result.id && f.la !== la && f.value !== null);
    return any ? NOT_COMPARABLE : 'No figures';
  }
  const g = hubBenchmark(la, result, figures, groups, minOtherLas)?.groups[snName];
  const mean = g?.mean ?? null;
  return g?.withheld ? 'Not shown' : mean === null ? 'No figures' : formatValue(result.unit, mean);
}
