import { MIN_OTHER_LAS } from '../../hub/aggregate-sharing.js';
import type { IndicatorResult, ServiceArea } from '../../indicators/types.js';
import type { CommentaryEntry } from '../commentary/commentary.js';
import { restatedPublishedSuppressed } from '../public/suppression.js';
import {
  RAG_KEY,
  basisText,
  comparisonText,
  currentText,
  directionText,
  englandText,
  goodIsText,
  ragText,
  smallCountText,
  targetCellText,
  shortLabel,
  valueText,
} from './cell-text.js';
import { formatCount, longDate } from './format.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { HubBenchmark } from './hub-benchmarks.js';
import { rankText, withOwnFigureWithheld } from './hub-benchmarks.js';
import { notComparableReason } from '../../indicators/like-for-like.js';
import { earlierVersionsNote } from '../../hub/indicator-results.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block, Cell, Column, Table } from './render-model.js';
import type { ReportOptions } from './report-options.js';
import { sparklineOf } from './sparkline.js';

/** An aggregate of too few other LAs, not shared (src/hub/aggregate-sharing.ts). */
const WITHHELD = 'Not shown';
/**
 * A benchmark between LAs not computed because this LA's settings change the indicator's definition from the
 * standard one other LAs' figures use (HubBenchmark `notComparable`); distinct from {@link WITHHELD}.
 */
export const NOT_COMPARABLE = 'Not comparable';
/**
 * The benchmark shown beside an indicator: where this LA's own figure is withheld (`headlineWithheld`, the
 * public plan), every aggregate including it is withheld too ({@link withOwnFigureWithheld}).
 */
function shownBenchmark(b: HubBenchmark | undefined, headlineWithheld: boolean): HubBenchmark | undefined {
  return b && headlineWithheld && !b.notComparable ? withOwnFigureWithheld(b) : b;
}
/** The key to {@link WITHHELD} beside this LA's own figure withheld for small numbers. */
const OWN_WITHHELD_NOTE = ` Where this authority's own figure is withheld for small numbers, the mean, quartiles and region mean, which include it, are "${WITHHELD}" too: with the statistical neighbours' mean they would give it away.`;
/**
 * The key to {@link WITHHELD} under the hub's sharing rule (`minOtherLas` other LAs at least); none when the
 * hub shares every aggregate (1: nothing is withheld).
 */
const withheldNote = (minOtherLas: number): string =>
  minOtherLas <= 1
    ? ''
    : ` "${WITHHELD}": a mean or quartile of fewer than ${minOtherLas} other local authorities is not shown, so that no authority's figure can be worked out from it.`;

export const SERVICE_AREAS: readonly { id: ServiceArea; label: string }[] = [
  { id: 'front-door', label: 'Front door' },
  { id: 'assessment', label: 'Assessment' },
  { id: 'child-protection', label: 'Child protection' },
  { id: 'children-in-care', label: 'Children in care' },
  { id: 'care-leavers', label: 'Care leavers' },
];

/** True when any indicator carries a statistical-neighbour average (the SN column is shown only then). */
export function snLoaded(views: readonly IndicatorView[], snKey: string): boolean {
  return views.some((v) => v.result.comparators[snKey] !== null && v.result.comparators[snKey] !== undefined);
}

/**
 * The SN column's header: the label with the period of the figures averaged (report.md §3 "Statistical-
 * neighbour average, with its year"). The average is of the neighbours' figures for the report's own period
 * (their headline basis), so the header names that period, as the dashboard's scorecard does.
 * @example snColumnLabel('SN average', 'Q3 2021/22') //=> 'SN average (Q3 2021/22)'
 */
export function snColumnLabel(snLabel: string, periodShort: string): string {
  return `${snLabel} (${periodShort})`;
}

function columns(
  withSn: boolean,
  withCommentary: boolean,
  opts: ReportOptions,
  englandYear: string,
  withHub: boolean,
  periodShort: string,
): Column[] {
  return [
    { label: 'Ref', numeric: true, width: withHub ? 4 : 3 },
    { label: 'Indicator', width: withHub ? 16 : 19 },
    { label: 'Good is', width: 5 },
    { label: 'Basis', width: 6 },
    { label: 'Target', width: 8 },
    { label: 'Previous quarter', numeric: true, width: withHub ? 7.5 : 7 },
    { label: 'Same period last year', numeric: true, width: withHub ? 7.5 : 7 },
    { label: 'Current', numeric: true, width: 9 },
    { label: 'RAG', width: 8 },
    { label: 'Direction of travel vs previous quarter (‡ vs last year)', width: 9 },
    { label: `England ${englandYear}`, numeric: true, width: 7 },
    ...(withSn ? [{ label: snColumnLabel(opts.snLabel, periodShort), numeric: true, width: 6 }] : []),
    ...(withHub
      ? [
          { label: 'Mean of LAs loaded', numeric: true, width: 6 },
          { label: 'Position among LAs loaded', width: 6 },
        ]
      : []),
    { label: 'Trend (8 quarters)', width: 10 },
    ...(withCommentary ? [{ label: 'Commentary', width: 12 }] : []),
  ];
}

/**
 * "12th of 153 (quartile 1, best)" ({@link rankText}); "–" when this LA's figure is not published; "Not ranked" without a polarity (a count
 * of children in care is neither better nor worse for being higher).
 * @example positionText({ …, position: { rank: 12, of: 153, quartile: 1 } }, false, 'higher') //=> '12th of 153 (quartile 1, best)'
 */
export function positionText(
  b: HubBenchmark | undefined,
  withheld: boolean,
  polarity: IndicatorResult['polarity'],
): string {
  if (!b) return '–';
  if (b.notComparable) return NOT_COMPARABLE;
  if (polarity === 'none') return 'Not ranked (no polarity)';
  if (withheld) return '–';
  if (!b.position) return 'No figure';
  return rankText(b.position);
}

/**
 * The hub mean with the region and statistical-neighbour means: "75.0% (region 80.0%, SN 65.0%)"; without the
 * SN mean when the scorecard has its own SN column.
 */
export function hubMeanText(
  r: Pick<IndicatorResult, 'unit'>,
  b: HubBenchmark | undefined,
  snShown = false,
): string {
  if (!b) return '–';
  if (b.notComparable) return NOT_COMPARABLE;
  const v = (x: number | null, withheld: boolean) =>
    withheld ? WITHHELD.toLowerCase() : x === null ? 'no figures' : valueText(r.unit, x);
  const parts = [
    ...(b.region ? [`region ${v(b.region.mean, b.region.withheld)}`] : []),
    ...(b.sn && !snShown ? [`SN ${v(b.sn.mean, b.sn.withheld)}`] : []),
  ];
  const mean = b.withheld ? WITHHELD : b.mean === null ? 'No figures' : valueText(r.unit, b.mean);
  return `${mean}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * The scorecard's Commentary cell (report.md §3 "Commentary: short officer text"): the entry's scorecard
 * text, trimmed; empty without one. The report and the dashboard's scorecard both show it.
 * @example scorecardCommentaryText({ …, scorecard: ' Recovery plan in place ' }) //=> 'Recovery plan in place'
 */
export function scorecardCommentaryText(entry: CommentaryEntry | null): string {
  return (entry?.scorecard ?? '').trim();
}

/** Whether an earlier-period figure of this indicator is marked "r" (restated and shown). */
function restatedShown(v: IndicatorView, period: string | undefined, hidden: boolean): boolean {
  return period !== undefined && !hidden && v.restated.has(period);
}

function row(
  v: IndicatorView,
  withSn: boolean,
  withCommentary: boolean,
  opts: ReportOptions,
  withHub: boolean,
): Cell[] {
  const r = v.result;
  const k = opts.suppression.k;
  const rag = ragText(v);
  const sn = r.comparators[opts.snKey];
  const hub = shownBenchmark(opts.hubBenchmarks?.[r.id], v.plan.headline);
  return [
    { text: String(v.ref), numeric: true },
    { text: r.title, rowHeader: true },
    { text: goodIsText(r) },
    { text: basisText(r.basis) },
    { text: targetCellText(r, v.entry) },
    {
      text: comparisonText(
        r,
        r.previous,
        v.plan.previous,
        k,
        restatedShown(v, r.previous?.period, v.plan.previous),
      ),
      numeric: true,
    },
    {
      text: comparisonText(
        r,
        r.lastYear,
        v.plan.lastYear,
        k,
        restatedShown(v, r.lastYear?.period, v.plan.lastYear),
      ),
      numeric: true,
    },
    { text: currentText(v, k), numeric: true },
    rag.rag ? { text: rag.text, rag: rag.rag } : { text: rag.text },
    { text: directionText(v) },
    { text: englandText(r), numeric: true },
    ...(withSn
      ? [{ text: sn === null || sn === undefined ? 'Not available' : valueText(r.unit, sn), numeric: true }]
      : []),
    ...(withHub
      ? [
          { text: hubMeanText(r, hub, withSn), numeric: true },
          { text: positionText(hub, v.plan.headline || r.status !== 'ok', r.polarity) },
        ]
      : []),
    { text: '', sparkline: sparklineOf(v) },
    ...(withCommentary ? [{ text: scorecardCommentaryText(v.commentary) }] : []),
  ];
}

/**
 * The footnotes of the indicators whose benchmarks between LAs are "Not comparable": which of this LA's
 * settings change the definition (docs/spec-readings.md "Like-for-like benchmarks between LAs").
 * @example notComparableFootnotes(views, opts) //=> ["Not comparable 8. CP visits within 15 working days: this council's settings change the definition: cpVisits.interval 15; other LAs' figures use the standard definition."]
 */
export function notComparableFootnotes(views: readonly IndicatorView[], opts: ReportOptions): string[] {
  return views.flatMap((v) => {
    const differs = opts.hubBenchmarks?.[v.result.id]?.notComparable;
    return differs ? [`${NOT_COMPARABLE} ${v.ref}. ${v.result.title}: ${notComparableReason(differs)}.`] : [];
  });
}

/**
 * The footnotes of figures for earlier periods restated since their editions (report.md §8): "r" marks the
 * figure in the scorecard; the footnote gives the value as published. In the public version a figure is
 * footnoted only where it is shown, its published value only when that passes the small-number rule, and a
 * count's published value not at all when the difference is from 1 to k (it would give a small number).
 */
export function restatementFootnotes(views: readonly IndicatorView[], opts: ReportOptions): string[] {
  // The full version shows a percentage's numerator and denominator: a restatement may change only them.
  const fraction = (unit: string, x: number | null, n: number | null) =>
    opts.public || unit !== 'percent' || x === null || n === null
      ? ''
      : ` (${formatCount(x)}/${formatCount(n)})`;
  const out: string[] = [];
  for (const v of views) {
    const r = v.result;
    for (const [period, x] of v.restated) {
      const i = r.trend.findIndex((t) => t.period === period);
      const hidden =
        (r.previous?.period === period && v.plan.previous) ||
        (r.lastYear?.period === period && v.plan.lastYear) ||
        (i >= 0 && v.plan.trend[i] === true);
      if (opts.public && hidden) continue;
      let was: string;
      if (x.published === null) was = 'no figure';
      else if (opts.public && restatedPublishedSuppressed(r.unit, x, opts.suppression))
        was = 'a figure not shown here (small numbers)';
      else
        was = `${valueText(r.unit, x.published)}${fraction(r.unit, x.publishedNumerator, x.publishedDenominator)}`;
      const now =
        x.now === null
          ? 'no figure'
          : `${valueText(r.unit, x.now)}${fraction(r.unit, x.nowNumerator, x.nowDenominator)}`;
      out.push(
        `r ${v.ref}. ${r.title}, ${shortLabel(period)}: published as ${was} in edition ${x.edition} on ${longDate(x.publishedAt.slice(0, 10) as IsoDate)}; now ${now}, restated on later data or definitions.`,
      );
    }
  }
  return out;
}

/**
 * Appendix A (report.md §3): one numbered row per indicator, one table per service area, then the key.
 * Earlier-period figures restated since their editions are marked "r" and footnoted; with hub benchmarks,
 * the mean of the LAs loaded (region, statistical neighbours) and this LA's position among them.
 */
export function scorecardBlocks(
  views: readonly IndicatorView[],
  opts: ReportOptions,
  periodShort: string,
): Block[] {
  const withSn = snLoaded(views, opts.snKey);
  const withHub = opts.hubBenchmarks !== null;
  const withCommentary = views.some((v) => scorecardCommentaryText(v.commentary) !== '');
  const englandYear = views.find((v) => v.result.england)?.result.england?.year ?? '2021-22';
  const groups: { label: string; start: number }[] = [];
  const ordered: IndicatorView[] = [];
  for (const area of SERVICE_AREAS) {
    const rows = views.filter((v) => v.result.serviceArea === area.id);
    if (rows.length === 0) continue;
    groups.push({ label: area.label, start: ordered.length });
    ordered.push(...rows);
  }
  const table: Table = {
    id: 'scorecard',
    caption: `Scorecard, ${periodShort}, by service area`,
    columns: columns(withSn, withCommentary, opts, englandYear, withHub, periodShort),
    rows: ordered.map((v) => row(v, withSn, withCommentary, opts, withHub)),
    footnotes: [...restatementFootnotes(ordered, opts), ...notComparableFootnotes(ordered, opts)],
    groups,
  };
  const blocks: Block[] = [{ kind: 'table', table }];
  if (withHub) blocks.push(...hubTableBlocks(ordered, opts, periodShort));
  const k = opts.suppression.k;
  const key = [
    RAG_KEY.green,
    RAG_KEY.amber,
    RAG_KEY.red,
    '– Not rated: no target or polarity, reported annually, no eligible cases, not available, or small numbers',
    '↑ ↓ The arrow shows which way the figure moved; the word says whether that is an improvement',
    '↔ No significant change: the change is within normal variation (95% intervals for the change include zero); ↔ No change: the figure is the same',
    '‡ Direction of travel against the same period last year instead of the previous quarter',
    '† England figure not like-for-like with the local definition (see Appendix C)',
    'r Restated since it was published: the published value is footnoted under the scorecard (see also Appendix D)',
    ...(withHub
      ? [
          'Mean of LAs loaded: the average of the local authorities whose figures this system holds for the period (this one included), with the means of this LA’s region and statistical neighbours; not the published England figure; – where no other LA has a figure',
          'Position among LAs loaded: this LA’s rank (1st = best; ties share the better rank) and quartile among them, quartile 1 the best quarter of LAs and quartile 4 the worst; figures without a polarity are not ranked',
        ]
      : []),
    ...(ordered.some((v) => opts.hubBenchmarks?.[v.result.id]?.notComparable)
      ? [
          `${NOT_COMPARABLE}: this council’s indicator settings change the definition from the standard one other LAs’ figures are computed under, so no mean or position among them is given (footnoted under the scorecard)`,
        ]
      : []),
    'Reported annually: updated at year end; the last outturn is shown',
    'No eligible cases: nobody was in the denominator, so there is no figure and no rating',
    'Not available: the data needed were not supplied (see Appendix D)',
    ...(opts.public
      ? [
          `${smallCountText(k)}: fewer than ${k + 1}; counts from 1 to ${k} are not published`,
          `Small numbers: a figure not published because its numerator, denominator or the difference between them, or (year to date) its change from the previous quarter's year to date, is from 1 to ${k}`,
        ]
      : []),
    'Trend: the last 8 quarters, oldest first; the dashed line is the target',
  ];
  blocks.push({ kind: 'heading', text: 'Key to symbols' }, { kind: 'list', items: key, key: true });
  return blocks;
}

/**
 * " N of the M LAs' figures are from an earlier dataset version …." when the benchmarks say so, else "":
 * the footnote's only word on dataset versions, so its first sentence ("the figures this system holds for
 * each local authority loaded") is true whether or not some LAs' figures predate their current version.
 */
function earlierVersionsSentence(benchmarks: readonly HubBenchmark[]): string {
  const e = benchmarks.find((b) => b.earlierVersions)?.earlierVersions;
  return e ? ` ${earlierVersionsNote(e)}.` : '';
}

/**
 * The benchmarks between the LAs loaded (issue 7), in full beside the scorecard: for each indicator with
 * other LAs' figures, how many LAs, their mean and quartiles, the region and statistical-neighbour means, and
 * this LA's position. Aggregates only; the position is left out where this LA's figure is not published.
 */
export function hubTableBlocks(
  views: readonly IndicatorView[],
  opts: ReportOptions,
  periodShort: string,
): Block[] {
  const hub = opts.hubBenchmarks;
  if (!hub) return [];
  const shown = views.filter((v) => hub[v.result.id]);
  if (shown.length === 0) return [];
  const any = (f: (b: HubBenchmark) => unknown) => shown.some((v) => f(hub[v.result.id]!) !== null);
  const withRegion = any((b) => b.region);
  const withSn = any((b) => b.sn);
  const regionName = shown.map((v) => hub[v.result.id]!.region?.name).find(Boolean);
  const table: Table = {
    id: 'hub-benchmarks',
    caption: `Mean, quartiles and position among the local authorities loaded, ${periodShort}`,
    columns: [
      { label: 'Ref', numeric: true, width: 3 },
      { label: 'Indicator', width: 19 },
      { label: 'LAs with a figure', numeric: true, width: 5 },
      { label: 'Mean', numeric: true, width: 6 },
      { label: 'Lower quartile', numeric: true, width: 6 },
      { label: 'Median', numeric: true, width: 6 },
      { label: 'Upper quartile', numeric: true, width: 6 },
      ...(withRegion ? [{ label: `Region mean (${regionName ?? 'region'})`, numeric: true, width: 7 }] : []),
      ...(withSn ? [{ label: 'Statistical neighbours mean', numeric: true, width: 7 }] : []),
      { label: 'England (published)', numeric: true, width: 7 },
      { label: 'Position', width: 7 },
    ],
    rows: shown.map((v): Cell[] => {
      const r = v.result;
      const b = shownBenchmark(hub[r.id], v.plan.headline)!;
      const val = (x: number | null | undefined, withheld = b.withheld) =>
        b.notComparable
          ? NOT_COMPARABLE
          : withheld
            ? WITHHELD
            : x === null || x === undefined
              ? 'No figures'
              : valueText(r.unit, x);
      const group = (g: { mean: number | null; las: number; withheld: boolean } | null) =>
        b.notComparable ? NOT_COMPARABLE : g ? `${val(g.mean, g.withheld)} (${g.las})` : '–';
      return [
        { text: String(v.ref), numeric: true },
        { text: r.title, rowHeader: true },
        { text: String(b.las), numeric: true },
        { text: val(b.mean), numeric: true },
        { text: val(b.q1), numeric: true },
        { text: val(b.median), numeric: true },
        { text: val(b.q3), numeric: true },
        ...(withRegion ? [{ text: group(b.region), numeric: true }] : []),
        ...(withSn ? [{ text: group(b.sn), numeric: true }] : []),
        { text: englandText(r), numeric: true },
        { text: positionText(b, v.plan.headline || r.status !== 'ok', r.polarity) },
      ];
    }),
    footnotes: [
      `Computed from the figures this system holds for each local authority loaded, this one included; quartiles by linear interpolation. Region and statistical-neighbour means give the number of LAs with a figure in brackets.${withheldNote(hub[shown[0]!.result.id]!.minOtherLas ?? MIN_OTHER_LAS)}${shown.some((v) => v.plan.headline) ? OWN_WITHHELD_NOTE : ''} The published England figure is the DfE's.${earlierVersionsSentence(shown.map((v) => hub[v.result.id]!))}`,
      ...notComparableFootnotes(shown, opts),
    ],
  };
  return [
    { kind: 'heading', text: 'Benchmarks between local authorities' },
    { kind: 'table', table },
  ];
}
