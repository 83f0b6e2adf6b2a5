import type { Command } from 'commander';
import { INDICATORS } from '../../indicators/registry.js';
import type { EditionRecord } from '../../report/edition/edition-store.js';
import { saveEdition } from '../../report/edition/edition-store.js';
import { buildRenderModel } from '../../report/model/build-render-model.js';
import { renderCsv, renderJson } from '../../report/render/csv.js';
import { renderHtml } from '../../report/render/html.js';
import { openDatabase } from '../../store/open.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import type { ReportCommandOptions } from './report.js';
import {
  SOFTWARE_VERSION,
  checkPublic,
  computeFromStore,
  optionsFrom,
  readCommentary,
  sha256,
} from './report.js';

/**
 * `cspi publish`: freezes a period's report as an immutable edition (report.md §8): the IndicatorReport
 * (figures, RAG, direction, targets, tolerances, settings, dataset version), definition versions, report
 * options, commentary, the final narrative, Appendix B's figures, the children in each numerator and
 * denominator (held internally, never rendered), the software version and the hashes of the HTML/CSV/JSON outputs
 * (public and full). The public outputs must pass the publication check first.
 */
export async function runPublish(opts: ReportCommandOptions): Promise<EditionRecord> {
  const commentary = await readCommentary(opts.commentary);
  const computed = await computeFromStore(opts);
  const { report } = computed;
  const publishedAt = new Date().toISOString();
  const id = `${report.la}-${report.period.id}-${publishedAt.replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  const base = { ...optionsFrom(opts, commentary, publishedAt), edition: id };
  const hashes: Record<string, string> = {};
  let narrative = null;
  for (const pub of [true, false]) {
    const model = buildRenderModel(report, INDICATORS, {
      ...base,
      public: pub,
      membersQuestions: computed.membersQuestions,
      ...(computed.snKey ? { snKey: computed.snKey } : {}),
    });
    const html = renderHtml(model);
    const csv = renderCsv(model);
    const json = renderJson(model);
    if (pub) checkPublic(model, [html, csv, json]);
    const tag = pub ? 'public' : 'full';
    hashes[`${tag}.html`] = sha256(html);
    hashes[`${tag}.csv`] = sha256(csv);
    hashes[`${tag}.json`] = sha256(json);
    if (!pub) narrative = model.narrative;
  }
  const record: EditionRecord = {
    id,
    la: report.la,
    period: report.period.id,
    publishedAt,
    publishedBy: commentary.author,
    datasetId: report.dataset.id,
    datasetHash: report.dataset.hash,
    softwareVersion: SOFTWARE_VERSION,
    frozen: {
      report,
      definitionVersions: Object.fromEntries(INDICATORS.map((d) => [d.id, d.definitionVersion])),
      options: {
        public: false,
        committee: base.committee,
        meetingDate: base.meetingDate,
        authorLine: base.authorLine,
        laName: base.laName,
        suppression: base.suppression,
        inLineBand: base.inLineBand,
      },
      commentary,
      narrative: narrative!,
      membersQuestions: computed.membersQuestions,
      ...(computed.snKey ? { snKey: computed.snKey } : {}),
      members: computed.members,
    },
    outputHashes: hashes,
  };
  const db = await openDatabase(opts.db);
  try {
    await saveEdition(db, record);
  } finally {
    await db.close();
  }
  return record;
}

/** Registers `cspi publish`. */
export function register(program: Command): void {
  program
    .command('publish')
    .description('Publish a period: freeze its figures, commentary and settings as an immutable edition')
    .option('--period <id>', 'period, e.g. 2021-22-Q3')
    .option('--la <code>', 'LA code (default: the only LA in the store)')
    .option('--db <url>', 'database: SQLite file path or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--dataset <id>', 'dataset version id (default: the current version)')
    .option('--commentary <file>', 'officer commentary file (JSON)')
    .option(
      '--targets <file>',
      'targets file for the LA and financial year (JSON or CSV), as cspi indicators',
    )
    .option('--settings <file>', 'indicator settings file (JSON), as cspi indicators')
    .option('--groups <file>', 'comparator groups file: { "statistical-neighbours": ["805", …] }')
    .option('--committee <name>', 'committee name')
    .option('--meeting-date <date>', 'meeting date, YYYY-MM-DD')
    .option('--author <line>', 'author line')
    .option('--la-name <name>', 'council name')
    .option('--json', 'print the edition id and hashes as JSON')
    .action(async (opts: ReportCommandOptions) => {
      if (!opts.period) throw new UserError('--period is required, e.g. --period 2021-22-Q3');
      const out = createOutput(opts.json === true);
      const e = await runPublish(opts);
      out.info(
        `Published edition ${e.id} (${e.la} ${e.period}, dataset ${e.datasetId}). Re-render with cspi report --edition ${e.id} --out FILE`,
      );
      out.result({
        edition: e.id,
        la: e.la,
        period: e.period,
        dataset: e.datasetId,
        outputHashes: e.outputHashes,
      });
    });
}
