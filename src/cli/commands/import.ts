import type { Command } from 'commander';
import type { IngestResult } from '../../ingest/staged.js';
import type { RowCount, ValidationIssue } from '../../validate/issue.js';
import type { Database } from '../../store/database.js';
import { importDataset } from '../../store/import-dataset.js';
import type { ImportOutcome } from '../../store/import-dataset.js';
import { openDatabase } from '../../store/open.js';
import { StoreBusyError } from '../../store/store-error.js';
import { writeIssueReport } from '../issue-report-files.js';
import type { Output } from '../output.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';

/** What the readers report while reading (any of these may be given). */
export interface ReadProgress {
  readonly file?: string;
  readonly files?: number;
  readonly totalFiles?: number;
  readonly bytes?: number;
  readonly totalBytes?: number;
  readonly rows?: number;
}

/** The ingest contract (`src/ingest`): read and validate input paths into staged submissions. */
export type ReadInputs = (
  paths: readonly string[],
  options: { la?: string; year?: string; onProgress?: (p: ReadProgress) => void },
) => Promise<IngestResult>;

export interface ImportCommandOptions {
  readonly db?: string;
  readonly la?: string;
  readonly year?: string;
  readonly pseudonymise?: boolean;
  readonly reportDir?: string;
  readonly json?: boolean;
  /** SQLite: how long to wait for another process's lock (ms). */
  readonly busyTimeoutMs?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes of inputs.md §6: 0 clean or warnings, 1 rows rejected (the rest loaded), 2 nothing loaded. */
export type ImportExit = 0 | 1 | 2;

/**
 * `cspi import`: reads and validates the inputs, stores them as a new dataset version in one transaction,
 * prints the row accounting (read = loaded + rejected) and the validation summary, writes the report as
 * CSV and JSON, and returns the exit code.
 * @example await runImport(['./returns/2023-24'], { la: '841' }, async () => readInputs, createOutput(false)) //=> 0
 */
export async function runImport(
  paths: readonly string[],
  opts: ImportCommandOptions,
  loadReadInputs: () => Promise<ReadInputs>,
  out: Output,
): Promise<ImportExit> {
  const env = opts.env ?? process.env;
  const la = opts.la?.trim() || env['CSPI_LA']?.trim() || undefined;
  if (opts.year !== undefined && !/^\d{4}-\d{2}$/.test(opts.year)) {
    throw new UserError(`--year ${opts.year} is not a collection year; write it like 2021-22.`);
  }
  let secret: string | null = null;
  if (opts.pseudonymise) {
    secret = env['CSPI_LA_SECRET'] ?? null;
    if (!secret)
      throw new UserError(
        '--pseudonymise needs the LA secret in the environment variable CSPI_LA_SECRET; nothing was loaded.',
      );
  }
  if (paths.length === 0) throw new UserError('give the files or folders to import: cspi import PATH...');

  const db = await openStore(opts);
  try {
    // Take the write lock once now, so a busy database is reported before minutes of reading.
    await guardBusy(db, () => db.transaction(async () => undefined));
    const readInputs = await loadReadInputs();

    const started = Date.now();
    const reading = out.progress('reading', 1, 'files');
    let ingest: IngestResult;
    try {
      ingest = await readInputs(paths, {
        la,
        year: opts.year,
        onProgress: (p) => {
          const mb = (p.bytes ?? 0) / 1e6;
          const secs = Math.max(0.001, (Date.now() - started) / 1000);
          const extra = `${p.rows ?? 0} rows, ${(mb / secs).toFixed(1)} MB/s`;
          if (p.totalFiles !== undefined) reading.update(p.files ?? 0, extra);
          else reading.update(0, extra);
        },
      });
    } finally {
      reading.stop();
    }
    const target = la ?? ingest.la ?? undefined;
    if (target === undefined) {
      throw new UserError(
        'no LA: the files do not name one; give --la CODE (e.g. --la 841); nothing was loaded.',
      );
    }
    const storing = out.progress('storing', 1, 'rows');
    let outcome: ImportOutcome;
    try {
      outcome = await guardBusy(db, () =>
        importDataset(db, ingest, {
          la: target,
          pseudonymise: secret ? { la: target, secret } : null,
          onProgress: (done, total) => {
            storing.update(done, `of ${total}`);
          },
        }),
      );
    } finally {
      storing.stop();
    }
    return report(ingest, outcome, target, opts, out);
  } finally {
    await db.close();
  }
}

async function openStore(opts: ImportCommandOptions): Promise<Database> {
  try {
    return await openDatabase(opts.db, { busyTimeoutMs: opts.busyTimeoutMs, env: opts.env });
  } catch (err) {
    if (err instanceof StoreBusyError) throw new UserError(err.message, 2);
    throw err;
  }
}

async function guardBusy<T>(_db: Database, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreBusyError) throw new UserError(`${err.message}; nothing was loaded`, 2);
    throw err;
  }
}

function report(
  ingest: IngestResult,
  outcome: ImportOutcome,
  la: string,
  opts: ImportCommandOptions,
  out: Output,
): ImportExit {
  const refused = outcome.kind === 'refused';
  const issues: readonly ValidationIssue[] = refused
    ? [...ingest.issues, ...outcome.issues.filter((i) => !ingest.issues.includes(i))]
    : ingest.issues;
  const checks = outcome.kind === 'imported' ? outcome.checks : [];
  const reportId =
    outcome.kind === 'imported'
      ? outcome.importId
      : `${la}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const files = writeIssueReport(opts.reportDir ?? './cspi-reports', reportId, ingest.counts, issues, checks);
  const rejected =
    ingest.counts.reduce((n, c) => n + c.rejected, 0) > 0 || issues.some((i) => i.severity === 'error');
  const exit: ImportExit = refused ? 2 : rejected ? 1 : 0;

  const sev = (s: string) => issues.filter((i) => i.severity === s).length;
  out.info(`LA ${la}: ${ingest.files.length} file(s) read`);
  out.info('');
  out.info(accountingTable(ingest.counts, refused));
  out.info('');
  if (refused) {
    out.info(`Import refused: nothing was loaded; the current dataset is unchanged.`);
    for (const i of issues.filter((x) => x.severity === 'structural').slice(0, 10))
      out.info(`  ${i.code}: ${i.message}`);
  } else if (outcome.kind === 'unchanged') {
    out.info(
      `Nothing new: every file is identical to one already loaded (${outcome.skipped} submission(s) skipped); current dataset ${outcome.datasetId ?? 'none'}.`,
    );
  } else if (outcome.kind === 'imported') {
    out.info(
      `Dataset ${outcome.datasetId} is now current` +
        (outcome.previousDatasetId ? ` (was ${outcome.previousDatasetId})` : '') +
        `: ${outcome.added.length} submission(s) added, ${outcome.replaced.length} replaced, ${outcome.skipped} identical skipped.`,
    );
  }
  out.info(
    `Validation: ${sev('error')} error(s) (rows not loaded), ${sev('warning')} warning(s), ${sev('query')} query(ies), ${sev('structural')} structural.`,
  );
  if (checks.length > 0) {
    const byCode = new Map<string, number>();
    for (const c of checks) byCode.set(c.code, (byCode.get(c.code) ?? 0) + 1);
    out.info(`Dataset checks: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}.`);
  }
  out.info(`Report: ${files.csv} and ${files.json}`);
  out.result({
    la,
    status: outcome.kind,
    exitCode: exit,
    datasetId: outcome.kind === 'refused' ? null : outcome.datasetId,
    previousDatasetId: outcome.kind === 'imported' ? outcome.previousDatasetId : null,
    submissions: outcome.kind === 'imported' ? outcome.added : [],
    counts: ingest.counts.map((c) => ({ ...c, loaded: refused ? 0 : c.loaded })),
    validation: {
      error: sev('error'),
      warning: sev('warning'),
      query: sev('query'),
      structural: sev('structural'),
    },
    datasetChecks: outcome.kind === 'imported' ? outcome.checks.length : 0,
    report: files,
  });
  return exit;
}

/** Row accounting per file and table: read = loaded + rejected, with warnings and queries. */
export function accountingTable(counts: readonly RowCount[], refused: boolean): string {
  const head = ['file', 'table', 'read', 'loaded', 'rejected', 'warnings', 'queries'];
  const rows = counts.map((c) => [
    c.file,
    c.table,
    String(c.read),
    refused ? '0 (import refused)' : String(c.loaded),
    String(c.rejected),
    String(c.warnings),
    String(c.queries),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** The ingest readers, loaded when the command runs. */
async function loadReaders(): Promise<ReadInputs> {
  const specifier = '../../ingest/read-inputs.js';
  try {
    const mod = (await import(specifier)) as { readInputs?: ReadInputs };
    if (typeof mod.readInputs === 'function') return mod.readInputs;
  } catch {
    // fall through
  }
  throw new UserError(
    'this build of cspi has no file readers (src/ingest/read-inputs.ts); nothing was loaded.',
    2,
  );
}

/** Registers `cspi import PATH... [--db URL] [--la CODE] [--year YYYY-YY] [--pseudonymise] [--report-dir DIR] [--json]`. */
export function register(program: Command): void {
  program
    .command('import')
    .description('Validate input files and load them as a new dataset version (all or nothing)')
    .argument('<paths...>', 'files and folders (searched recursively)')
    .option('--db <url>', 'database: an SQLite file or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--la <code>', 'the LA the data is for (DfE code, e.g. 841)')
    .option('--year <yyyy-yy>', 'collection year, overriding the one found in the files')
    .option(
      '--pseudonymise',
      'pseudonymise child ids, dates of birth and postcodes (secret in CSPI_LA_SECRET)',
    )
    .option('--report-dir <dir>', 'where to write the validation report (CSV and JSON)', './cspi-reports')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        paths: string[],
        o: {
          db?: string;
          la?: string;
          year?: string;
          pseudonymise?: boolean;
          reportDir?: string;
          json?: boolean;
        },
      ) => {
        const out = createOutput(o.json ?? false);
        const busy = Number(process.env['CSPI_BUSY_TIMEOUT_MS'] ?? '');
        const code = await runImport(
          paths,
          { ...o, busyTimeoutMs: busy > 0 ? busy : undefined },
          loadReaders,
          out,
        );
        process.exitCode = code;
      },
    );
}
