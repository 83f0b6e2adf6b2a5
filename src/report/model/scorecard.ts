import type { ServiceArea } from '../../indicators/types.js';
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
  valueText,
} from './cell-text.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block, Cell, Column, Table } from './render-model.js';
import type { ReportOptions } from './report-options.js';
import { sparklineOf } from './sparkline.js';

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

function columns(
  withSn: boolean,
  withCommentary: boolean,
  opts: ReportOptions,
  englandYear: string,
): Column[] {
  return [
    { label: 'Ref', numeric: true, width: 3 },
    { label: 'Indicator', width: 19 },
    { label: 'Good is', width: 5 },
    { label: 'Basis', width: 6 },
    { label: 'Target', width: 8 },
    { label: 'Previous quarter', numeric: true, width: 7 },
    { label: 'Same period last year', numeric: true, width: 7 },
    { label: 'Current', numeric: true, width: 9 },
    { label: 'RAG', width: 8 },
    { label: 'Direction of travel vs previous quarter (‡ vs last year)', width: 9 },
    { label: `England ${englandYear}`, numeric: true, width: 7 },
    ...(withSn ? [{ label: opts.snLabel, numeric: true, width: 6 }] : []),
    { label: 'Trend (8 quarters)', width: 10 },
    ...(withCommentary ? [{ label: 'Commentary', width: 12 }] : []),
  ];
}

function row(
  v: IndicatorView,
  withSn: boolean,
  withCommentary: boolean,
  opts: ReportOptions,
  restated: ReadonlySet<string>,
): Cell[] {
  const r = v.result;
  const k = opts.suppression.k;
  const rag = ragText(v);
  const sn = r.comparators[opts.snKey];
  const restatedPrev = r.previous ? restated.has(`${r.id}|${r.previous.period}`) : false;
  return [
    { text: String(v.ref), numeric: true },
    { text: r.title, rowHeader: true },
    { text: goodIsText(r) },
    { text: basisText(r.basis) },
    { text: targetCellText(r) },
    { text: comparisonText(r, r.previous, v.plan.previous, k, restatedPrev), numeric: true },
    { text: comparisonText(r, r.lastYear, v.plan.lastYear, k), numeric: true },
    { text: currentText(v, k), numeric: true },
    rag.rag ? { text: rag.text, rag: rag.rag } : { text: rag.text },
    { text: directionText(v) },
    { text: englandText(r), numeric: true },
    ...(withSn
      ? [{ text: sn === null || sn === undefined ? 'Not available' : valueText(r.unit, sn), numeric: true }]
      : []),
    { text: '', sparkline: sparklineOf(v) },
    ...(withCommentary ? [{ text: (v.commentary?.scorecard ?? '').trim() }] : []),
  ];
}

/**
 * Appendix A (report.md §3): one numbered row per indicator, one table per service area, then the key.
 * `restated` holds `indicator|period` keys of figures restated since publication (marked "r").
 */
export function scorecardBlocks(
  views: readonly IndicatorView[],
  opts: ReportOptions,
  periodShort: string,
  restated: ReadonlySet<string> = new Set(),
): Block[] {
  const withSn = snLoaded(views, opts.snKey);
  const withCommentary = views.some((v) => (v.commentary?.scorecard ?? '').trim() !== '');
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
    columns: columns(withSn, withCommentary, opts, englandYear),
    rows: ordered.map((v) => row(v, withSn, withCommentary, opts, restated)),
    footnotes: [],
    groups,
  };
  const blocks: Block[] = [{ kind: 'table', table }];
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
    'r Restated since it was published (see Appendix D)',
    'Reported annually: updated at year end; the last outturn is shown',
    'No eligible cases: nobody was in the denominator, so there is no figure and no rating',
    'Not available: the data needed were not supplied (see Appendix D)',
    ...(opts.public
      ? [
          `${smallCountText(k)}: fewer than ${k + 1}; counts from 1 to ${k} are not published`,
          `Small numbers: a percentage not published because its numerator, denominator or the difference between them is from 1 to ${k}`,
        ]
      : []),
    'Trend: the last 8 quarters, oldest first; the dashed line is the target',
  ];
  blocks.push({ kind: 'heading', text: 'Key to symbols' }, { kind: 'list', items: key });
  return blocks;
}
