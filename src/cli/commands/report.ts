import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Browser } from 'playwright-core';
import { parsePeriod } from '../../calendar/period.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { computeIndicatorResult } from '../../indicators/engine/indicator-result.js';
import { INDICATORS } from '../../indicators/registry.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { FrozenMember, FrozenMembers } from '../../report/edition/frozen-members.js';
import { freezeMembers, recordIndex } from '../../report/edition/frozen-members.js';
import type { Restatement } from '../../report/edition/restatement.js';
import type { MembersQuestionsFigures } from '../../report/model/members-questions-figures.js';
import { membersQuestionsFigures } from '../../report/model/members-questions-figures.js';
import { launchBrowser } from '../../report/render/browser.js';
import type { OutputFormat } from '../../report/render/render-output.js';
import { loadDatasetVersion } from '../../store/load-dataset.js';
import { reportRequestFor } from '../indicator-config.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { NO_COMMENTARY } from '../../report/commentary/commentary.js';
import type { Commentary } from '../../report/commentary/commentary.js';
import { parseCommentary } from '../../report/commentary/parse-commentary.js';
import {
  type StoredCommentary,
  staleCommentaryProblem,
  storedCommentary,
} from '../../report/commentary/commentary-store.js';
import { type EditionRecord, latestEdition, loadEdition } from '../../report/edition/edition-store.js';
import {
  EditionOutputCorrupted,
  KEPT_FORMATS,
  editionOutput,
  needsCheck,
  servedDocument,
} from '../../report/edition/edition-outputs.js';
import { renderPdf } from '../../report/render/pdf.js';
import type { Database } from '../../store/database.js';
import { editionModel } from '../../report/edition/edition-model.js';
import { SOFTWARE_VERSION } from '../../report/edition/software-version.js';
import { type StoreComparisons, storeComparisons } from '../../report/edition/store-comparisons.js';
import { loadLaGroups } from '../../hub/la-groups.js';
import type { SuppressionRule } from '../../report/public/suppression.js';
import { suppressionRuleOf } from '../../report/public/suppression-rule.js';
import { restatements } from '../../report/edition/restatement.js';
import { buildRenderModel, missingFromCatalogue } from '../../report/model/build-render-model.js';
import type { RenderModel } from '../../report/model/render-model.js';
import type { ReportOptions } from '../../report/model/report-options.js';
import { defaultReportOptions } from '../../report/model/report-options.js';
import { snGroupAmong } from '../../report/model/hub-benchmarks.js';
import { rescanPublicOutputs } from '../../report/public/rescan.js';
import {
  type DatasetIdentifiers,
  NO_IDENTIFIERS,
  datasetIdentifiers,
  identifiersOfMembers,
} from '../../report/public/dataset-identifiers.js';
import { formatOf, renderOutput } from '../../report/render/render-output.js';
import { openDatabase } from '../../store/open.js';
import { storeDatasetSource } from '../dataset-source.js';
import { UserError } from '../user-error.js';
import { fileProblem, readProblem } from '../main.js';
import { parseIsoDate } from '../../calendar/iso-date.js';
import { createOutput } from '../output.js';
import { laCode } from '../../ingest/la-code.js';

/**
 * How the report's reads open the store: they write nothing, so a file this user cannot write (a shared
 * read-only copy) is read as it is (`cspi publish` writes its edition through its own, writable, open).
 */
const READ_ONLY = { mustExist: true, readOnlyIfUnwritable: true } as const;
/** Options shared by `cspi report` and `cspi publish`. */
export interface ReportCommandOptions {
  readonly period: string;
  readonly la?: string;
  readonly db?: string;
  readonly dataset?: string;
  readonly out?: string | readonly string[];
  readonly targets?: string;
  readonly settings?: string;
  readonly groups?: string;
  readonly public?: boolean;
  readonly commentary?: string;
  readonly edition?: string;
  readonly committee?: string;
  readonly meetingDate?: string;
  readonly author?: string;
  readonly laName?: string;
  readonly scrutinise?: boolean;
  readonly json?: boolean;
}

/** Reads and checks a commentary file. */
export async function readCommentary(path: string | undefined): Promise<Commentary> {
  if (!path) return NO_COMMENTARY;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read the commentary file ${path}${readProblem(err)}`, 2, 'COMMENTARY-FILE');
  }
  const parsed = parseCommentary(
    text,
    INDICATORS.map((d) => d.id),
  );
  if (!parsed.ok)
    throw new UserError(
      parsed.issues.map((i) => `${path}: ${i.code} ${i.message}`).join('\n'),
      2,
      'COMMENTARY-FILE',
    );
  return parsed.value;
}

/**
 * The commentary a report carries (report.md §5 "Editing"): the `--commentary` file when one is given, read
 * first by {@link readCommentary} (it overrides, as a `--targets` file overrides the targets set on the
 * dashboard); otherwise what officers wrote on the dashboard for the report's LA and period
 * ({@link storedCommentary}: the newest entry per indicator, its history and the indicators whose
 * commentary is stale), as the dashboard's drafts and Publish button take it. A file has no history and
 * nothing stale.
 */
export async function commentaryFor(
  report: IndicatorReport,
  opts: ReportCommandOptions,
  file: Commentary | null,
): Promise<StoredCommentary> {
  if (file) return { commentary: file, history: [], stale: [] };
  const db = await openDatabase(opts.db, READ_ONLY);
  try {
    return await storedCommentary(db, report, null);
  } finally {
    await db.close();
  }
}

/** Everything a report needs from the engine, computed once and rendered in every format asked for. */
export interface ComputedReport {
  /** The headline figures (the `cspi indicators --json` document). */
  readonly report: IndicatorReport;
  /** Appendix B's further engine runs (last year's sources, both timeliness bases, missing). */
  readonly membersQuestions: MembersQuestionsFigures;
  /** The children in each numerator and denominator, frozen by `cspi publish`, never rendered. */
  readonly members: FrozenMembers;
  /** The dataset computed from (for restatement reasons). */
  readonly data: LaDataset;
  /** The comparator group shown as the statistical-neighbour average, when one was loaded. */
  readonly snKey: string | null;
  /** The public version's small-number rule, from the settings (report.md §6). */
  readonly suppression: SuppressionRule;
}

/**
 * The comparator group of a groups file shown as the "SN average": statistical neighbours by name, the LA's
 * own when the file names one per LA (`statistical-neighbours:841`, {@link snGroupAmong}).
 */
export function snGroup(groups: Readonly<Record<string, unknown>> | undefined, la?: string): string | null {
  return snGroupAmong(Object.keys(groups ?? {}), la);
}

/**
 * Computes every indicator of an LA and period from the store's current dataset version (or `--dataset`),
 * with the `--targets`, `--settings` and `--groups` files, keeping each indicator's members; then the
 * Appendix B figures. One computation serves every output format.
 */
export async function computeFromStore(opts: ReportCommandOptions): Promise<ComputedReport> {
  const period = parsePeriod(opts.period);
  const source = await storeDatasetSource(opts.db, opts.dataset, READ_ONLY);
  try {
    const loaded = await source.load(opts.la);
    const req = await reportRequestFor(loaded, period, opts, source);
    const outcomes = INDICATORS.map((d) => computeIndicatorResult(d, req));
    // computeReport with no definitions gives the document's header (stable settings) exactly as cspi indicators.
    const report: IndicatorReport = { ...computeReport(req, []), indicators: outcomes.map((o) => o.result) };
    const rule = suppressionRuleOf(report.settings);
    if (!rule.ok)
      throw new UserError(
        `--settings ${opts.settings ?? ''}: ${rule.issue.message}`.trim(),
        2,
        'CFG-SUPPRESSION',
      );
    const members: Record<string, FrozenMember[]> = {};
    for (const o of outcomes) members[o.result.id] = freezeMembers(o.current.members);
    return {
      report,
      membersQuestions: membersQuestionsFigures(req.input, period, req.settings, INDICATORS),
      members,
      data: loaded.data,
      snKey: snGroup(req.comparatorGroups, report.la),
      suppression: rule.rule,
    };
  } finally {
    await source.close();
  }
}

/** Restatements of the period against its latest edition, with children moved and why (report.md §8). */
export async function restatementsFor(
  computed: ComputedReport,
  opts: ReportCommandOptions,
): Promise<Restatement[]> {
  const { report } = computed;
  const db = await openDatabase(opts.db, READ_ONLY);
  try {
    const e = await latestEdition(db, report.la, report.period.id);
    if (!e) return [];
    const found = restatements(e.frozen.report, report, e.id);
    if (found.length === 0 || !e.frozen.members) return found;
    const published =
      e.datasetId === report.dataset.id
        ? computed.data
        : (await loadDatasetVersion(db, report.la, e.datasetId))?.dataset;
    const changed = new Set(
      INDICATORS.filter(
        (d) => (e.frozen.definitionVersions[d.id] ?? d.definitionVersion) !== d.definitionVersion,
      ).map((d) => d.id),
    );
    return restatements(e.frozen.report, report, e.id, {
      frozen: e.frozen.members,
      current: computed.members,
      publishedRecords: published ? recordIndex(published) : null,
      currentRecords: recordIndex(computed.data),
      definitionChanged: changed,
    });
  } finally {
    await db.close();
  }
}

/**
 * The store's comparisons for a computed report: earlier-period figures restated since their editions
 * ("r") and the benchmarks between the LAs loaded (regions of the LA table and the `--groups` file).
 */
export async function comparisonsFor(
  computed: ComputedReport,
  opts: ReportCommandOptions,
): Promise<StoreComparisons> {
  let groups;
  try {
    groups = loadLaGroups(opts.groups);
  } catch {
    throw new UserError(`--groups ${opts.groups}: cannot read the comparator groups file`, 2, 'GROUPS-FILE');
  }
  const db = await openDatabase(opts.db, READ_ONLY);
  try {
    return await storeComparisons(db, computed.report, groups);
  } finally {
    await db.close();
  }
}

/** Report options from the command line. */
export function optionsFrom(
  opts: ReportCommandOptions,
  commentary: Commentary,
  now: string,
  suppression: SuppressionRule,
): ReportOptions {
  return defaultReportOptions({
    public: opts.public === true,
    suppression,
    ...(opts.committee ? { committee: opts.committee } : {}),
    meetingDate: opts.meetingDate ?? null,
    ...(opts.author ? { authorLine: opts.author } : {}),
    ...(opts.laName ? { laName: opts.laName } : {}),
    scrutinyLimb: opts.scrutinise === true,
    commentary,
    generatedAt: now,
    softwareVersion: SOFTWARE_VERSION,
  });
}

/**
 * Fails publication of public outputs that the rescan finds disclosive under the rule (report.md §6), by
 * format (`rescanPublicOutputs`: a DOCX by its text), or that print a child-level identifier of the dataset
 * (`identifiers`).
 */
export async function checkPublic(
  model: RenderModel,
  outputs: ReadonlyMap<OutputFormat, Buffer>,
  rule: SuppressionRule,
  identifiers: DatasetIdentifiers = NO_IDENTIFIERS,
): Promise<void> {
  if (!model.meta.public) return;
  const breaches = await rescanPublicOutputs(model, outputs, rule, identifiers);
  if (breaches.length) {
    throw new UserError(
      `PUB-CHECK: the public output failed the publication check (${breaches.length} breach(es)); nothing was written:\n${breaches
        .slice(0, 10)
        .map((b) => `  ${b.code} ${b.where}: ${b.detail}`)
        .join('\n')}`,
      1,
    );
  }
}

/** SHA-256 of an output, hex. */
export function sha256(b: Buffer | string): string {
  return createHash('sha256').update(b).digest('hex');
}

/** The output files of `--out` (one or several), each with its format. */
export function outputsOf(
  out: string | readonly string[] | undefined,
): { file: string; format: OutputFormat }[] {
  const files = out === undefined ? [] : typeof out === 'string' ? [out] : out;
  if (files.length === 0)
    throw new UserError('--out is required, e.g. --out report.html (html, pdf, docx, csv or json)');
  return files.map((file) => {
    const format = formatOf(file);
    if (!format) throw new UserError(`--out ${file}: the file must end in .html, .pdf, .docx, .csv or .json`);
    return { file, format };
  });
}

/**
 * Refuses an `--out` file that cannot be written (its folder missing or read-only, the file read-only) before
 * anything is computed or written, in the line `fileProblem` gives: with several `--out` files, one that failed
 * after others were written left a partial set behind an exit 2 ("nothing written").
 * @example checkWritable('no-such-folder/r.html') // throws UserError('cannot use no-such-folder/r.html: no such file or folder; …')
 */
export function checkWritable(file: string): void {
  const path = resolve(file);
  const folder = dirname(path);
  const fail = (code: string): never => {
    throw new UserError(fileProblem({ code, path: file })!);
  };
  if (!existsSync(folder)) fail('ENOENT');
  if (!statSync(folder).isDirectory()) fail('ENOTDIR');
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) fail('EISDIR');
  try {
    accessSync(exists ? path : folder, constants.W_OK);
  } catch (e) {
    fail(typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'EACCES');
  }
}

/** The render model of a draft from a computed report. */
export function draftModel(
  computed: ComputedReport,
  opts: ReportCommandOptions,
  commentary: Commentary,
  now: string,
  restated: readonly Restatement[],
  compared: StoreComparisons = { earlierRestatements: [], hubBenchmarks: null, datasetSources: [] },
): RenderModel {
  return buildRenderModel(computed.report, INDICATORS, {
    ...optionsFrom(opts, commentary, now, computed.suppression),
    restatements: restated,
    earlierRestatements: compared.earlierRestatements,
    hubBenchmarks: compared.hubBenchmarks,
    datasetSources: compared.datasetSources,
    membersQuestions: computed.membersQuestions,
    ...(computed.snKey ? { snKey: computed.snKey } : {}),
  });
}

/**
 * Renders one model in several formats: each format once; the PDF printed by one Chromium (pass a launch
 * already under way, so it overlaps the computation) while the DOCX is built; and every public output
 * rescanned (report.md §6) before anything is returned: the HTML, CSV and JSON first, then the DOCX by its
 * text. The PDF is checked as the HTML it is printed from (`renderPdf` prints `renderHtml` of the same model,
 * the HTML rescanned, always rendered for the public version). `identifiers` are the child-level
 * identifiers of the dataset the report was computed from, which no public output may print.
 */
export async function renderAll(
  model: RenderModel,
  formats: readonly OutputFormat[],
  rule: SuppressionRule,
  browser?: Promise<Browser>,
  identifiers: DatasetIdentifiers = NO_IDENTIFIERS,
): Promise<Map<OutputFormat, Buffer>> {
  const out = new Map<OutputFormat, Buffer>();
  const needed = new Set(formats);
  if (model.meta.public) {
    needed.add('html');
    needed.add('csv');
  }
  for (const f of ['html', 'csv', 'json'] as const) {
    if (needed.has(f)) out.set(f, await renderOutput(model, f));
  }
  await checkPublic(model, out, rule, identifiers);
  const launched = needed.has('pdf') ? (browser ?? launchBrowser()) : undefined;
  try {
    const [pdf, docx] = await Promise.all([
      launched?.then((b) => renderOutput(model, 'pdf', b)),
      needed.has('docx') ? renderOutput(model, 'docx') : undefined,
    ]);
    if (docx) await checkPublic(model, new Map([['docx', docx]]), rule, identifiers);
    if (pdf) out.set('pdf', pdf);
    if (docx) out.set('docx', docx);
  } finally {
    if (launched && !browser) await (await launched).close();
  }
  return out;
}

/**
 * The outputs of a published edition (report.md §8 "`--edition ID` re-renders an edition byte for byte"):
 * the HTML, CSV and JSON are the documents kept when it was published ({@link editionOutput}: checked
 * against the hash frozen with the edition, refused when they differ; an edition published before they
 * were kept is re-rendered, and a re-render whose hash differs from the published one adds a line to
 * `notices`); the PDF is printed from that HTML; the DOCX is the Word document kept when it was published
 * ({@link servedDocument}, checked and refused the same way; an edition published before Word documents
 * were kept has it rendered from its frozen model by the software installed now).
 * A public output that is the published document (kept, or a re-render with the published hash) is served as
 * published and never put through the publication check again: the check applies when publishing (report.md
 * §6), and an edition is the record of what was published, so a check added since (small numbers in words)
 * refused a paper the committee had been given. A public re-render that is not the published document
 * ({@link needsCheck}) is checked as {@link renderAll} checks a draft's.
 */
export async function renderEdition(
  db: Database,
  e: EditionRecord,
  model: RenderModel,
  how: {
    readonly formats: readonly OutputFormat[];
    readonly rule: SuppressionRule;
    readonly browser?: Promise<Browser> | undefined;
    readonly identifiers: DatasetIdentifiers;
    readonly notices: string[];
  },
): Promise<Map<OutputFormat, Buffer>> {
  const version = model.meta.public ? 'public' : 'full';
  const needed = new Set(how.formats);
  if (model.meta.public) {
    needed.add('html');
    needed.add('csv');
  }
  if (needed.has('pdf')) needed.add('html');
  const out = new Map<OutputFormat, Buffer>();
  const unpublished = new Map<OutputFormat, Buffer>();
  let html: string | undefined;
  for (const f of KEPT_FORMATS) {
    if (!needed.has(f)) continue;
    const served = await editionOutput(db, e, version, f).catch((err: unknown) => {
      throw err instanceof EditionOutputCorrupted ? new UserError(err.message, 2) : err;
    });
    if (served.notice) how.notices.push(served.notice);
    if (f === 'html') html = served.body;
    out.set(f, Buffer.from(served.body));
    if (needsCheck(served)) unpublished.set(f, Buffer.from(served.body));
  }
  await checkEditionRerender(e, model, unpublished, how);
  const launched = needed.has('pdf') ? (how.browser ?? launchBrowser()) : undefined;
  try {
    const [pdf, docx] = await Promise.all([
      launched?.then((b) => renderPdf(model, b, html)),
      needed.has('docx') ? keptDocument(db, e, version) : undefined,
    ]);
    if (docx && !docx.kept) await checkEditionRerender(e, model, new Map([['docx', docx.body]]), how);
    if (pdf) out.set('pdf', pdf);
    if (docx) out.set('docx', docx.body);
  } finally {
    if (launched && !how.browser) await (await launched).close();
  }
  return out;
}

/**
 * The publication check of an edition's public outputs re-rendered now (not the published documents), which
 * says so: the edition itself was checked when it was published.
 */
async function checkEditionRerender(
  e: EditionRecord,
  model: RenderModel,
  outputs: ReadonlyMap<OutputFormat, Buffer>,
  how: { readonly rule: SuppressionRule; readonly identifiers: DatasetIdentifiers },
): Promise<void> {
  if (!model.meta.public || outputs.size === 0) return;
  const breaches = await rescanPublicOutputs(model, outputs, how.rule, how.identifiers);
  if (breaches.length)
    throw new UserError(
      `PUB-CHECK: edition ${e.id}: the public output re-rendered by cspi ${SOFTWARE_VERSION} (${[...outputs.keys()].join(', ')}), which is not the published document (its bytes were not kept), failed the publication check (${breaches.length} breach(es)); nothing was written:\n${breaches
        .slice(0, 10)
        .map((b) => `  ${b.code} ${b.where}: ${b.detail}`)
        .join('\n')}`,
      1,
    );
}

/** An edition's kept Word document; a stored one that no longer matches its hash is a user error (exit 2). */
async function keptDocument(
  db: Database,
  e: EditionRecord,
  version: 'public' | 'full',
): Promise<{ readonly body: Buffer; readonly kept: boolean }> {
  return servedDocument(db, e, version).catch((err: unknown) => {
    throw err instanceof EditionOutputCorrupted ? new UserError(err.message, 2) : err;
  });
}

/** The options of a draft that would change what a published edition says, with their flags. */
const DRAFT_ONLY_OPTIONS = [
  ['dataset', '--dataset'],
  ['targets', '--targets'],
  ['settings', '--settings'],
  ['groups', '--groups'],
  ['commentary', '--commentary'],
  ['committee', '--committee'],
  ['meetingDate', '--meeting-date'],
  ['author', '--author'],
  ['laName', '--la-name'],
  ['scrutinise', '--scrutinise'],
] as const satisfies readonly (readonly [keyof ReportCommandOptions, string])[];

/**
 * Why `cspi report --edition ID` cannot serve the edition as asked, in one line, or null. An edition is
 * rendered as published (report.md §8; README "An edition never changes"), so the spec is silent on options
 * beside `--edition`; the reading taken is the clerk's: a `--la` or `--period` naming another LA or period
 * than the edition's is a mistake about which paper this is (another LA's paper is never served under this
 * LA's name), and an option that would change a draft (`--committee`, `--settings`, `--commentary`, …) cannot
 * change a published paper, so it is refused rather than silently ignored. `--public`, `--out` and `--json`
 * choose what is served.
 * @example editionConflict({ period: '', edition: 'e1', la: '840' }, e) //=> "--edition e1 is LA 841's, not 840's: …"
 */
export function editionConflict(
  opts: ReportCommandOptions,
  e: Pick<EditionRecord, 'id' | 'la' | 'period'>,
): string | null {
  if (opts.la !== undefined && opts.la !== e.la)
    return `--edition ${e.id} is LA ${e.la}'s, not ${opts.la}'s: cspi publish --list --la ${opts.la} lists that LA's editions`;
  if (opts.period && opts.period !== e.period)
    return `--edition ${e.id} is of ${e.period}, not ${opts.period}: leave out --period, or give an edition of ${opts.period} (cspi publish --list)`;
  const given = DRAFT_ONLY_OPTIONS.filter(([key]) => opts[key] !== undefined && opts[key] !== false).map(
    ([, flag]) => flag,
  );
  if (given.length)
    return `${given.join(', ')} cannot change a published edition (it is served as published); leave ${given.length === 1 ? 'it' : 'them'} out, or render a draft with --period instead of --edition`;
  return null;
}

/** `cspi report`: renders the committee report for one LA and period in the format of each `--out`. */
export async function runReport(opts: ReportCommandOptions): Promise<void> {
  const out = createOutput(opts.json === true);
  const outputs = outputsOf(opts.out);
  for (const { file } of outputs) checkWritable(file);
  // Chromium starts while the figures are computed (it runs in its own process).
  const browser = outputs.some((o) => o.format === 'pdf') ? launchBrowser() : undefined;
  try {
    await writeReport(opts, outputs, out, browser);
  } finally {
    if (browser) await (await browser).close();
  }
}

async function writeReport(
  opts: ReportCommandOptions,
  outputs: readonly { file: string; format: OutputFormat }[],
  out: ReturnType<typeof createOutput>,
  browser: Promise<Browser> | undefined,
): Promise<void> {
  let model: RenderModel;
  let rule: SuppressionRule;
  let identifiers = NO_IDENTIFIERS;
  let rendered: Map<OutputFormat, Buffer>;
  const notices: string[] = [];
  if (opts.edition) {
    const db = await openDatabase(opts.db, READ_ONLY);
    try {
      const e = await loadEdition(db, opts.edition);
      if (!e) throw new UserError(`--edition ${opts.edition}: no such edition in ${db.location}`);
      const conflict = editionConflict(opts, e);
      if (conflict) throw new UserError(conflict);
      model = editionModel(e, opts.public === true);
      rule = e.frozen.options.suppression;
      if (opts.public === true) {
        // The edition's own dataset version, else the children it froze behind each figure.
        const v = await loadDatasetVersion(db, e.la, e.datasetId);
        identifiers = v ? datasetIdentifiers(v.dataset) : identifiersOfMembers(e.frozen.members);
      }
      rendered = await renderEdition(db, e, model, {
        formats: outputs.map((o) => o.format),
        rule,
        browser,
        identifiers,
        notices,
      });
    } finally {
      await db.close();
    }
    for (const n of notices) process.stderr.write(`warning: ${n}\n`);
  } else {
    parsePeriod(opts.period);
    const file = opts.commentary ? await readCommentary(opts.commentary) : null;
    const computed = await computeFromStore(opts);
    const missing = missingFromCatalogue(computed.report, INDICATORS);
    if (missing.length) throw new UserError(`the catalogue does not describe ${missing.join(', ')}`);
    // A draft carries stale commentary, so it can be checked (as the dashboard's drafts do); it is flagged.
    const { commentary, stale } = await commentaryFor(computed.report, opts, file);
    if (stale.length) {
      // Said on the terminal, and in --json's `notices`: the commentary must be confirmed before publishing.
      const note = `${staleCommentaryProblem(stale, computed.report)} Confirm or change it on the dashboard before publishing.`;
      notices.push(note);
      out.info(`Note: ${note}`);
    }
    const restated = await restatementsFor(computed, opts);
    const compared = await comparisonsFor(computed, opts);
    model = draftModel(computed, opts, commentary, new Date().toISOString(), restated, compared);
    rule = computed.suppression;
    if (opts.public === true) identifiers = datasetIdentifiers(computed.data);
    rendered = await renderAll(
      model,
      outputs.map((o) => o.format),
      rule,
      browser,
      identifiers,
    );
  }
  const results = [];
  for (const { file, format } of outputs) {
    const bytes = rendered.get(format)!;
    await writeFile(file, bytes);
    out.info(
      `Wrote ${file} (${model.meta.title}, ${model.meta.marking}${model.meta.edition ? `, edition ${model.meta.edition}` : ', draft'})`,
    );
    results.push({ file, format, sha256: sha256(bytes) });
  }
  out.result({
    files: results,
    marking: model.meta.marking,
    edition: model.meta.edition,
    ...(notices.length ? { notices } : {}),
    ...(results.length === 1 ? results[0] : {}),
  });
}

/** Registers `cspi report`. */
export function register(program: Command): void {
  program
    .command('report')
    .description('Render the committee report (HTML, PDF, DOCX, CSV or JSON) for one LA and period')
    .option('--period <id>', 'period, e.g. 2021-22-Q3')
    .option('--la <code>', 'LA code (default: the only LA in the store)', laCode)
    .option('--db <url>', 'database: SQLite file path or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--dataset <id>', 'dataset version id (default: the current version)')
    .option(
      '--out <file...>',
      'output file(s): .html, .pdf, .docx, .csv or .json (several share one computation)',
    )
    .option(
      '--targets <file>',
      'targets file for the LA and financial year (JSON or CSV), as cspi indicators',
    )
    .option('--settings <file>', 'indicator settings file (JSON), as cspi indicators')
    .option('--groups <file>', 'comparator groups file: { "statistical-neighbours": ["805", …] }')
    .option('--public', 'the public version (small numbers suppressed, publication check)')
    .option(
      '--commentary <file>',
      'officer commentary file (JSON; see src/report/commentary/parse-commentary.ts); default: the commentary written on the dashboard',
    )
    .option(
      '--edition <id>',
      'a published edition: its HTML, CSV, JSON and DOCX as published (the PDF printed from that HTML)',
    )
    .option('--committee <name>', 'committee name')
    .option('--meeting-date <date>', 'meeting date, YYYY-MM-DD', meetingDate)
    .option('--author <line>', 'author line, e.g. "Report of the Director of Children\'s Services"')
    .option('--la-name <name>', 'council name')
    .option(
      '--scrutinise',
      'add "and to scrutinise areas where expected levels of performance are not being met"',
    )
    .option('--json', 'print a JSON summary')
    .action(async (opts: ReportCommandOptions) => {
      if (!opts.period && !opts.edition)
        throw new UserError('--period is required, e.g. --period 2021-22-Q3');
      await runReport(opts);
    });
}

/**
 * The `--meeting-date` option: a real date written YYYY-MM-DD, else a user error (an impossible one was printed
 * on the report as "Meeting: 45 undefined 2021").
 * @example meetingDate('2022-01-12') //=> '2022-01-12'
 */
export function meetingDate(value: string): string {
  const date = parseIsoDate(value.trim());
  if (!date)
    throw new UserError(`--meeting-date must be a date written YYYY-MM-DD, e.g. 2022-01-12 (got "${value}")`);
  return date;
}
