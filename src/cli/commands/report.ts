import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parsePeriod } from '../../calendar/period.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { INDICATORS } from '../../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { NO_COMMENTARY } from '../../report/commentary/commentary.js';
import type { Commentary } from '../../report/commentary/commentary.js';
import { parseCommentary } from '../../report/commentary/parse-commentary.js';
import type { EditionRecord } from '../../report/edition/edition-store.js';
import { latestEdition, loadEdition } from '../../report/edition/edition-store.js';
import { restatements } from '../../report/edition/restatement.js';
import { buildRenderModel, missingFromCatalogue } from '../../report/model/build-render-model.js';
import type { RenderModel } from '../../report/model/render-model.js';
import type { ReportOptions } from '../../report/model/report-options.js';
import { defaultReportOptions } from '../../report/model/report-options.js';
import { rescanPublic } from '../../report/public/rescan.js';
import { formatOf, renderOutput } from '../../report/render/render-output.js';
import { openDatabase } from '../../store/open.js';
import { storeDatasetSource } from './indicators.js';
import { UserError } from '../user-error.js';
import { createOutput } from '../output.js';

/** Options shared by `cspi report` and `cspi publish`. */
export interface ReportCommandOptions {
  readonly period: string;
  readonly la?: string;
  readonly db?: string;
  readonly dataset?: string;
  readonly out?: string;
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

export const SOFTWARE_VERSION = '0.1.0';

/** Reads and checks a commentary file. */
export async function readCommentary(path: string | undefined): Promise<Commentary> {
  if (!path) return NO_COMMENTARY;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`cannot read the commentary file ${path}`);
  }
  const parsed = parseCommentary(
    text,
    INDICATORS.map((d) => d.id),
  );
  if (!parsed.ok) throw new UserError(parsed.issues.map((i) => `${path}: ${i.code} ${i.message}`).join('\n'));
  return parsed.value;
}

/** Computes the IndicatorReport of an LA and period from the store's current dataset version. */
export async function computeFromStore(opts: ReportCommandOptions): Promise<IndicatorReport> {
  const period = parsePeriod(opts.period);
  const source = await storeDatasetSource(opts.db, opts.dataset);
  try {
    const loaded = await source.load(opts.la);
    return computeReport(
      {
        input: buildIndicatorInput(loaded.data),
        period,
        settings: DEFAULT_SETTINGS,
        targets: null,
        dataset: { id: loaded.id, hash: loaded.hash, asAt: loaded.asAt },
        comparatorGroups: {},
      },
      INDICATORS,
    );
  } finally {
    await source.close();
  }
}

/** Report options from the command line. */
export function optionsFrom(opts: ReportCommandOptions, commentary: Commentary, now: string): ReportOptions {
  return defaultReportOptions({
    public: opts.public === true,
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

/** Re-renders a published edition from its frozen figures, options and commentary, timestamped at publication. */
export function editionModel(e: EditionRecord, publicVersion: boolean): RenderModel {
  const f = e.frozen;
  return buildRenderModel(
    f.report,
    INDICATORS,
    defaultReportOptions({
      ...f.options,
      public: publicVersion,
      commentary: f.commentary,
      edition: e.id,
      generatedAt: e.publishedAt,
      softwareVersion: e.softwareVersion,
    }),
  );
}

/** Fails publication of a public output that the rescan finds disclosive (report.md §6). */
export function checkPublic(model: RenderModel, outputs: readonly string[]): void {
  if (!model.meta.public) return;
  const breaches = rescanPublic(model, outputs, { k: 5, complement: true });
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

/** `cspi report`: renders the committee report for one LA and period in the format of `--out`. */
export async function runReport(opts: ReportCommandOptions): Promise<void> {
  const out = createOutput(opts.json === true);
  if (!opts.out)
    throw new UserError('--out is required, e.g. --out report.html (html, pdf, docx, csv or json)');
  const format = formatOf(opts.out);
  if (!format)
    throw new UserError(`--out ${opts.out}: the file must end in .html, .pdf, .docx, .csv or .json`);
  let model: RenderModel;
  if (opts.edition) {
    const db = await openDatabase(opts.db);
    try {
      const e = await loadEdition(db, opts.edition);
      if (!e) throw new UserError(`--edition ${opts.edition}: no such edition in ${db.location}`);
      model = editionModel(e, opts.public === true);
    } finally {
      await db.close();
    }
  } else {
    parsePeriod(opts.period);
    const commentary = await readCommentary(opts.commentary);
    const report = await computeFromStore(opts);
    const missing = missingFromCatalogue(report, INDICATORS);
    if (missing.length) throw new UserError(`the catalogue does not describe ${missing.join(', ')}`);
    const db = await openDatabase(opts.db);
    let restated: ReturnType<typeof restatements> = [];
    try {
      const e = await latestEdition(db, report.la, report.period.id);
      if (e) restated = restatements(e.frozen.report, report, e.id);
    } finally {
      await db.close();
    }
    model = buildRenderModel(report, INDICATORS, {
      ...optionsFrom(opts, commentary, new Date().toISOString()),
      restatements: restated,
    });
  }
  const bytes = await renderOutput(model, format);
  if (format === 'html' || format === 'csv' || format === 'json')
    checkPublic(model, [bytes.toString('utf8')]);
  else
    checkPublic(model, [
      (await renderOutput(model, 'html')).toString('utf8'),
      (await renderOutput(model, 'csv')).toString('utf8'),
    ]);
  await writeFile(opts.out, bytes);
  out.info(
    `Wrote ${opts.out} (${model.meta.title}, ${model.meta.marking}${model.meta.edition ? `, edition ${model.meta.edition}` : ', draft'})`,
  );
  out.result({
    file: opts.out,
    format,
    marking: model.meta.marking,
    edition: model.meta.edition,
    sha256: sha256(bytes),
  });
}

/** Registers `cspi report`. */
export function register(program: Command): void {
  program
    .command('report')
    .description('Render the committee report (HTML, PDF, DOCX, CSV or JSON) for one LA and period')
    .option('--period <id>', 'period, e.g. 2021-22-Q3')
    .option('--la <code>', 'LA code (default: the only LA in the store)')
    .option('--db <url>', 'database: SQLite file path or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--dataset <id>', 'dataset version id (default: the current version)')
    .option('--out <file>', 'output file: .html, .pdf, .docx, .csv or .json')
    .option('--public', 'the public version (small numbers suppressed, publication check)')
    .option(
      '--commentary <file>',
      'officer commentary file (JSON; see src/report/commentary/parse-commentary.ts)',
    )
    .option('--edition <id>', 're-render a published edition from its frozen figures')
    .option('--committee <name>', 'committee name')
    .option('--meeting-date <date>', 'meeting date, YYYY-MM-DD')
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
