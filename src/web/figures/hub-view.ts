import type { IndicatorBenchmark } from '../../hub/benchmarks.js';
import { benchmarkIndicator, type GroupSummary } from '../../hub/benchmarks.js';
import { MIN_OTHER_LAS, sharedWith } from '../../hub/aggregate-sharing.js';
import type { LaGroups } from '../../hub/la-groups.js';
import type { StoredFigure } from '../../hub/indicator-results.js';
import type { IndicatorResult, Unit } from '../../indicators/types.js';
import { formatValue } from './format.js';
import {
  comparatorGroupsFor,
  ordinal,
  regionGroupName,
  snGroupName,
} from '../../report/model/hub-benchmarks.js';

/** What the indicator page shows of the LAs loaded on the hub (report.md §3, §9). */
export interface HubComparison {
  /** LAs with a figure, this one included. */
  readonly las: number;
  readonly englandMean: string;
  readonly englandQuartiles: string;
  readonly region: { readonly name: string; readonly mean: string; readonly las: number } | null;
  readonly sn: { readonly mean: string; readonly las: number } | null;
  /** "3rd of 12 (quartile 1, best)"; null when this LA's figure is withheld or missing. */
  readonly position: string | null;
}

/**
 * Benchmarks of one indicator between the LAs whose figures the store holds, with this LA's own current
 * figure in place of any stored one: England (LAs loaded) mean and quartiles, region and statistical-
 * neighbour means (the SN mean without this LA, {@link comparatorGroupsFor}), this LA's rank and quartile; an
 * aggregate of fewer than `minOtherLas` other LAs (the hub's setting) is withheld ({@link sharedWith}). Null when no other LA has a figure
 * (nothing extra shown).
 * @example hubComparison('841', result, figures, groups)?.position //=> '3rd of 12 (quartile 1, best)'
 */
export function hubBenchmark(
  la: string,
  result: Pick<IndicatorResult, 'id' | 'polarity' | 'value'>,
  figures: readonly StoredFigure[],
  groups: LaGroups,
  minOtherLas: number = MIN_OTHER_LAS,
): IndicatorBenchmark | null {
  const others = figures.filter((f) => f.indicatorId === result.id && f.la !== la);
  if (!others.some((f) => f.value !== null)) return null;
  const own = comparatorGroupsFor(groups, la);
  return sharedWith(
    benchmarkIndicator(
      result.id,
      result.polarity,
      [...others.map((f) => ({ la: f.la, value: f.value })), { la, value: result.value }],
      own,
    ),
    la,
    own,
    minOtherLas,
  );
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
  return {
    las: b.all.n,
    englandMean: v(b.all.mean),
    englandQuartiles: b.all.withheld ? v(null) : `${v(b.all.q1)}, ${v(b.all.median)}, ${v(b.all.q3)}`,
    region: region
      ? {
          name: region.slice('region:'.length),
          mean: v(b.groups[region]!.mean, b.groups[region]!),
          las: b.groups[region]!.n,
        }
      : null,
    sn: sn ? { mean: v(b.groups[sn]!.mean, b.groups[sn]!), las: b.groups[sn]!.n } : null,
    position:
      withheld || !pos
        ? null
        : `${ordinal(pos.rank)} of ${pos.of}${pos.quartile ? ` (quartile ${pos.quartile}${pos.quartile === 1 ? ', best' : pos.quartile === 4 ? ', worst' : ''})` : ''}`,
  };
}
