import type { IndicatorReport, IndicatorResult, Rag, ServiceArea } from '../../indicators/types.js';
import { boundsText } from '../../indicators/targets.js';
import {
  BASIS_LABELS,
  GOOD_IS,
  RAG_DISPLAY,
  SERVICE_AREA_LABELS,
  directionDisplay,
  formatPoints,
  formatTargetNumber,
  formatValue,
} from './format.js';
import {
  type FigureCell,
  type Visibility,
  figureCell,
  resultSuppression,
  trendAltText,
  visibleTrend,
} from './figure-view.js';
import { sparkline } from './chart.js';
import type { EarlierRestatement } from '../../report/edition/earlier-restatements.js';
import { restatedKey } from '../../report/edition/earlier-restatements.js';
import type { HubBenchmarks } from '../../report/model/hub-benchmarks.js';
import { notComparableReason } from '../../indicators/like-for-like.js';
import { earlierVersionsNote } from '../../hub/indicator-results.js';
import { hubMeanText, positionText, scorecardCommentaryText } from '../../report/model/scorecard.js';
import { withOwnFigureWithheld } from '../../report/model/hub-benchmarks.js';
import { type Commentary, commentaryInVersion } from '../../report/commentary/commentary.js';
import { restatementNote } from '../restated-figures.js';
import { publicRuleOf } from './suppression.js';
import type { SuppressionRule } from '../../report/public/suppression.js';

/** What the scorecard shows beyond the LA's own figures: restatements since editions and hub benchmarks. */
export interface ScorecardExtras {
  /** Earlier-period figures restated since their editions, by `indicator|period` (marked "r"). */
  readonly restated?: ReadonlyMap<string, EarlierRestatement>;
  /** Benchmarks between the LAs loaded (null: no other LA's figures, no columns). */
  readonly hub?: HubBenchmarks | null;
  /** The commentary in force for the period (the newest stored entry per indicator, `latestCommentary`). */
  readonly commentary?: Commentary;
  /** Indicators whose commentary in force is stale (`staleCommentary`), given only for officers. */
  readonly staleCommentary?: ReadonlySet<string>;
}

/** One scorecard row, ready for the template and the JSON API (report.md §3). */
export interface ScorecardRow {
  readonly ref: number;
  readonly id: string;
  readonly title: string;
  readonly serviceArea: ServiceArea;
  readonly goodIs: string;
  readonly basis: string;
  readonly target: string;
  readonly previous: FigureCell;
  readonly lastYear: FigureCell;
  readonly current: FigureCell;
  readonly rag: {
    readonly key: Rag | 'none';
    readonly symbol: string;
    readonly word: string;
    readonly text: string;
    readonly reason: string;
    /** Sort order: red first. */
    readonly sort: number;
  };
  readonly direction: {
    readonly arrow: string;
    readonly word: string;
    readonly judgement: string;
    readonly comparator: string;
  } | null;
  readonly england: string;
  readonly englandFootnote: boolean;
  /** Statistical-neighbour average, when a group is loaded (null: column not shown). */
  readonly sn: string | null;
  /** Mean of the LAs loaded with region and SN means, and this LA's position (null: no hub figures). */
  readonly hubMean: string | null;
  readonly position: string | null;
  /**
   * The SN and mean cells are computed from figures of which some other LAs' are from an earlier dataset
   * version than their current one (`HubBenchmark.earlierVersions`): marked "*", with the count in a note
   * below the table ({@link ScorecardView.earlierVersionsNote}). False when the benchmarks are "Not
   * comparable" (nothing is computed from those figures).
   */
  readonly fromEarlierVersions: boolean;
  /** Footnotes of this row's figures marked "r". */
  readonly restatedNotes: readonly string[];
  readonly trendSvg: string;
  readonly trendAlt: string;
  /**
   * The Commentary column (report.md §3): the scorecard text of the entry in force as this version shows
   * it (`commentaryInVersion`: never an internal entry in the public view), and whether it is stale (marked
   * for officers only).
   */
  readonly commentary: { readonly text: string; readonly stale: boolean };
}

export interface ScorecardGroup {
  readonly area: ServiceArea;
  readonly label: string;
  readonly rows: readonly ScorecardRow[];
}

export interface ScorecardView {
  readonly groups: readonly ScorecardGroup[];
  readonly counts: {
    readonly green: number;
    readonly amber: number;
    readonly red: number;
    readonly none: number;
    readonly rated: number;
  };
  readonly anyNotLikeForLike: boolean;
  /** Whether the SN average column is shown. */
  readonly showSn: boolean;
  /** Whether the hub columns (mean of LAs loaded, position) are shown. */
  readonly showHub: boolean;
  /**
   * Why the hub columns of rows shown say "Not comparable": this LA's settings that change each one's
   * definition from the standard one other LAs' figures use.
   */
  readonly notComparableNotes: readonly string[];
  /** Footnotes of the figures marked "r" in the rows shown. */
  readonly restatedNotes: readonly string[];
  /** The public view withholds figures about fewer than this many children (the rule's k + 1). */
  readonly fewerThan: number;
  /** Whether the Commentary column is shown: some row shown has scorecard text or a stale mark. */
  readonly showCommentary: boolean;
  /**
   * "N of the M LAs' figures are from an earlier dataset version than their current one (recompute with
   * cspi hub compute --period P)." when some row shown is marked `fromEarlierVersions` (counts only, never
   * which LAs); null otherwise.
   */
  readonly earlierVersionsNote: string | null;
}

/**
 * The target column: "90% (±9)", "18% or lower (+1.8)", marked national or local; or "No target". Under the
 * thresholds scheme the LA's bounds replace the tolerance: "95% (Amber below 90%, Red below 80%), local".
 */
export function targetText(
  r: Pick<IndicatorResult, 'unit' | 'polarity' | 'target' | 'targetKind' | 'tolerance' | 'bounds'>,
): string {
  if (r.target === null || r.polarity === 'none') return 'No target';
  const t = formatTargetNumber(r.unit, r.target);
  const tol = r.bounds
    ? ` (${boundsText(r.bounds, r.polarity, (v) => formatTargetNumber(r.unit, v))})`
    : r.tolerance === null
      ? ''
      : ` (${r.polarity === 'lower' ? '+' : '±'}${formatPoints(r.tolerance)})`;
  const kind = r.targetKind === 'local' ? ', local' : r.targetKind === 'national' ? ', national' : '';
  return `${t}${r.polarity === 'lower' ? ' or lower' : ''}${tol}${kind}`;
}

/** Why an indicator is not rated. */
function notRatedReason(r: IndicatorResult, suppressed: boolean): string {
  if (suppressed) return 'small numbers';
  if (r.status === 'annual-only') return 'reported annually';
  if (r.status === 'not-available') return 'data not available';
  if (r.status === 'no-eligible-cases' || r.denominator === 0) return 'no eligible cases';
  if (r.polarity === 'none') return 'no polarity';
  if (r.target === null) return 'no target';
  return 'not rated';
}

/** The scorecard row of one indicator result; `rule` is the report's public rule (`publicRuleOf`). */
export function scorecardRow(
  r: IndicatorResult,
  ref: number,
  visibility: Visibility,
  rule: SuppressionRule,
  comparator: 'previous' | 'last-year' = 'previous',
  sn: string | null = null,
  extras: ScorecardExtras = {},
): ScorecardRow {
  // The headline as the public report hides it (`resultSuppression`: also for its year-to-date difference).
  const shown = resultSuppression(r, visibility, rule);
  const suppressed = r.status === 'ok' && shown.headline !== 'none';
  const ragKey: Rag | 'none' = suppressed || r.rag === null ? 'none' : r.rag;
  const comparatorFigure =
    r.direction !== null ? (comparator === 'last-year' ? r.lastYear : r.previous) : null;
  let direction: ScorecardRow['direction'] = null;
  if (
    r.direction !== null &&
    !suppressed &&
    comparatorFigure &&
    comparatorFigure.value !== null &&
    r.value !== null
  ) {
    const prevHidden = (comparator === 'last-year' ? shown.lastYear : shown.previous) !== 'none';
    if (!prevHidden) {
      const movement =
        r.value > comparatorFigure.value ? 'up' : r.value < comparatorFigure.value ? 'down' : 'same';
      direction = { ...directionDisplay(r.direction, movement), comparator: comparatorFigure.period };
    }
  }
  const trend = visibleTrend(r, visibility, rule);
  const alt = trendAltText(r.unit, trend);
  const notes: string[] = [];
  const marked = (cell: FigureCell, period: string): FigureCell => {
    const x = extras.restated?.get(restatedKey(r.id, period));
    if (!x || cell.suppressed || cell.sort === null) return cell;
    notes.push(restatementNote(r.unit, r.title, x, visibility, rule));
    return { ...cell, text: `${cell.text} r` };
  };
  // Beside this LA's own figure withheld, no aggregate that includes it (`withOwnFigureWithheld`).
  const stored = extras.hub ? extras.hub[r.id] : undefined;
  const hub = stored && suppressed && !stored.notComparable ? withOwnFigureWithheld(stored) : stored;
  return {
    ref,
    id: r.id,
    title: r.title,
    serviceArea: r.serviceArea,
    goodIs: GOOD_IS[r.polarity],
    basis: BASIS_LABELS[r.basis],
    target: targetText(r),
    previous: r.previous
      ? marked(figureCell(r.unit, r.previous, visibility, false, rule, shown.previous), r.previous.period)
      : { text: 'Not available', sort: null, suppressed: false },
    lastYear: r.lastYear
      ? marked(figureCell(r.unit, r.lastYear, visibility, false, rule, shown.lastYear), r.lastYear.period)
      : { text: 'Not available', sort: null, suppressed: false },
    current: figureCell(r.unit, r, visibility, visibility === 'full', rule, shown.headline),
    rag: {
      key: ragKey,
      ...RAG_DISPLAY[ragKey],
      reason: ragKey === 'none' ? notRatedReason(r, suppressed) : '',
      sort: { red: 0, amber: 1, green: 2, none: 3 }[ragKey],
    },
    direction,
    england: englandCell(r),
    englandFootnote: r.england !== null && !r.england.likeForLike,
    sn,
    hubMean: extras.hub ? hubMeanText(r, hub, sn !== null) : null,
    fromEarlierVersions: Boolean(hub?.earlierVersions) && !hub?.notComparable,
    position: extras.hub ? positionText(hub, suppressed || r.status !== 'ok', r.polarity) : null,
    restatedNotes: notes,
    trendSvg: sparkline(trend, alt),
    trendAlt: alt,
    commentary: commentaryCell(r.id, visibility, extras) ?? { text: '', stale: false },
  };
}

/**
 * An indicator's Commentary cell as a view shows it (report.md §3, §6): the scorecard text of the entry in
 * force (`commentaryInVersion`: never an internal entry in the public view), and whether it is stale (only
 * where `staleCommentary` is given: officers); null when no entry is in force in that view. The scorecard
 * page and `/api/scorecard` share it.
 * @example commentaryCell('cic-count', 'full', { commentary, staleCommentary: new Set(['cic-count']) }) //=> { text: 'Over budget', stale: true }
 */
export function commentaryCell(
  id: string,
  visibility: Visibility,
  extras: Pick<ScorecardExtras, 'commentary' | 'staleCommentary'>,
): { readonly text: string; readonly stale: boolean } | null {
  const note = commentaryInVersion(extras.commentary?.entries[id], visibility === 'public');
  if (!note) return null;
  return { text: scorecardCommentaryText(note), stale: extras.staleCommentary?.has(id) ?? false };
}

/**
 * The scorecard of a report, grouped by service area, optionally filtered to one area. The public view
 * suppresses small numbers by the report's settings, checking each figure against the others shown
 * (`publicRuleOf(report.settings, report.indicators)`). With the period's commentary (`extras.commentary`), a Commentary column as the report's scorecard has it (report.md §3):
 * each entry's scorecard text (`scorecardCommentaryText`), internal entries left out of the public view,
 * and a stale entry marked where `extras.staleCommentary` is given (officers). The column is shown, as in
 * the report, only when some row has something in it.
 * @example scorecardView(report, 'public', null).counts //=> { green: 9, amber: 4, red: 3, none: 8, rated: 16 }
 */
export function scorecardView(
  report: IndicatorReport,
  visibility: Visibility,
  area: ServiceArea | null,
  comparators: ReadonlyMap<string, 'previous' | 'last-year'> = new Map(),
  sn: ReadonlyMap<string, string> | null = null,
  extras: ScorecardExtras = {},
): ScorecardView {
  const rule = publicRuleOf(report.settings, report.indicators);
  const rows = report.indicators.map((r, i) =>
    scorecardRow(
      r,
      i + 1,
      visibility,
      rule,
      comparators.get(r.id),
      sn ? (sn.get(r.id) ?? 'No figures') : null,
      extras,
    ),
  );
  const shown = area ? rows.filter((r) => r.serviceArea === area) : rows;
  const counts = { green: 0, amber: 0, red: 0, none: 0, rated: 0 };
  for (const r of shown) {
    counts[r.rag.key]++;
    if (r.rag.key !== 'none') counts.rated++;
  }
  const groups: ScorecardGroup[] = [];
  for (const row of shown) {
    let g = groups.find((x) => x.area === row.serviceArea);
    if (!g) {
      g = { area: row.serviceArea, label: SERVICE_AREA_LABELS[row.serviceArea], rows: [] };
      groups.push(g);
    }
    (g.rows as ScorecardRow[]).push(row);
  }
  return {
    groups,
    counts,
    anyNotLikeForLike: shown.some((r) => r.englandFootnote),
    showSn: sn !== null,
    showHub: Boolean(extras.hub),
    restatedNotes: shown.flatMap((r) => r.restatedNotes),
    notComparableNotes: shown.flatMap((r) => {
      const differs = extras.hub?.[r.id]?.notComparable;
      return differs ? [`${r.title}: ${notComparableReason(differs)}.`] : [];
    }),
    fewerThan: rule.k + 1,
    showCommentary: shown.some((r) => r.commentary.text !== '' || r.commentary.stale),
    earlierVersionsNote: earlierVersionsLine(shown, extras.hub),
  };
}

/** The note under the scorecard when some row shown is marked `fromEarlierVersions`; else null. */
function earlierVersionsLine(
  shown: readonly ScorecardRow[],
  hub: HubBenchmarks | null | undefined,
): string | null {
  const marked = shown.find((r) => r.fromEarlierVersions);
  const e = marked ? hub?.[marked.id]?.earlierVersions : undefined;
  return e ? `${earlierVersionsNote(e)}.` : null;
}

/**
 * The scorecard's England cell: the national figure in its own unit (a percentage for children missing from
 * care, whose headline is a count), with † when it is not like-for-like.
 * @example englandCell(cicMissingResult) //=> '11% †'
 */
export function englandCell(r: Pick<IndicatorResult, 'unit' | 'england'>): string {
  if (!r.england) return 'No national figure';
  return formatValue(r.england.unit ?? r.unit, r.england.value) + (r.england.likeForLike ? '' : ' †');
}
