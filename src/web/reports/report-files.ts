import type { Browser } from 'playwright-core';
import { INDICATORS } from '../../indicators/registry.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { type Commentary, NO_COMMENTARY } from '../../report/commentary/commentary.js';
import { latestEdition, loadEdition } from '../../report/edition/edition-store.js';
import { type Restatement, restatements } from '../../report/edition/restatement.js';
import { buildRenderModel } from '../../report/model/build-render-model.js';
import type { RenderModel } from '../../report/model/render-model.js';
import { defaultReportOptions } from '../../report/model/report-options.js';
import { renderOutput } from '../../report/render/render-output.js';
import type { Database } from '../../store/database.js';
import type { ReportExtras } from '../services.js';
import type { LaGroups } from '../../hub/la-groups.js';
import { editionModel } from '../../report/edition/edition-model.js';
import { SOFTWARE_VERSION } from '../../report/edition/software-version.js';
import { storeComparisons } from '../../report/edition/store-comparisons.js';
import { suppressionRuleOf } from '../../report/public/suppression-rule.js';
import { DEFAULT_SUPPRESSION, type SuppressionRule } from '../../report/public/suppression.js';
import { type DatasetIdentifiers, identifiersOfMembers } from '../../report/public/dataset-identifiers.js';
import { type Breach, rescanPublicOutputs } from '../../report/public/rescan.js';
import { renderHtml } from '../../report/render/html.js';
import { renderPdf } from '../../report/render/pdf.js';
import {
  type EditionVersion,
  editionOutput,
  loadEditionOutput,
  needsCheck,
  rerenderNotice,
  rerenderedOutput,
  servedDocument,
} from '../../report/edition/edition-outputs.js';

/** The formats the reports page offers. */
export type ReportFormat = 'html' | 'pdf' | 'docx';

export const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  html: 'HTML',
  pdf: 'PDF',
  docx: 'Word (DOCX)',
};

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A rendered report file. */
export interface ReportFile {
  readonly contentType: string;
  readonly filename: string;
  readonly body: Buffer;
}

/**
 * The render model of a draft: the report module's model of the figures the dashboard shows (engine
 * ratings against the stored targets), with restatements against the period's latest edition, earlier
 * periods' figures restated since their editions ("r") and the benchmarks between the LAs loaded, as
 * `cspi report --period` builds it. `commentary` is the officers' commentary in force (the newest stored
 * entry per indicator, `latestCommentary`); the public version drops internal entries (`indicatorViews`).
 * @example const model = await draftModel(db, report, { public: true, laName: 'Darlington', now: new Date(), groups })
 */
export async function draftModel(
  db: Database,
  report: IndicatorReport,
  opts: {
    readonly public: boolean;
    readonly laName: string;
    readonly now: Date;
    readonly extras?: ReportExtras | null;
    readonly groups: LaGroups;
    readonly commentary?: Commentary;
  },
): Promise<RenderModel> {
  const restated = await draftRestatements(db, report);
  const compared = await storeComparisons(db, report, opts.groups);
  return buildRenderModel(
    report,
    INDICATORS,
    defaultReportOptions({
      public: opts.public,
      laName: opts.laName,
      commentary: opts.commentary ?? NO_COMMENTARY,
      generatedAt: opts.now.toISOString(),
      softwareVersion: SOFTWARE_VERSION,
      restatements: restated,
      earlierRestatements: compared.earlierRestatements,
      hubBenchmarks: compared.hubBenchmarks,
      datasetSources: compared.datasetSources,
      suppression: draftSuppression(report),
      ...(opts.extras ? { membersQuestions: opts.extras.membersQuestions } : {}),
    }),
  );
}

/**
 * The period's figures restated since its latest edition (report.md §8), as the dashboard's draft lists them
 * and its Publish button freezes them in a new edition of the period: figures, without the children moved.
 * @example await draftRestatements(db, report) //=> [] when the period was never published
 */
export async function draftRestatements(db: Database, report: IndicatorReport): Promise<Restatement[]> {
  const e = await latestEdition(db, report.la, report.period.id);
  return e ? restatements(e.frozen.report, report, e.id) : [];
}

/** A draft's small-number rule: the settings' (`suppression.k`), the default when they cannot be used. */
export function draftSuppression(report: Pick<IndicatorReport, 'settings'>): SuppressionRule {
  const rule = suppressionRuleOf(report.settings);
  return rule.ok ? rule.rule : DEFAULT_SUPPRESSION;
}

/**
 * The render model of a published edition, as `cspi report --edition ID` builds it (the same function), or
 * null when the LA has no such edition. Its HTML is the published one only while the software renders as it
 * did then: downloads serve the kept documents ({@link editionFile}).
 */
export async function editionRenderModel(
  db: Database,
  la: string,
  id: string,
  publicVersion: boolean,
): Promise<RenderModel | null> {
  const e = await loadEdition(db, id);
  if (!e || e.la !== la) return null;
  return editionModel(e, publicVersion);
}

/** A published edition's download, and notices when it cannot be shown to be the published document. */
export interface EditionDownload {
  readonly file: ReportFile;
  readonly notices: readonly string[];
}

/** A public re-render of an edition that is not its published document and fails the publication check. */
export interface EditionRerenderRefused {
  /** The output re-rendered (`public.html`, `public.docx`). */
  readonly output: string;
  readonly breaches: readonly Breach[];
}

/**
 * A download of a published edition as `cspi report --edition ID` writes it (report.md §8, the reading in
 * docs/spec-readings.md): the HTML is the document kept when it was published, checked against its frozen
 * hash ({@link editionOutput}; a mismatch throws `EditionOutputCorrupted` and nothing is served), and the
 * PDF is printed from that HTML; an edition published before its documents were kept is re-rendered, with a
 * notice when the re-render's hash differs from the published one. The DOCX is the Word document kept
 * when it was published ({@link servedDocument}, checked the same way; an edition published before Word
 * documents were kept has it rendered from its frozen model by the software installed now). Null when the
 * LA has no such edition.
 * The published document is never put through the publication check again (the check applies when
 * publishing, report.md §6; a check added since does not refuse the record of what was published); a
 * public re-render that is not the published document ({@link needsCheck}) is a new document, checked as a
 * draft is, for small numbers and the child ids frozen behind the edition's figures, and refused
 * ({@link EditionRerenderRefused}) on a breach, as `cspi report --edition --public` refuses it.
 */
export async function editionFile(
  db: Database,
  la: string,
  id: string,
  version: EditionVersion,
  format: ReportFormat,
  browser?: () => Promise<Browser>,
): Promise<EditionDownload | EditionRerenderRefused | null> {
  const e = await loadEdition(db, id);
  if (!e || e.la !== la) return null;
  const name = `${id}-${version}`;
  const recheck = async (output: 'html' | 'docx', body: string | Buffer) => {
    if (version !== 'public') return null;
    const breaches = await rescanPublicOutputs(
      editionModel(e, true),
      new Map([[output, body]]),
      e.frozen.options.suppression,
      identifiersOfMembers(e.frozen.members),
    );
    return breaches.length > 0 ? { output: `${version}.${output}`, breaches } : null;
  };
  if (format === 'docx') {
    const doc = await servedDocument(db, e, version);
    const refused = doc.kept ? null : await recheck('docx', doc.body);
    return refused ?? { file: namedFile(format, name, doc.body), notices: [] };
  }
  const html = await editionOutput(db, e, version, 'html');
  const refused = needsCheck(html) ? await recheck('html', html.body) : null;
  if (refused) return refused;
  const body =
    format === 'html'
      ? Buffer.from(html.body)
      : await renderPdf(
          editionModel(e, version === 'public'),
          browser ? await browser() : undefined,
          html.body,
        );
  return { file: namedFile(format, name, body), notices: html.notice ? [html.notice] : [] };
}

/**
 * For the reports page: why the HTML (and so the PDF) downloads of an edition cannot be shown to be the
 * published documents, per version offered: only an edition published before its documents were kept
 * whose re-render's hash differs from the published one ({@link rerenderNotice}).
 */
export async function editionNotices(
  db: Database,
  la: string,
  id: string,
  versions: readonly EditionVersion[],
): Promise<string[]> {
  const notices: string[] = [];
  for (const version of versions) {
    if ((await loadEditionOutput(db, id, version, 'html')) !== undefined) continue;
    const e = await loadEdition(db, id);
    if (!e || e.la !== la) return [];
    const notice = rerenderNotice(e, version, 'html', rerenderedOutput(e, version, 'html'));
    if (notice) notices.push(notice);
  }
  return notices;
}

const namedFile = (format: ReportFormat, name: string, body: Buffer): ReportFile => ({
  contentType: CONTENT_TYPES[format],
  filename: `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`,
  body,
});

/**
 * Renders a model as a download named after the edition (or the draft's period) and version.
 * @example await reportFile(model, 'docx', 'Q3-draft-public') //=> { contentType: 'application/vnd…', filename: 'Q3-draft-public.docx', body }
 */
export async function reportFile(
  model: RenderModel,
  format: ReportFormat,
  name: string,
  browser?: () => Promise<Browser>,
): Promise<ReportFile> {
  const body = await renderOutput(model, format, format === 'pdf' && browser ? await browser() : undefined);
  return namedFile(format, name, body);
}

/** A public draft's file, or the publication check's breaches that refuse it. */
export type PublicDraftFile =
  | { readonly ok: true; readonly file: ReportFile }
  | { readonly ok: false; readonly breaches: readonly Breach[] };

/**
 * A download of the public version of a draft, checked first as `cspi report --public` and publishing check
 * it (report.md §6 "every public output … is rescanned before publication. Any breach fails it"): the file
 * served, by its format (a DOCX by its text), for small figures and for the child-level identifiers of
 * the dataset (`identifiers`); a PDF by the HTML it is printed from, before it is printed. A public draft
 * is published the moment it is downloaded (it can be forwarded), so a breach refuses it.
 * @example const out = await publicDraftFile(model, 'html', 'Q3-draft-public', { rule, identifiers })
 */
export async function publicDraftFile(
  model: RenderModel,
  format: ReportFormat,
  name: string,
  check: { readonly rule: SuppressionRule; readonly identifiers: DatasetIdentifiers },
  browser?: () => Promise<Browser>,
): Promise<PublicDraftFile> {
  if (format === 'pdf') {
    const html = new Map([['html' as const, renderHtml(model)]]);
    const breaches = await rescanPublicOutputs(model, html, check.rule, check.identifiers);
    if (breaches.length > 0) return { ok: false, breaches };
    return { ok: true, file: await reportFile(model, format, name, browser) };
  }
  const file = await reportFile(model, format, name, browser);
  const breaches = await rescanPublicOutputs(
    model,
    new Map([[format, file.body]]),
    check.rule,
    check.identifiers,
  );
  return breaches.length > 0 ? { ok: false, breaches } : { ok: true, file };
}
