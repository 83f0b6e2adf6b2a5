import { parsePeriod, periodShortLabel } from '../../calendar/period.js';
import { breakdownName } from './breakdown-name.js';
import { roundedPercent } from '../../indicators/engine/rounding.js';
import type { BreakdownRow } from '../../indicators/types.js';
import { CHARACTERISTIC_BREAKDOWNS, breakdownShape } from '../../indicators/lib/breakdown-shape.js';
import type { BreakdownTotal } from '../public/suppression.js';
import { isSmall, percentSuppressed, planBreakdown, secondarySuppression } from '../public/suppression.js';
import { NOT_SHOWN, NOT_SHOWN_NOTE, countText } from './cell-text.js';
import { ENGLAND_REFERRAL_SOURCES } from './england-referral-sources.js';
import { formatCount, pct } from './format.js';
import type { IndicatorView } from './indicator-view.js';
import type { AppendixFigure, MembersQuestionsFigures } from './members-questions-figures.js';
import type { Block, Cell, Table } from './render-model.js';
import type { ReportOptions } from './report-options.js';

const NA: Cell = { text: 'Not available', numeric: true };

/** A count cell ({@link countText}); "Not available" without a count. */
function countCell(n: number | null | undefined, hidden: boolean, k: number): Cell {
  if (n === null || n === undefined) return NA;
  return {
    text: countText(n, hidden, k),
    numeric: true,
  };
}

/** Adds the "Not shown" footnote to each table that has such a cell. */
function withNotShownNote(blocks: readonly Block[]): Block[] {
  return blocks.map((b) =>
    b.kind === 'table' && b.table.rows.some((r) => r.some((c) => c.text === NOT_SHOWN))
      ? { ...b, table: { ...b.table, footnotes: [...b.table.footnotes, NOT_SHOWN_NOTE] } }
      : b,
  );
}

function pctCell(v: number | null | undefined, hidden: boolean): Cell {
  if (v === null || v === undefined) return NA;
  return { text: hidden ? 'Small numbers' : pct(v), numeric: true };
}

/** A breakdown with what the public version hides of it. */
interface Shown {
  readonly rows: readonly BreakdownRow[];
  readonly hidden: readonly boolean[];
}

/** `total`: the published figure the rows may make up (report.md §6 secondary suppression), if any. */
function shown(
  rows: readonly BreakdownRow[] | undefined,
  opts: ReportOptions,
  total: BreakdownTotal | null = null,
): Shown | null {
  if (!rows) return null;
  return {
    rows,
    hidden: opts.public ? planBreakdown(rows, opts.suppression, total) : rows.map(() => false),
  };
}

/** The engine's figure for Appendix B, else the headline result when it is the same period and basis. */
function figureOr(
  fig: AppendixFigure | null,
  v: IndicatorView | undefined,
  periodId: string,
  basis: string,
): AppendixFigure | null {
  if (fig) return fig;
  if (!v || v.result.basis !== basis) return null;
  const r = v.result;
  return {
    period: periodId,
    basis: r.basis,
    status: r.status,
    numerator: r.numerator,
    denominator: r.denominator,
    breakdowns: r.breakdowns,
    extra: r.extra,
  };
}

function periodText(f: AppendixFigure | null, fallback: string): string {
  return f ? periodShortLabel(parsePeriod(f.period)) : fallback;
}

function unavailable(f: AppendixFigure | null): boolean {
  return !f || f.status === 'not-available' || f.status === 'annual-only';
}

/** A section whose figure is not available: its heading, then one paragraph saying so and why. */
function notAvailableSection(heading: Block, sentence: string): Block[] {
  return [heading, { kind: 'paragraph', text: sentence }];
}

function referralsBySource(
  v: IndicatorView | undefined,
  figs: MembersQuestionsFigures,
  opts: ReportOptions,
  periodId: string,
  periodShort: string,
): Block[] {
  const cur = figureOr(figs.referralSources.current, v, periodId, 'in-period');
  const ly = figs.referralSources.lastYear;
  const heading: Block = { kind: 'heading', text: 'Referrals by source' };
  const now = unavailable(cur) ? null : shown(cur!.breakdowns['source'], opts);
  if (!now) {
    return notAvailableSection(
      heading,
      'Referrals by source are not available for this period: the CIN census referrals were not supplied.',
    );
  }
  const before = unavailable(ly) ? null : shown(ly!.breakdowns['source'], opts);
  const k = opts.suppression.k;
  const rows: Cell[][] = now.rows.map((row, i) => {
    const j = before ? before.rows.findIndex((r) => r.key === row.key) : -1;
    const lyRow = j >= 0 ? before!.rows[j]! : null;
    const lyHidden = j >= 0 ? before!.hidden[j]! : false;
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
  const lyTotal = before ? (ly!.denominator ?? null) : null;
  rows.push([
    { text: 'All referrals', rowHeader: true },
    countCell(cur!.denominator, false, k),
    { text: cur!.denominator ? '100.0%' : 'No referrals', numeric: true },
    countCell(lyTotal, false, k),
    { text: lyTotal === null ? 'Not available' : lyTotal ? '100.0%' : 'No referrals', numeric: true },
    { text: '100.0%', numeric: true },
  ]);
  const lyLabel = periodText(ly, 'same quarter last year');
  const table: Table = {
    id: 'referrals-by-source',
    caption: `Referrals by source, ${periodShort} and ${lyLabel}: schools (2A) shown apart from other education services (2B)`,
    columns: [
      { label: 'Source of referral' },
      { label: `Referrals ${periodShort}`, numeric: true },
      { label: `% ${periodShort}`, numeric: true },
      { label: `Referrals ${lyLabel}`, numeric: true },
      { label: `% ${lyLabel}`, numeric: true },
      { label: 'England 2021-22', numeric: true },
    ],
    rows,
    footnotes: [
      'England figures: DfE Children in need statistics 2021-22, shares of all referrals in the year; only schools, health services and police are shipped.',
      ...(before
        ? []
        : [
            `Same quarter last year: not available (${ly && ly.status === 'not-available' ? 'the data were not supplied' : 'outside the loaded history'}).`,
          ]),
    ],
  };
  return [heading, { kind: 'table', table }];
}

const MISSING_ROWS: readonly { label: string; key: string; kind: 'count' | 'percent' }[] = [
  { label: 'Children looked after on at least one day of the quarter', key: '@denominator', kind: 'count' },
  { label: 'Children with a missing episode', key: '@numerator', kind: 'count' },
  {
    label: 'Children with a missing episode, as % of children looked after',
    key: 'percent',
    kind: 'percent',
  },
  { label: 'Missing episodes', key: 'episodes', kind: 'count' },
  { label: 'Children with 3 or more missing episodes', key: 'childrenWith3PlusEpisodes', kind: 'count' },
  { label: 'Missing episodes still open at quarter end', key: 'stillMissing', kind: 'count' },
  { label: 'Children away from placement without authorisation', key: 'awayChildren', kind: 'count' },
  { label: 'Away episodes (counted apart from missing)', key: 'awayEpisodes', kind: 'count' },
  { label: 'Away episodes still open at quarter end', key: 'awayStillMissing', kind: 'count' },
];

function missingCell(
  f: AppendixFigure | null,
  row: (typeof MISSING_ROWS)[number],
  opts: ReportOptions,
): Cell {
  if (unavailable(f)) return NA;
  const k = opts.suppression.k;
  const value =
    row.key === '@denominator' ? f!.denominator : row.key === '@numerator' ? f!.numerator : f!.extra[row.key];
  if (row.kind === 'percent') {
    const hidden = opts.public && percentSuppressed(f!.numerator, f!.denominator, opts.suppression);
    return pctCell(value, hidden);
  }
  return countCell(value, opts.public && isSmall(value, k), k);
}

function missingEpisodes(
  v: IndicatorView | undefined,
  figs: MembersQuestionsFigures,
  opts: ReportOptions,
  periodId: string,
  periodShort: string,
): Block[] {
  const cur = figureOr(figs.missing.current, v, periodId, 'in-period');
  const ly = figs.missing.lastYear;
  const heading: Block = { kind: 'heading', text: 'Missing episodes of children in care' };
  if (unavailable(cur)) {
    return notAvailableSection(
      heading,
      'Missing episodes are not available for this period: the SSDA903 episodes or missing tables were not supplied.',
    );
  }
  const lyLabel = periodText(ly, 'Same quarter last year');
  const table: Table = {
    id: 'missing-episodes',
    caption: `Missing episodes of children in care, ${periodShort} and ${lyLabel}`,
    columns: [
      { label: 'Measure' },
      { label: periodShort, numeric: true },
      { label: `${lyLabel} (same quarter last year)`, numeric: true },
    ],
    rows: MISSING_ROWS.map((row) => [
      { text: row.label, rowHeader: true },
      missingCell(cur, row, opts),
      missingCell(ly, row, opts),
    ]),
    footnotes: [
      'An episode is counted once per child and start date, whenever in the quarter it started or ended. Away from placement without authorisation is reported separately and never added to missing.',
      `England: ${v?.result.england?.text ?? 'no national figure'} (a whole year, so not like-for-like with a quarter).`,
    ],
  };
  return [heading, { kind: 'table', table }];
}

/**
 * The year-to-date bands beside the quarter's (report.md §6 "year-to-date minus the previous year-to-date"):
 * last quarter's paper gave the year to date then, so a band hidden for the quarter is hidden for the year to
 * date too (else the year to date less last quarter's would give it), with a second cell when it is alone.
 */
export function ytdBesideQuarter(q: Shown | null, y: Shown | null): Shown | null {
  if (!q || !y) return y;
  const primary = y.rows.map((row, j) => {
    const i = q.rows.findIndex((r) => r.key === row.key);
    return y.hidden[j]! || (i >= 0 && q.hidden[i]!);
  });
  if (primary.every((h, j) => h === y.hidden[j])) return y;
  return {
    rows: y.rows,
    hidden: secondarySuppression(
      y.rows.map((r) => r.numerator),
      primary,
    ),
  };
}

function timeliness(
  v: IndicatorView | undefined,
  figs: MembersQuestionsFigures,
  opts: ReportOptions,
  periodId: string,
  periodShort: string,
): Block[] {
  const qf = figureOr(figs.decisionTimeliness.quarter, v, periodId, 'in-period');
  const yf = figureOr(figs.decisionTimeliness.yearToDate, v, periodId, 'ytd');
  const heading: Block = { kind: 'heading', text: 'Referral decision timeliness' };
  const q = unavailable(qf) ? null : shown(qf!.breakdowns['timeliness'], opts);
  const y = ytdBesideQuarter(q, unavailable(yf) ? null : shown(yf!.breakdowns['timeliness'], opts));
  if (!q && !y) {
    return notAvailableSection(
      heading,
      'Referral decision timeliness is not available for this period: the contacts file was not supplied.',
    );
  }
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
  const total = (f: AppendixFigure | null, s: Shown | null): Cell[] =>
    s ? [countCell(f!.denominator, false, k), { text: '100.0%', numeric: true }] : [NA, NA];
  rows.push([{ text: 'All referral decisions', rowHeader: true }, ...total(qf, q), ...total(yf, y)]);
  const table: Table = {
    id: 'decision-timeliness',
    caption: `Referral decision timeliness in working days, ${periodShort} and year to date`,
    columns: [
      { label: 'Time to decision' },
      { label: periodShort, numeric: true },
      { label: `% ${periodShort}`, numeric: true },
      { label: 'Year to date', numeric: true },
      { label: '% year to date', numeric: true },
    ],
    rows,
    footnotes: [
      'Contacts with outcome referral, by the date of the decision. Bands do not overlap: within 1 working day; over 1 and up to 3; over 3.',
    ],
  };
  return [heading, { kind: 'table', table }];
}

/** Breakdowns Appendix B shows in its own tables, by indicator id. */
const CONSUMED: Readonly<Record<string, readonly string[]>> = {
  'referrals-by-source': ['source'],
  'referrals-decided-1wd': ['timeliness'],
  'referrals-decided-over-3wd': ['timeliness'],
  'cic-missing': ['type', 'episodesPerChild'],
};

function breakdownTable(
  v: IndicatorView,
  key: string,
  rows: readonly BreakdownRow[],
  opts: ReportOptions,
  periodShort: string,
): Table {
  const k = opts.suppression.k;
  const id = `breakdown-${v.result.id}-${key.replace(/[^a-z0-9]+/gi, '-')}`;
  const caption = `${v.result.title}, ${periodShort}: by ${breakdownName(key)}`;
  const headline = v.result.denominator;
  const shape = breakdownShape(key, rows, headline);
  // A count breakdown (no denominators): the number in each group, with the total.
  if (shape === 'counts') {
    const s = shown(rows, opts)!;
    const sum = rows.reduce((a, r) => a + r.numerator, 0);
    return {
      id,
      caption,
      columns: [{ label: 'Group' }, { label: 'Number', numeric: true }],
      rows: [
        ...rows.map((r, i) => [{ text: r.label, rowHeader: true }, countCell(r.numerator, s.hidden[i]!, k)]),
        [{ text: 'All', rowHeader: true }, countCell(sum, false, k)],
      ],
      footnotes: [],
    };
  }
  // A composition (each group is wholly in or out of the numerator, e.g. NEET by activity): group sizes.
  if (shape === 'composition' && headline) {
    const sizes = rows.map((r) => ({
      ...r,
      numerator: r.denominator ?? 0,
      denominator: headline,
      value: roundedPercent(r.denominator ?? 0, headline),
    }));
    const s = shown(sizes, opts)!;
    return {
      id,
      caption,
      columns: [
        { label: 'Group' },
        { label: 'Number', numeric: true },
        { label: `% of ${formatCount(headline)}`, numeric: true },
      ],
      rows: sizes.map((r, i) => [
        { text: r.label, rowHeader: true },
        countCell(r.numerator, s.hidden[i]!, k),
        pctCell(r.value, s.hidden[i]!),
      ]),
      footnotes: [],
    };
  }
  const s = shown(rows, opts, v.plan.headline ? null : v.result)!;
  if (shape === 'share') {
    const den = rows[0]!.denominator!;
    return {
      id,
      caption,
      columns: [{ label: 'Group' }, { label: 'Number', numeric: true }, { label: '%', numeric: true }],
      rows: [
        ...rows.map((r, i) => [
          { text: r.label, rowHeader: true },
          countCell(r.numerator, s.hidden[i]!, k),
          r.value === null ? { text: 'No eligible cases', numeric: true } : pctCell(r.value, s.hidden[i]!),
        ]),
        [{ text: 'All', rowHeader: true }, countCell(den, false, k), { text: '100.0%', numeric: true }],
      ],
      footnotes: [],
    };
  }
  return {
    id,
    caption,
    columns: [
      { label: 'Group' },
      { label: 'Number', numeric: true },
      { label: 'Of', numeric: true },
      { label: '%', numeric: true },
    ],
    rows: rows.map((r, i) => [
      { text: r.label, rowHeader: true },
      countCell(r.numerator, s.hidden[i]!, k),
      countCell(r.denominator, s.hidden[i]!, k),
      r.value === null ? { text: 'No eligible cases', numeric: true } : pctCell(r.value, s.hidden[i]!),
    ]),
    footnotes: [],
  };
}

function otherBreakdowns(views: readonly IndicatorView[], opts: ReportOptions, periodShort: string): Block[] {
  const blocks: Block[] = [];
  for (const v of views) {
    if (v.plan.headline && opts.public) continue;
    if (v.result.status !== 'ok') continue;
    const keys = Object.keys(v.result.breakdowns).filter(
      (key) =>
        !(CONSUMED[v.result.id] ?? []).includes(key) &&
        // Child characteristics are on the dashboard (report.md §9), not in the members' appendix.
        !CHARACTERISTIC_BREAKDOWNS.has(key) &&
        v.result.breakdowns[key]!.length > 0,
    );
    if (keys.length) blocks.push({ kind: 'heading', text: v.result.title });
    for (const key of keys) {
      const table = breakdownTable(v, key, v.result.breakdowns[key]!, opts, periodShort);
      blocks.push({ kind: 'table', table });
    }
  }
  return blocks.length
    ? [
        { kind: 'heading', text: 'Further breakdowns' },
        {
          kind: 'paragraph',
          text: 'Breakdowns of the headline figures published in the catalogue. Breakdowns by age, sex, ethnicity and team are on the dashboard.',
        },
        ...blocks,
      ]
    : [];
}

/** Appendix B: members' questions (report.md §2 item 5). */
export function membersQuestionsBlocks(
  views: readonly IndicatorView[],
  opts: ReportOptions,
  periodId: string,
  periodShort: string,
): Block[] {
  const by = (id: string) => views.find((v) => v.result.id === id);
  const figs = opts.membersQuestions;
  return withNotShownNote([
    ...referralsBySource(by('referrals-by-source'), figs, opts, periodId, periodShort),
    ...missingEpisodes(by('cic-missing'), figs, opts, periodId, periodShort),
    ...timeliness(by('referrals-decided-1wd'), figs, opts, periodId, periodShort),
    ...otherBreakdowns(views, opts, periodShort),
  ]);
}
