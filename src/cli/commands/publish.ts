import type { Command } from 'commander';
import type { EditionRecord, EditionSummary } from '../../report/edition/edition-store.js';
import {
  type RestatedSince,
  editionsRestatedSince,
  restatedSinceLine,
} from '../../report/edition/restated-since.js';
import { DEFAULT_SUPPRESSION } from '../../report/public/suppression.js';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import { loadFiguresDataset } from '../../store/load-dataset.js';
import { loadSettings } from '../indicator-config.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { headlineFigures } from '../../indicators/engine/compute-report.js';
import { INDICATORS } from '../../indicators/registry.js';
import { parsePeriod } from '../../calendar/period.js';
import { laterEditions, listEditions } from '../../report/edition/edition-store.js';
import { staleCommentaryProblem } from '../../report/commentary/commentary-store.js';
import { publishEdition } from '../../report/edition/publish-edition.js';
import { datasetIdentifiers } from '../../report/public/dataset-identifiers.js';
import type { Database } from '../../store/database.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { openDatabase } from '../../store/open.js';
import { appendAudit } from '../../web/audit/audit-log.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import type { ReportCommandOptions } from './report.js';
import {
  commentaryFor,
  comparisonsFor,
  computeFromStore,
  meetingDate,
  readCommentary,
  restatementsFor,
} from './report.js';
import { laCode } from '../../ingest/la-code.js';
import { commandLineActor } from '../os-user.js';

/**
 * `cspi publish`: freezes a period's report as an immutable edition (report.md §8) through the report
 * module's {@link publishEdition}, the same function the dashboard's Publish button uses: the figures,
 * commentary, committee details, Appendix B's figures, the children behind each figure (never rendered),
 * the earlier-period restatements and hub benchmarks shown, and the output hashes. The public outputs must
 * pass the publication check (with the settings' small-number threshold) first.
 *
 * The commentary is the `--commentary` file's when given, otherwise the commentary written on the dashboard
 * for the LA and period ({@link commentaryFor}); then, as the dashboard's Publish button, a period whose
 * stored commentary is stale (report.md §5 "Editing": its figure changed since it was written or last
 * confirmed) is refused, naming the indicators, and the commentary's history is frozen with the edition.
 * A commentary save that lands between that check and the edition's write refuses it too
 * ({@link publishEdition}'s `COMMENTARY-CHANGED`), so the edition holds exactly the text checked.
 * The edition records who published it as the dashboard's records the signed-in user: `command line (OS user)`
 * ({@link commandLineActor}), the actor of its audit entry, which the reports page and `cspi publish --list`
 * show; a `--commentary` file's `author` is who wrote the commentary, kept with it, not who published.
 * A publication is written to the audit log (`report-publish`), as the dashboard's is, and so is a publish
 * refused (`report-publish-refused`, with the reason's code): every attempt to publish is traced, also one
 * refused before there was a report to publish (a period after the data, a bad --settings, no dataset:
 * {@link auditRefusedEarly}; not audited only when there is no database to hold the audit log).
 *
 * Publishing a period that has an edition already (report.md §8 is silent; docs/spec-readings.md) makes a
 * new edition: the earlier stays as published, the new one freezes its restatements against it (Appendix
 * D, as the draft showed them, {@link restatementsFor}), and is the one later reports compare with; the
 * command says which edition it follows.
 */
export async function runPublish(opts: ReportCommandOptions): Promise<EditionRecord> {
  let file: Awaited<ReturnType<typeof readCommentary>> | null;
  let computed: Awaited<ReturnType<typeof computeFromStore>>;
  try {
    file = opts.commentary ? await readCommentary(opts.commentary) : null;
    computed = await computeFromStore(opts);
  } catch (e) {
    if (e instanceof UserError) await auditRefusedEarly(opts, e.code ?? 'OPTIONS');
    throw e;
  }
  const { commentary, history, stale } = await commentaryFor(computed.report, opts, file);
  if (stale.length) {
    const db = await openDatabase(opts.db, { mustExist: true });
    await auditRefused(db, computed.report, 'COMMENTARY-STALE', { indicators: stale.join(' ') }).finally(() =>
      db.close(),
    );
    throw new UserError(
      `${staleCommentaryProblem(stale, computed.report)} Confirm or change the commentary on the indicator's page of the dashboard (or give the commentary with --commentary FILE), then publish again. Nothing was published.`,
    );
  }
  const compared = await comparisonsFor(computed, opts);
  // Published again: the figures restated since the period's latest edition, as the draft listed them.
  const restated = await restatementsFor(computed, opts);
  const db = await openDatabase(opts.db, { mustExist: true });
  try {
    const out = await publishEdition(db, {
      report: computed.report,
      // Who ran the command, as its audit entry names them (the commentary's author stays in the commentary).
      by: commandLineActor(),
      now: new Date(),
      commentary,
      // From a file: nothing stored was checked. From the store: publish only if it still holds what was checked.
      commentaryHistory: file ? undefined : history,
      details: {
        ...(opts.committee ? { committee: opts.committee } : {}),
        meetingDate: opts.meetingDate ?? null,
        ...(opts.author ? { authorLine: opts.author } : {}),
        ...(opts.laName ? { laName: opts.laName } : {}),
      },
      membersQuestions: computed.membersQuestions,
      members: computed.members,
      snKey: computed.snKey,
      restatements: restated,
      earlierRestatements: compared.earlierRestatements,
      hubBenchmarks: compared.hubBenchmarks,
      datasetSources: compared.datasetSources,
      identifiers: datasetIdentifiers(computed.data),
    });
    if (out.ok) {
      // Audited as the dashboard's Publish button audits it, the command line and the OS user as the actor.
      await appendAudit(db, {
        actor: commandLineActor(),
        ip: null,
        action: 'report-publish',
        la: out.edition.la,
        detail: {
          period: out.edition.period,
          edition: out.edition.id,
          datasetVersion: out.edition.datasetId,
        },
      });
      return out.edition;
    }
    await auditRefused(
      db,
      computed.report,
      out.code,
      out.code === 'PUB-CHECK'
        ? { breaches: out.breaches.length, rules: [...new Set(out.breaches.map((b) => b.code))].join(' ') }
        : {},
    );
    if (out.code === 'CFG-SUPPRESSION') throw new UserError(`--settings: ${out.message}`);
    if (out.code === 'COMMENTARY-CHANGED')
      throw new UserError(`${out.message} Nothing was published; publish again to check and include it.`);
    throw new UserError(
      `PUB-CHECK: the public output failed the publication check (${out.breaches.length} breach(es)); nothing was published:\n${out.breaches
        .slice(0, 10)
        .map((b) => `  ${b.code} ${b.where}: ${b.detail}`)
        .join('\n')}\n${pubCheckNext(computed.report.period.id)}`,
      1,
    );
  } finally {
    await db.close();
  }
}

/**
 * What to do after the publication check refused a publish: the breach is at a position in text an officer
 * wrote (a generated sentence never prints a small number), so change it and publish again.
 * @example pubCheckNext('2021-22-Q3') //=> 'Change the commentary at those positions (on the indicator's page of the dashboard, or in --commentary FILE) …'
 */
export function pubCheckNext(period: string): string {
  return `Change the commentary at those positions (on the indicator's page of the dashboard, or in --commentary FILE), then publish again; cspi report --period ${period} --public --out draft.html runs the same check on a draft.`;
}

/**
 * Audits a publish that wrote no edition (`report-publish-refused`, as the dashboard's Publish button does):
 * the LA, period and the reason's code (and the publication check's rule codes), never a value or text.
 */
async function auditRefused(
  db: Database,
  report: Pick<IndicatorReport, 'la' | 'period'>,
  reason: string,
  more: Readonly<Record<string, string | number>> = {},
): Promise<void> {
  await appendAudit(db, {
    actor: commandLineActor(),
    ip: null,
    action: 'report-publish-refused',
    la: report.la,
    detail: { period: report.period.id, reason, ...more },
  });
}

/**
 * Audits a publish refused before there was a report to publish (`report-publish-refused`, as
 * {@link auditRefused}): a period wholly after the data (`PERIOD-AFTER-DATA`), an unreadable or invalid
 * --settings (`SETTINGS-FILE`, `CFG-SUPPRESSION`), no dataset (`NO-DATASET`), a bad --commentary, --targets or
 * --groups file, … (the {@link UserError}'s code; `OPTIONS` when it has none). The same minimal fields: the
 * OS user, the LA (`--la`, else the store's only LA; none when it cannot be told), the period as typed (cut
 * to 40 characters), the code; never a value, path or message text.
 * Without a database there is no audit log to write to (the store holds it: a --db that does not exist, or
 * one that cannot be opened): the refusal is then not audited, and the command's own error stands.
 */
async function auditRefusedEarly(opts: ReportCommandOptions, reason: string): Promise<void> {
  let db: Database;
  try {
    db = await openDatabase(opts.db, { mustExist: true });
  } catch {
    return; // No audit log to write to: see above.
  }
  try {
    const la =
      opts.la ??
      ((las) => (las.length === 1 ? las[0]!.la : null))(
        await db.all<{ la: string }>('SELECT DISTINCT la FROM dataset_versions'),
      );
    await appendAudit(db, {
      actor: commandLineActor(),
      ip: null,
      action: 'report-publish-refused',
      la,
      detail: { period: (opts.period ?? '').slice(0, 40), reason },
    });
  } finally {
    await db.close();
  }
}

/** The edition of the same LA and period that `e` followed, when the period was published before. */
async function editionBefore(opts: ReportCommandOptions, e: EditionRecord): Promise<string | null> {
  const db = await openDatabase(opts.db, { mustExist: true });
  try {
    for (const [earlier, later] of laterEditions(await listEditions(db, e.la)))
      if (later === e.id) return earlier;
    return null;
  } finally {
    await db.close();
  }
}

/**
 * The LA's listed editions whose figures its current dataset would now give differently
 * ({@link editionsRestatedSince}): the period's figures computed as `cspi report` would compute its draft (the
 * current dataset version, `--settings`; each indicator's headline figure only, {@link headlineFigures}: no
 * previous quarter, last year or trend), once per period, on a version other than the edition's. The command line is an officer's: the full view (figures as published and now; never children).
 */
async function restatedOfLa(
  db: Database,
  la: string,
  editions: readonly EditionSummary[],
  opts: ReportCommandOptions,
): Promise<Map<string, RestatedSince>> {
  const version = (await listDatasetVersions(db, la))[0];
  if (!version || editions.every((e) => e.datasetId === version.id)) return new Map();
  const loaded = await loadFiguresDataset(db, la);
  if (!loaded) return new Map();
  const settings = await loadSettings(opts.settings);
  const input = buildIndicatorInput(loaded.dataset);
  const asAt = loaded.version.extractDate;
  return editionsRestatedSince(
    db,
    editions,
    { id: loaded.version.id, importedAt: loaded.version.createdAt },
    async (period) => {
      const p = parsePeriod(period);
      if (asAt !== null && p.start > asAt) return null; // After the data: nothing to compare.
      return { indicators: headlineFigures({ input, period: p, settings }, INDICATORS) };
    },
    'full',
    () => DEFAULT_SUPPRESSION,
  );
}

/**
 * `cspi publish --list`: the LA's editions, newest first (the list the dashboard's reports page shows), of
 * one period with `--period`; an edition followed by another of its period says so (`publishedAgainAs`),
 * and one whose figures the current dataset would now give differently says which, on which dataset
 * (`restatedSince`, {@link restatedOfLa}).
 */
async function runList(opts: ReportCommandOptions): Promise<void> {
  const out = createOutput(opts.json === true);
  // A period as every command reads it: a mistyped one (2021-22-q3) is refused, never "no edition of it".
  const period = opts.period === undefined ? undefined : parsePeriod(opts.period).id;
  const db = await openDatabase(opts.db, { mustExist: true });
  try {
    const las = opts.la
      ? [opts.la]
      : (await db.all<{ la: string }>('SELECT DISTINCT la FROM editions ORDER BY la')).map((r) => r.la);
    const all = (await Promise.all(las.map((la) => listEditions(db, la)))).flat();
    const later = laterEditions(all);
    const editions = period ? all.filter((e) => e.period === period) : all;
    const restated = new Map<string, RestatedSince>();
    for (const la of new Set(editions.map((e) => e.la)))
      for (const [id, x] of await restatedOfLa(
        db,
        la,
        editions.filter((e) => e.la === la),
        opts,
      ))
        restated.set(id, x);
    for (const e of editions) {
      const next = later.get(e.id);
      out.info(
        `${e.id}  ${e.la} ${e.period}  published ${e.publishedAt}${e.publishedBy ? ` by ${e.publishedBy}` : ''}  dataset ${e.datasetId}${next ? `  (published again as ${next})` : ''}`,
      );
      const x = restated.get(e.id);
      if (x) out.info(`  ${restatedSinceLine(x)}`);
    }
    if (editions.length === 0)
      out.info(period ? `No edition of ${period} has been published.` : 'No edition has been published.');
    out.result({
      editions: editions.map((e) => {
        const x = restated.get(e.id);
        return {
          ...e,
          publishedAgainAs: later.get(e.id) ?? null,
          restatedSince: x ? { dataset: x.dataset, indicators: x.indicators } : null,
        };
      }),
    });
  } finally {
    await db.close();
  }
}

/** Registers `cspi publish`. */
export function register(program: Command): void {
  program
    .command('publish')
    .description('Publish a period: freeze its figures, commentary and settings as an immutable edition')
    .option('--period <id>', 'period, e.g. 2021-22-Q3')
    .option('--la <code>', 'LA code (default: the only LA in the store)', laCode)
    .option('--db <url>', 'database: SQLite file path or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--dataset <id>', 'dataset version id (default: the current version)')
    .option(
      '--commentary <file>',
      'officer commentary file (JSON); default: the commentary written on the dashboard',
    )
    .option(
      '--targets <file>',
      'targets file for the LA and financial year (JSON or CSV), as cspi indicators',
    )
    .option(
      '--settings <file>',
      'indicator settings file (JSON), as cspi indicators; suppression.k sets the small-number threshold',
    )
    .option('--groups <file>', 'comparator groups file: { "statistical-neighbours": ["805", …] }')
    .option('--committee <name>', 'committee name')
    .option('--meeting-date <date>', 'meeting date, YYYY-MM-DD', meetingDate)
    .option('--author <line>', 'author line')
    .option('--la-name <name>', 'council name')
    .option(
      '--list',
      'list the published editions (of --la, or of every LA; of --period when given) instead of publishing',
    )
    .option(
      '--json',
      'print the edition id and hashes as JSON (with --list: each edition, what replaced it and what is restated since)',
    )
    .action(async (opts: ReportCommandOptions & { list?: boolean }) => {
      if (opts.list) return runList(opts);
      if (!opts.period) throw new UserError('--period is required, e.g. --period 2021-22-Q3');
      const out = createOutput(opts.json === true);
      const e = await runPublish(opts);
      out.info(
        `Published edition ${e.id} (${e.la} ${e.period}, dataset ${e.datasetId}). Re-render with cspi report --edition ${e.id} --out FILE`,
      );
      const earlier = await editionBefore(opts, e);
      if (earlier)
        out.info(
          `${e.period} was published before as edition ${earlier}, which stays as published; later reports compare with ${e.id}.`,
        );
      out.result({
        edition: e.id,
        la: e.la,
        period: e.period,
        dataset: e.datasetId,
        follows: earlier,
        outputHashes: e.outputHashes,
      });
    });
}
