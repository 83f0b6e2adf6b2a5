import type { BreakdownRow } from '../../indicators/types.js';
import { smallCountText } from './cell-text.js';
import { ENGLAND_REFERRAL_SOURCES } from './england-referral-sources.js';
import { formatCount, pct } from './format.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block, Cell, Table } from './render-model.js';
import type { ReportOptions } from './report-options.js';

const NA: Cell = { text: 'Not available', numeric: true };

function countCell(n: number | null | undefined, hidden: boolean, k: number): Cell {
  if (n === null || n === undefined) return NA;
  return { text: hidden ? smallCountText(k) : formatCount(n), numeric: true };
}

function pctCell(v: number | null | undefined, hidden: boolean): Cell {
  if (v === null || v === undefined) return NA;
  return { text: hidden ? 'Small numbers' : pct(v), numeric: true };
}

function rowsOf(
  v: IndicatorView | undefined,
  key: string,
): { rows: readonly BreakdownRow[]; hidden: readonly boolean[] } | null {
  const rows = v?.result.breakdowns[key];
  if (!v || !rows) return null;
  return { rows, hidden: v.plan.breakdowns[key] ?? rows.map(() => false) };
}

function referralsBySource(v: IndicatorView | undefined, opts: ReportOptions, periodShort: string): Block[] {
  const now = rowsOf(v, 'source');
  if (!now) return [{ kind: 'paragraph', text: 'Referrals by source: not available for this period.' }];
  const ly = rowsOf(v, 'source:last-year');
  const k = opts.suppression.k;
  const total = now.rows[0]?.denominator ?? null;
  const lyTotal = ly?.rows[0]?.denominator ?? null;
  const rows: Cell[][] = now.rows.map((row, i) => {
    const j = ly ? ly.rows.findIndex((r) => r.key === row.key) : -1;
    const lyRow = j >= 0 ? ly!.rows[j]! : null;
    const lyHidden = j >= 0 ? ly!.hidden[j]! : false;
    const eng = ENGLAND_REFERRAL_SOURCES[row.key];
    return [
      { text: row.label, rowHeader: true },
      countCell(row.numerator, now.hidden[i]!, k),
      pctCell(row.value, now.hidden[i]!),
      lyRow ? countCell(lyRow.numerator, lyHidden, k) : NA,
      lyRow ? pctCell(lyRow.value, lyHidden) : NA,
      eng === undefined ? { text: 'No national figure', numeric: true } : { text: pct(eng), numeric: true },
    ];
  });
  rows.push([
    { text: 'All referrals', rowHeader: true },
    countCell(total, false, k),
    { text: '100.0%', numeric: true },
    countCell(lyTotal, false, k),
    { text: lyTotal === null ? 'Not available' : '100.0%', numeric: true },
    { text: '', numeric: true },
  ]);
  const table: Table = {
    id: 'referrals-by-source',
    caption: `Referrals by source, ${periodShort}: schools (2A) shown apart from other education services (2B)`,
    columns: [
      { label: 'Source of referral' },
      { label: 'Referrals', numeric: true },
      { label: '% of referrals', numeric: true },
      { label: 'Same quarter last year', numeric: true },
      { label: '% last year', numeric: true },
      { label: 'England 2021-22', numeric: true },
    ],
    rows,
    footnotes: ['England figures: DfE Children in need statistics 2021-22, shares of all referrals.'],
  };
  return [
    { kind: 'heading', text: 'Referrals by source' },
    { kind: 'table', table },
  ];
}

function missingEpisodes(v: IndicatorView | undefined, opts: ReportOptions, periodShort: string): Block[] {
  if (!v || v.result.status !== 'ok') {
    return [
      { kind: 'paragraph', text: 'Missing episodes of children in care: not available for this period.' },
    ];
  }
  const r = v.result;
  const k = opts.suppression.k;
  const x = (key: string) => r.extra[key];
  const hid = (key: string) => v.plan.extra[key] ?? false;
  const ly = r.lastYear;
  const rows: Cell[][] = [
    [
      { text: 'Children with a missing episode', rowHeader: true },
      countCell(r.numerator, v.plan.headline, k),
      ly ? countCell(ly.numerator, v.plan.lastYear, k) : NA,
    ],
    [
      { text: 'as % of children looked after in the quarter', rowHeader: true },
      pctCell(x('percent'), hid('percent')),
      pctCell(x('percentLastYear'), hid('percentLastYear') || v.plan.lastYear),
    ],
    [
      { text: 'Missing episodes', rowHeader: true },
      countCell(x('episodes'), hid('episodes'), k),
      countCell(x('episodesLastYear'), hid('episodesLastYear'), k),
    ],
    [
      { text: 'Children with 3 or more missing episodes', rowHeader: true },
      countCell(x('childrenThreePlus'), hid('childrenThreePlus'), k),
      countCell(x('childrenThreePlusLastYear'), hid('childrenThreePlusLastYear'), k),
    ],
    [
      { text: 'Missing episodes still open at quarter end', rowHeader: true },
      countCell(x('stillMissing'), hid('stillMissing'), k),
      countCell(x('stillMissingLastYear'), hid('stillMissingLastYear'), k),
    ],
    [
      { text: 'Children away from placement without authorisation', rowHeader: true },
      countCell(x('awayChildren'), hid('awayChildren'), k),
      countCell(x('awayChildrenLastYear'), hid('awayChildrenLastYear'), k),
    ],
    [
      { text: 'Away episodes (counted apart from missing)', rowHeader: true },
      countCell(x('awayEpisodes'), hid('awayEpisodes'), k),
      countCell(x('awayEpisodesLastYear'), hid('awayEpisodesLastYear'), k),
    ],
    [
      { text: 'Away episodes still open at quarter end', rowHeader: true },
      countCell(x('awayStillAway'), hid('awayStillAway'), k),
      countCell(x('awayStillAwayLastYear'), hid('awayStillAwayLastYear'), k),
    ],
  ];
  const table: Table = {
    id: 'missing-episodes',
    caption: `Missing episodes of children in care, ${periodShort}`,
    columns: [
      { label: 'Measure' },
      { label: 'This quarter', numeric: true },
      { label: 'Same quarter last year', numeric: true },
    ],
    rows,
    footnotes: [
      `Of ${r.denominator === null ? 'the' : formatCount(r.denominator)} children looked after on at least one day of the quarter. England: ${r.england?.text ?? 'no national figure'} (annual, not like-for-like).`,
    ],
  };
  return [
    { kind: 'heading', text: 'Missing episodes of children in care' },
    { kind: 'table', table },
  ];
}

function timeliness(v: IndicatorView | undefined, opts: ReportOptions, periodShort: string): Block[] {
  if (!v) return [];
  const ytdKey = v.result.basis === 'ytd' ? 'timeliness' : 'timeliness:ytd';
  const qKey = v.result.basis === 'ytd' ? 'timeliness:in-period' : 'timeliness';
  const q = rowsOf(v, qKey);
  const y = rowsOf(v, ytdKey);
  if (!q && !y)
    return [{ kind: 'paragraph', text: 'Referral decision timeliness: not available for this period.' }];
  const k = opts.suppression.k;
  const base = (q ?? y)!.rows;
  const rows: Cell[][] = base.map((row) => {
    const cells: Cell[] = [{ text: row.label, rowHeader: true }];
    for (const src of [q, y]) {
      const i = src ? src.rows.findIndex((r) => r.key === row.key) : -1;
      if (!src || i < 0) cells.push(NA, NA);
      else
        cells.push(
          countCell(src.rows[i]!.numerator, src.hidden[i]!, k),
          pctCell(src.rows[i]!.value, src.hidden[i]!),
        );
    }
    return cells;
  });
  rows.push([
    { text: 'All referral decisions', rowHeader: true },
    countCell(q?.rows[0]?.denominator ?? null, false, k),
    { text: q ? '100.0%' : 'Not available', numeric: true },
    countCell(y?.rows[0]?.denominator ?? null, false, k),
    { text: y ? '100.0%' : 'Not available', numeric: true },
  ]);
  const table: Table = {
    id: 'decision-timeliness',
    caption: `Referral decision timeliness in working days, ${periodShort} and year to date`,
    columns: [
      { label: 'Time to decision' },
      { label: 'Quarter', numeric: true },
      { label: '% of quarter', numeric: true },
      { label: 'Year to date', numeric: true },
      { label: '% of year to date', numeric: true },
    ],
    rows,
    footnotes: ['Bands do not overlap: within 1 working day; over 1 and up to 3; over 3.'],
  };
  return [
    { kind: 'heading', text: 'Referral decision timeliness' },
    { kind: 'table', table },
  ];
}

const CONSUMED: Readonly<Record<string, readonly string[]>> = {
  'referrals-by-source': ['source', 'source:last-year'],
  'referrals-decided-1wd': ['timeliness', 'timeliness:in-period', 'timeliness:ytd'],
};

function otherBreakdowns(views: readonly IndicatorView[], opts: ReportOptions, periodShort: string): Block[] {
  const blocks: Block[] = [];
  const k = opts.suppression.k;
  for (const v of views) {
    if (v.plan.headline && opts.public) continue;
    for (const [key, rows] of Object.entries(v.result.breakdowns)) {
      if ((CONSUMED[v.result.id] ?? []).includes(key) || rows.length === 0) continue;
      const hidden = v.plan.breakdowns[key] ?? rows.map(() => false);
      const table: Table = {
        id: `breakdown-${v.result.id}-${key.replace(/[^a-z0-9]+/gi, '-')}`,
        caption: `${v.result.title}, ${periodShort}: by ${key.replace(/[-:]/g, ' ')}`,
        columns: [
          { label: 'Group' },
          { label: 'Number', numeric: true },
          { label: 'Of', numeric: true },
          { label: '%', numeric: true },
        ],
        rows: rows.map((row, i) => [
          { text: row.label, rowHeader: true },
          countCell(row.numerator, hidden[i]!, k),
          countCell(row.denominator, hidden[i]! && row.denominator !== null && row.denominator <= k, k),
          pctCell(row.value, hidden[i]!),
        ]),
        footnotes: [],
      };
      blocks.push(
        { kind: 'heading', text: `${v.result.title}: by ${key.replace(/[-:]/g, ' ')}` },
        { kind: 'table', table },
      );
    }
  }
  return blocks;
}

/** Appendix B: members' questions (report.md §2 item 5). */
export function membersQuestionsBlocks(
  views: readonly IndicatorView[],
  opts: ReportOptions,
  periodShort: string,
): Block[] {
  const by = (id: string) => views.find((v) => v.result.id === id);
  return [
    ...referralsBySource(by('referrals-by-source'), opts, periodShort),
    ...missingEpisodes(by('cic-missing'), opts, periodShort),
    ...timeliness(by('referrals-decided-1wd'), opts, periodShort),
    ...otherBreakdowns(views, opts, periodShort),
  ];
}
