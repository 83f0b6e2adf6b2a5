import { parsePeriod, periodLabel, periodShortLabel } from '../../calendar/period.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { type CommentaryEntry, commentaryInVersion } from '../commentary/commentary.js';
import type { NarrativeEntry, SectionOverride } from '../narrative/narrative.js';
import { buildNarrative, minutesStyle } from '../narrative/narrative.js';
import type { NarrativeInput, NarrativeSettings } from '../narrative/narrative-input.js';
import { nestedFigures } from '../public/cohort-difference.js';
import { noSuppression, planSuppression } from '../public/suppression.js';
import type { CatalogueEntry } from './catalogue-entry.js';
import { chartSpecOf } from './chart-spec.js';
import { dataNotesBlocks } from './data-notes.js';
import { dataRows } from './data-rows.js';
import { definitionsBlocks } from './definitions-appendix.js';
import { listProse, longDate, monthName } from './format.js';
import { notRatedReason } from './cell-text.js';
import type { IndicatorView } from './indicator-view.js';
import { membersQuestionsBlocks } from './members-questions.js';
import type { Block, NarrativeBlock, RenderModel, Section } from './render-model.js';
import { EXEMPT_LINE } from './render-model.js';
import type { ReportOptions } from './report-options.js';
import { scorecardBlocks } from './scorecard.js';

/** Indicators of the report that the catalogue does not describe (the report cannot word them). */
export function missingFromCatalogue(
  report: IndicatorReport,
  catalogue: readonly CatalogueEntry[],
): string[] {
  const ids = new Set(catalogue.map((e) => e.id));
  return report.indicators.filter((r) => !ids.has(r.id)).map((r) => r.id);
}

/** Joins the indicator report with the catalogue (catalogue order), the public plan and the commentary. */
export function indicatorViews(
  report: IndicatorReport,
  catalogue: readonly CatalogueEntry[],
  opts: ReportOptions,
): IndicatorView[] {
  const byId = new Map(report.indicators.map((r) => [r.id, r]));
  // The public plan checks each figure against the others published with it (nested cohorts, §6).
  const rule = { ...opts.suppression, nestedIn: nestedFigures(report.indicators, catalogue) };
  const views: IndicatorView[] = [];
  for (const entry of catalogue) {
    const result = byId.get(entry.id);
    if (!result) continue;
    views.push({
      ref: views.length + 1,
      entry,
      result,
      plan: opts.public ? planSuppression(result, rule) : noSuppression(result),
      commentary: commentaryInVersion(opts.commentary.entries[entry.id], opts.public),
      restated: new Map(
        opts.earlierRestatements.filter((x) => x.indicator === entry.id).map((x) => [x.period, x]),
      ),
    });
  }
  return views;
}

function commentaryFor(views: readonly IndicatorView[], ids: readonly string[]): CommentaryEntry | null {
  for (const id of ids) {
    const c = views.find((v) => v.result.id === id)?.commentary;
    if (c) return c;
  }
  return null;
}

function narrativeBlock(
  views: readonly IndicatorView[],
  e: NarrativeEntry,
  withChart: boolean,
): NarrativeBlock {
  const c = commentaryFor(views, e.ids);
  const replaced = c && c.mode === 'replace' && c.text ? c.text : null;
  const first = views.find((v) => v.result.id === e.ids[0]);
  return {
    kind: 'narrative',
    ids: e.ids,
    text: replaced ?? e.text,
    generated: replaced ? e.text : null,
    commentary: c && c.mode === 'follow' && c.text ? c.text : null,
    action: c?.action ?? null,
    outsideControl: c?.outsideControl ?? false,
    chart: withChart && first && !first.plan.headline ? chartSpecOf(first) : null,
  };
}

/**
 * Builds the render model of the committee report (report.md §2) from the engine's IndicatorReport, the
 * catalogue and the options: cover report, the two narrative sections, and Appendices A–D. Pure.
 * @example buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions()).meta.title
 * //=> 'Performance Indicators Quarter 3 2021/22'
 */
export function buildRenderModel(
  report: IndicatorReport,
  catalogue: readonly CatalogueEntry[],
  opts: ReportOptions,
): RenderModel {
  const period = parsePeriod(report.period.id);
  const label = periodLabel(period);
  const short = periodShortLabel(period);
  const views = indicatorViews(report, catalogue, opts);
  const settings: NarrativeSettings = {
    period,
    inLineBand: opts.inLineBand,
    snKey: opts.snKey,
    englandWithoutSn: false,
  };
  const inputs: NarrativeInput[] = views.map((v) => {
    const cmpHidden = v.entry.directionComparator === 'last-year' ? v.plan.lastYear : v.plan.previous;
    return { entry: v.entry, result: v.result, suppressed: v.plan.headline, comparatorSuppressed: cmpHidden };
  });
  const overrides: Record<string, SectionOverride> = {};
  for (const v of views) if (v.commentary?.section) overrides[v.result.id] = v.commentary.section;
  const narrative = buildNarrative(inputs, settings, overrides);
  const well = narrative.performingWell.map((e) => narrativeBlock(views, e, false));
  const focus = narrative.areasForFocus.map((e) => narrativeBlock(views, e, true));

  // Cover report.
  const rated = views.filter((v) => v.result.status === 'ok' && v.result.rag !== null && !v.plan.headline);
  const count = (rag: string) => rated.filter((v) => v.result.rag === rag).length;
  const [g, a, r] = [count('green'), count('amber'), count('red')];
  const focusTitles = focus.flatMap((b) =>
    b.ids.map((id) => views.find((v) => v.result.id === id)!.result.title),
  );
  const months = `${monthName(period.start)} ${period.start.slice(0, 4)} to ${monthName(period.end)} ${period.end.slice(0, 4)}`;
  const summary: Block[] = [
    {
      kind: 'paragraph',
      text: `This report provides ${label.replace(/ \d{4}\/\d{2}$/, '')} (${months}) performance information in line with an indicator set agreed by ${opts.agreedBy}.`,
    },
    {
      kind: 'paragraph',
      text: `${g + a} of ${rated.length} rated indicators are on target or within tolerance: ${g} on target (● Green) and ${a} within tolerance (▲ Amber); ${r} ${r === 1 ? 'is' : 'are'} outside tolerance (■ Red). ${notRatedSentence(
        views.filter((v) => !rated.includes(v)),
        views.length,
      )}`,
    },
    {
      kind: 'paragraph',
      text: focusTitles.length
        ? `The report highlights where performance is good and where there is a need to improve. The ${focusTitles.length === 1 ? 'area for focus is' : `${focusTitles.length} areas for focus are`}:`
        : 'The report highlights where performance is good; no indicator is identified as an area for focus.',
    },
    ...(focusTitles.length ? [{ kind: 'list' as const, items: focusTitles }] : []),
  ];
  const background: Block[] = [
    {
      kind: 'paragraph',
      text: `The reporting period is ${longDate(period.start)} to ${longDate(period.end)}. Year-to-date figures are from ${longDate(period.yearStart)}.`,
    },
    {
      kind: 'paragraph',
      text: report.dataset.asAt
        ? `The figures use data extracted on ${longDate(report.dataset.asAt)} (dataset version ${report.dataset.id}).`
        : `The figures use dataset version ${report.dataset.id}.`,
    },
    {
      kind: 'paragraph',
      text: 'Where indicators are reported annually, quarterly updates will not be available.',
    },
    ...(narrative.annualSentence ? [{ kind: 'paragraph' as const, text: narrative.annualSentence }] : []),
  ];

  const narrativeSection = (blocks: NarrativeBlock[], extra: Block[]): Block[] => {
    if (!opts.minutesStyle) return [...blocks, ...extra];
    const joined: Block[] = blocks.length
      ? [{ kind: 'paragraph', text: minutesStyle(blocks.map((b) => b.text)) }]
      : [];
    const actions = blocks.filter((b) => b.action || b.commentary || b.outsideControl);
    return [...joined, ...actions.map((b) => ({ ...b, text: '' })), ...extra];
  };
  const unpublished: Block[] = narrative.unpublished.length
    ? [
        { kind: 'heading', text: 'Figures not published' },
        ...narrative.unpublished.map((t) => ({ kind: 'paragraph' as const, text: t })),
      ]
    : [];

  const sections: Section[] = [
    {
      id: 'purpose',
      heading: 'Purpose of the report',
      blocks: [
        {
          kind: 'paragraph',
          text: 'To provide Members with an update on performance against key performance indicators.',
        },
      ],
      newPage: false,
      landscape: false,
    },
    { id: 'summary', heading: 'Summary', blocks: summary, newPage: false, landscape: false },
    {
      id: 'recommendation',
      heading: 'Recommendation',
      blocks: [
        {
          kind: 'paragraph',
          text: `Members are asked to note the performance information for ${label}${opts.scrutinyLimb ? ' and to scrutinise areas where expected levels of performance are not being met' : ''}.`,
        },
      ],
      newPage: false,
      landscape: false,
    },
    { id: 'background', heading: 'Background', blocks: background, newPage: false, landscape: false },
    {
      id: 'performing-well',
      heading: 'Where we are performing well',
      blocks: well.length
        ? narrativeSection(well, [])
        : [{ kind: 'paragraph', text: 'No indicator is in this section this quarter.' }],
      newPage: false,
      landscape: false,
    },
    {
      id: 'areas-for-focus',
      heading: 'Areas for focus',
      blocks: [
        ...(focus.length
          ? narrativeSection(focus, [])
          : [{ kind: 'paragraph' as const, text: 'No indicator is an area for focus this quarter.' }]),
        ...unpublished,
      ],
      newPage: false,
      landscape: false,
    },
    {
      id: 'appendix-a',
      heading: 'Appendix A: Scorecard',
      blocks: scorecardBlocks(views, opts, short),
      newPage: true,
      landscape: true,
    },
    {
      id: 'appendix-b',
      heading: "Appendix B: Members' questions",
      blocks: membersQuestionsBlocks(views, opts, period.id, short),
      newPage: true,
      landscape: false,
    },
    {
      id: 'appendix-c',
      heading: 'Appendix C: Definitions',
      blocks: definitionsBlocks(views, report.settings),
      newPage: true,
      landscape: false,
    },
    {
      id: 'appendix-d',
      heading: 'Appendix D: Data notes',
      blocks: dataNotesBlocks(report, views, opts),
      newPage: true,
      landscape: false,
    },
  ];

  return {
    meta: {
      title: `Performance Indicators ${label}`,
      periodId: period.id,
      periodLabel: label,
      la: report.la,
      laName: opts.laName,
      committee: opts.committee,
      meetingDate: opts.meetingDate,
      authorLine: opts.authorLine,
      public: opts.public,
      marking: opts.public ? 'PUBLIC' : 'EXEMPT',
      exemptLine: opts.public ? null : EXEMPT_LINE,
      edition: opts.edition,
      generatedAt: opts.generatedAt,
      datasetVersion: report.dataset.id,
      softwareVersion: opts.softwareVersion,
    },
    sections,
    rows: dataRows(report, views, opts),
    narrative: {
      performingWell: well.map((b) => ({ ids: b.ids, text: b.text, generated: b.generated })),
      areasForFocus: focus.map((b) => ({ ids: b.ids, text: b.text, generated: b.generated })),
      unpublished: narrative.unpublished,
      annual: narrative.annualSentence,
    },
  };
}

/** The summary's words for each reason a figure is not rated ({@link notRatedReason}), in the order given. */
const NOT_RATED_WORDS: readonly (readonly [string, string])[] = [
  ['no polarity', 'with no polarity (a count or share without a judgement)'],
  ['no target', 'with no target'],
  ['reported annually', 'reported annually'],
  ['no eligible cases', 'with no eligible cases'],
  ['not available', 'not available'],
  ['small numbers', 'not published (small numbers)'],
];

/**
 * The summary's sentence on figures not rated (report.md §2 item 1 "RAG counts"), naming the reasons that
 * apply with their counts, "4 of the 24 indicators are not rated: 3 with no polarity (…) and 1 with no
 * target." It listed every possible reason whatever applied ("no target, reported annually, not available"
 * beside no annual indicator).
 * @example notRatedSentence([], 24) //=> 'All 24 indicators are rated.'
 */
export function notRatedSentence(notRated: readonly IndicatorView[], total: number): string {
  if (notRated.length === 0) return `All ${total} indicators are rated.`;
  const parts = NOT_RATED_WORDS.flatMap(([reason, words]) => {
    const n = notRated.filter((v) => notRatedReason(v) === reason).length;
    return n > 0 ? [`${n} ${words}`] : [];
  });
  return `${notRated.length} of the ${total} indicators ${notRated.length === 1 ? 'is' : 'are'} not rated: ${listProse(parts)}.`;
}
