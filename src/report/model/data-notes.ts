import type { IndicatorReport } from '../../indicators/types.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { formatCount, longDate, oneDecimal } from './format.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block, Cell, Table } from './render-model.js';
import type { ReportOptions } from './report-options.js';
import { figureSuppressed, isSmall, restatedPublishedSuppressed } from '../public/suppression.js';
import { suppressedText, targetKindOf, valueText } from './cell-text.js';
import { boundsText } from '../../indicators/targets.js';
import { noteWords } from './note-text.js';
import type { MoveReason, Restatement } from '../edition/restatement.js';
import { MOVE_REASON_WORDS } from '../edition/restatement.js';
import { restatementFootnotes } from './scorecard.js';

/** "2 added after the extract; 1 a date changed", or why it cannot be said. */
export function reasonsText(s: Restatement): string {
  if (s.numeratorIn === null) return 'Not recorded (the edition holds no member lists)';
  if (!s.reasons) return 'Not derivable (the published dataset version is no longer held)';
  const parts = (Object.keys(MOVE_REASON_WORDS) as MoveReason[])
    .filter((r) => (s.reasons![r] ?? 0) > 0)
    .map((r) => `${formatCount(s.reasons![r]!)} ${MOVE_REASON_WORDS[r]}`);
  return parts.length ? parts.join('; ') : 'No child moved (a change in counting within the same children)';
}

function workingDayText(report: IndicatorReport): string {
  return report.settings.workingDays === 'inclusive'
    ? 'Working days are Monday to Friday except England and Wales bank holidays, counted inclusively (the same working day counts as 1).'
    : 'Working days are Monday to Friday except England and Wales bank holidays, counted as elapsed working days after the start date (the same day counts as 0; Saturday to Monday is 1).';
}

/** Appendix D: data notes (report.md §2 item 7). */
export function dataNotesBlocks(
  report: IndicatorReport,
  views: readonly IndicatorView[],
  opts: ReportOptions,
): Block[] {
  const k = opts.suppression.k;
  const blocks: Block[] = [];
  const asAt = report.dataset.asAt ? longDate(report.dataset.asAt) : 'an unknown date';
  blocks.push(
    { kind: 'heading', text: 'Data' },
    {
      kind: 'list',
      items: [
        `Dataset version ${report.dataset.id} (${report.dataset.hash}), extracted on ${asAt}.`,
        ...opts.datasetSources.map(
          (s) =>
            `${s.source}: imported ${/^\d{4}-\d{2}-\d{2}$/.test(s.importedAt) ? longDate(s.importedAt as IsoDate) : s.importedAt}${s.extractDate ? `, extracted ${longDate(s.extractDate as IsoDate)}` : ''}.`,
        ),
        workingDayText(report),
        report.settings.excludeUasc
          ? 'Unaccompanied asylum-seeking children are excluded from children in care and care leaver measures.'
          : 'Unaccompanied asylum-seeking children are included in every measure.',
        ...Object.entries(report.settings.variants).map(
          ([name, value]) => `Setting ${name} = ${String(value)}.`,
        ),
        ...Object.entries(report.settings.basis).map(([id, b]) => `Headline basis of ${id}: ${b}.`),
      ],
    },
  );
  const versions: Table = {
    id: 'versions',
    caption: 'Definition, target and benchmark versions',
    columns: [
      { label: 'Ref', numeric: true },
      { label: 'Indicator' },
      { label: 'Definition version' },
      { label: 'Target and tolerance' },
      { label: 'England benchmark' },
    ],
    rows: views.map((v): Cell[] => [
      { text: String(v.ref), numeric: true },
      { text: v.result.title, rowHeader: true },
      { text: v.entry.definitionVersion },
      {
        text:
          v.result.target === null
            ? 'No target'
            : `${oneDecimal(v.result.target).replace(/\.0$/, '')} (${
                v.result.bounds
                  ? `thresholds: ${boundsText(v.result.bounds, v.result.polarity, (n) => oneDecimal(n).replace(/\.0$/, ''))}`
                  : `tolerance ${v.result.tolerance === null ? 'none' : oneDecimal(v.result.tolerance).replace(/\.0$/, '')}`
              }), ${targetKindOf(v.result, v.entry)}`,
      },
      {
        text: v.result.england
          ? `${v.result.england.text}, ${v.result.england.year}, ${v.result.england.publisher}${v.result.england.likeForLike ? '' : ' (not like-for-like)'}`
          : 'No national figure',
      },
    ]),
    footnotes: [],
  };
  blocks.push({ kind: 'heading', text: 'Versions' }, { kind: 'table', table: versions });

  const issues: string[] = [];
  const info: string[] = [];
  for (const v of views) {
    const figure = v.plan.headline ? null : v.result;
    for (const n of v.result.notes) {
      if (n.code === 'reportedAnnually') continue;
      if (opts.public && v.plan.headline && n.count !== undefined) continue;
      const w = noteWords(n, v.result.unit === 'percent' ? figure : null, opts.public, k);
      (w.kind === 'issue' ? issues : info).push(`${v.ref}. ${v.result.title}: ${w.text}.`);
    }
    if (v.result.status === 'not-available' && !v.result.notes.some((n) => n.code === 'notAvailable')) {
      info.push(`${v.ref}. ${v.result.title}: not available for this period.`);
    }
  }
  blocks.push(
    { kind: 'heading', text: 'Validation issues affecting figures' },
    issues.length
      ? { kind: 'list', items: issues }
      : { kind: 'paragraph', text: 'No validation issue affects the figures.' },
    ...(info.length
      ? [
          { kind: 'heading' as const, text: 'Notes on the figures' },
          { kind: 'list' as const, items: info },
        ]
      : []),
  );

  blocks.push({ kind: 'heading', text: 'Restatements' });
  const earlier = restatementFootnotes(views, opts);
  if (opts.restatements.length === 0 && earlier.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No published figure has been restated.' });
  } else if (opts.restatements.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No figure for this period has been restated. Figures for earlier periods restated since their editions:',
    });
  } else {
    const small = (n: number | null) =>
      n === null ? 'Not recorded' : opts.public && isSmall(n, k) ? `<${k + 1}` : formatCount(n);
    const unitOf = (s: Restatement) =>
      views.find((v) => v.result.id === s.indicator)?.result.unit ?? 'percent';
    // Public (report.md §6): a figure the rule hides reads as it does in the scorecard, and so does a change
    // that is a small number of children or the difference from a hidden figure. The figure now is this
    // period's headline, hidden when the scorecard hides it (also by the year-to-date difference rule).
    const headlineHidden = (s: Restatement) =>
      views.find((v) => v.result.id === s.indicator)?.plan.headline === true;
    const hidden = (s: Restatement, f: Restatement['published']) =>
      opts.public &&
      (figureSuppressed(unitOf(s), f.numerator, f.denominator, opts.suppression) ||
        (f === s.now && headlineHidden(s)));
    // A change of 1..k children (a count's, or a percentage's numerator or denominator) is a restatement
    // delta (report.md §6): the figure now is published in the scorecard, so the value as published is left
    // out too, as the "r" footnotes leave it out (`restatedPublishedSuppressed`); otherwise a reader
    // subtracts the two cells.
    const smallChange = (s: Restatement) =>
      opts.public &&
      restatedPublishedSuppressed(
        unitOf(s),
        {
          published: s.published.value,
          publishedNumerator: s.published.numerator,
          publishedDenominator: s.published.denominator,
          now: s.now.value,
          nowNumerator: s.now.numerator,
          nowDenominator: s.now.denominator,
        },
        opts.suppression,
      );
    const fig = (s: Restatement, f: Restatement['published']) =>
      f.value === null
        ? 'No figure'
        : hidden(s, f)
          ? suppressedText(unitOf(s), k)
          : f === s.published && smallChange(s)
            ? 'Not shown (small numbers)'
            : opts.public || f.denominator === null
              ? valueText(unitOf(s), f.value)
              : `${valueText(unitOf(s), f.value)} (${formatCount(f.numerator ?? 0)}/${formatCount(f.denominator)})`;
    const change = (s: Restatement) => {
      if (s.change === null) return '–';
      const small = hidden(s, s.published) || hidden(s, s.now) || smallChange(s);
      if (small) return 'Not shown (small numbers)';
      const text = unitOf(s) === 'count' ? formatCount(s.change) : oneDecimal(s.change);
      return `${s.change > 0 ? '+' : ''}${text}`;
    };
    blocks.push({
      kind: 'table',
      table: {
        id: 'restatements',
        caption: 'Restated figures: as published and as now',
        columns: [
          { label: 'Indicator' },
          { label: 'Period' },
          { label: 'Edition' },
          { label: 'As published', numeric: true },
          { label: 'Now', numeric: true },
          { label: 'Change', numeric: true },
          { label: 'Children moved into / out of the numerator', numeric: true },
          { label: 'Children moved into / out of the denominator', numeric: true },
          ...(opts.public ? [] : [{ label: 'Why they moved' }]),
        ],
        rows: opts.restatements.map((s): Cell[] => [
          {
            text: views.find((v) => v.result.id === s.indicator)?.result.title ?? s.indicator,
            rowHeader: true,
          },
          { text: s.period },
          { text: s.edition },
          { text: fig(s, s.published), numeric: true },
          { text: fig(s, s.now), numeric: true },
          { text: change(s), numeric: true },
          { text: `${small(s.numeratorIn)} / ${small(s.numeratorOut)}`, numeric: true },
          { text: `${small(s.denominatorIn)} / ${small(s.denominatorOut)}`, numeric: true },
          ...(opts.public ? [] : [{ text: reasonsText(s) }]),
        ]),
        footnotes: [
          'Change in percentage points for percentages and in units for counts.',
          ...(opts.public
            ? []
            : [
                'Why they moved: the children who moved, by reason, from their records in the published dataset version and now. The children themselves are never listed in the report.',
              ]),
        ],
      },
    });
  }

  if (earlier.length > 0) {
    if (opts.restatements.length > 0)
      blocks.push({
        kind: 'paragraph',
        text: 'Figures for earlier periods restated since their editions (marked "r" in the scorecard):',
      });
    blocks.push({ kind: 'list', items: earlier.map((t) => t.replace(/^r /, '')) });
  }

  const overrides = Object.values(opts.commentary.entries).filter(
    (e) => (e.section !== null || e.mode === 'replace') && !(opts.public && e.internal),
  );
  if (overrides.length) {
    blocks.push(
      { kind: 'heading', text: 'Changes to the generated narrative' },
      {
        kind: 'list',
        items: overrides.map((e) => {
          const title = views.find((v) => v.result.id === e.id)?.result.title ?? e.id;
          const what =
            e.section === 'omit'
              ? 'left out of the narrative (it stays in the scorecard)'
              : e.section
                ? `moved to ${e.section === 'performing-well' ? 'where we are performing well' : 'areas for focus'}`
                : 'sentence rewritten by an officer';
          return `${title}: ${what}${e.reason ? `; reason: ${e.reason}` : ''}.`;
        }),
      },
    );
  }

  blocks.push({ kind: 'heading', text: 'Publication' });
  const pub: string[] = [];
  if (opts.public) {
    pub.push(
      `This is the public version. Counts from 1 to ${k} are shown as "fewer than ${k + 1}" ("<${k + 1}" in tables). A percentage is shown as "Small numbers" when its numerator or denominator${opts.suppression.complement ? ', or the difference between them,' : ''} is from 1 to ${k}. Where a table shows its total, a second cell is also hidden so that no hidden figure can be worked out. Suppressed figures carry no rating, direction or trend point. No information about individual children is included.`,
    );
  } else {
    pub.push(
      'This is the full version, with unsuppressed figures, for officers and for consideration as exempt information. It lists no children.',
    );
  }
  pub.push(
    'The PDF is printed from the HTML version by Chromium with a document outline, title and language, and is tagged for assistive technology as far as Chromium allows; the Word version uses built-in heading styles and real tables.',
    `Generated ${opts.generatedAt} by cspi ${opts.softwareVersion}${opts.edition ? `; edition ${opts.edition}` : '; draft, not a published edition'}.`,
  );
  blocks.push({ kind: 'list', items: pub });
  return blocks;
}
