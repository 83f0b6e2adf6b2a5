import type { Command } from 'commander';
import { type ReportFiles, prepareReportFiles, writeReportFiles } from '../report-files.js';
import { readInputs as ingestReadInputs } from '../../ingest/read-inputs.js';
import type { IngestProgress } from '../../ingest/read-inputs.js';
import type { IngestResult } from '../../ingest/staged.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { reportCsv } from '../../validate/report-csv.js';
import { exitCodeOf, reportJson } from '../../validate/report-json.js';
import { formatTerminalSummary } from '../../validate/report-terminal.js';
import type { Database } from '../../store/database.js';
import { importDataset } from '../../store/import-dataset.js';
import type { ImportOutcome } from '../../store/import-dataset.js';
import { openDatabase } from '../../store/open.js';
import { withSkippedFilesNoted } from '../../store/stored-row-errors.js';
import { StoreBusyError } from '../../store/store-error.js';
import type { Output, Progress } from '../output.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import { laCode, laCodeProblem } from '../../ingest/la-code.js';
import { collectionYearProblem } from '../../ingest/collection-year-text.js';
import { londonToday } from '../../calendar/london-date.js';
import { recordImport } from '../../web/audit/data-upload.js';
import { commandLineActor } from '../os-user.js';

/** The ingest contract (`src/ingest/read-inputs.ts`): read and validate input paths into staged submissions. */
export type ReadInputs = (
  paths: readonly string[],
  options: { la?: string; laGivenBy?: string; year?: string; onProgress?: (p: IngestProgress) => void },
) => Promise<IngestResult>;

export interface ImportCommandOptions {
  readonly db?: string;
  readonly la?: string;
  readonly year?: string;
  readonly pseudonymise?: boolean;
  readonly reportDir?: string;
  /** SQLite: how long to wait for another process's lock (ms). */
  readonly busyTimeoutMs?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes of inputs.md §6: 0 clean or warnings, 1 rows rejected (the rest loaded), 2 nothing loaded. */
export type ImportExit = 0 | 1 | 2;

/**
 * `cspi import`: reads and validates the inputs, stores them as a new dataset version in one transaction,
 * prints the row accounting (read = loaded + rejected) and the validation summary, writes
 * `validation-report.csv` and `.json` (with the dataset checks), and returns the exit code.
 * Every import that reads its files is in the audit log (`data-upload`, as the dashboard's upload: report.md
 * §9), with `command line (OS user)` as who loaded it: written in the import's transaction, so a version is
 * never current without its entry and an import that rolls back leaves none; a refused or unchanged import
 * is recorded too, as the dashboard records them (a refusal naming no LA with no LA). An option refused
 * before anything is read is not an upload, and is not recorded.
 * @example await runImport(['./returns/2023-24'], { la: '841' }, async () => readInputs, createOutput(false)) //=> 0
 */
export async function runImport(
  paths: readonly string[],
  opts: ImportCommandOptions,
  loadReadInputs: () => Promise<ReadInputs>,
  out: Output,
): Promise<ImportExit> {
  const env = opts.env ?? process.env;
  const given = opts.la?.trim() || env['CSPI_LA']?.trim() || undefined;
  const laGivenBy = opts.la?.trim() ? '--la' : 'CSPI_LA';
  const laProblem = given === undefined ? null : laCodeProblem(given, laGivenBy);
  if (laProblem !== null) throw new UserError(laProblem);
  const la = given === undefined ? undefined : laCode(given);
  const yearProblem = opts.year === undefined ? null : collectionYearProblem(opts.year, londonToday());
  if (yearProblem !== null) throw new UserError(yearProblem);
  let secret: string | null = null;
  if (opts.pseudonymise) {
    secret = env['CSPI_LA_SECRET'] ?? null;
    if (!secret) {
      throw new UserError(
        '--pseudonymise needs the LA secret in the environment variable CSPI_LA_SECRET; nothing was loaded.',
      );
    }
  }
  if (paths.length === 0) throw new UserError('give the files or folders to import: cspi import PATH...');
  // Before anything is read or stored: exit 2 says nothing was loaded, so the report must not fail afterwards.
  const reportFiles = prepareReportFiles(opts.reportDir, 'nothing was loaded');

  const db = await openStore(opts);
  const actor = commandLineActor();
  try {
    // Take the write lock once now, so a busy database is reported before minutes of reading.
    await guardBusy(() => db.transaction(async () => undefined));
    const readInputs = await loadReadInputs();

    const started = Date.now();
    let reading: Progress | null = null;
    let ingest: IngestResult;
    try {
      ingest = await readInputs(paths, {
        la,
        laGivenBy,
        year: opts.year,
        onProgress: (p) => {
          reading ??= out.progress('Reading', Math.max(1, Math.round(p.totalBytes / 1e6)), 'MB');
          const secs = Math.max(0.001, (Date.now() - started) / 1000);
          reading.update(
            Math.round(p.bytes / 1e6),
            `| ${p.file} | ${p.rows.toLocaleString('en-GB')} rows | ${(p.bytes / 1e6 / secs).toFixed(1)} MB/s`,
          );
        },
      });
    } finally {
      (reading as Progress | null)?.stop();
    }
    const target = la ?? ingest.la ?? undefined;
    if (target === undefined) {
      // A refused read (a cut-short or unreadable file) often never reaches the CIN LEA: its structural
      // problems, with file and position, are what to fix first, so they are reported and nothing is stored.
      if (ingest.refused) {
        const outcome = { kind: 'refused', issues: [] } as const;
        await guardBusy(() => recordImport(actor, null, ingest)(db, outcome));
        return report(ingest, outcome, null, reportFiles, out);
      }
      throw new UserError(
        'no LA: the files do not name one; give --la CODE (e.g. --la 841); nothing was loaded.',
      );
    }
    let storing: Progress | null = null;
    let outcome: ImportOutcome;
    try {
      outcome = await guardBusy(() =>
        importDataset(db, ingest, {
          la: target,
          pseudonymise: secret ? { la: target, secret } : null,
          record: recordImport(actor, target, ingest),
          onProgress: (done, total) => {
            storing ??= out.progress('Storing', total, 'rows');
            storing.update(done);
          },
        }),
      );
    } finally {
      (storing as Progress | null)?.stop();
    }
    // A row error in a file skipped as already loaded says whether the stored copy holds the row.
    const issues = await withSkippedFilesNoted(db, ingest.issues, outcome);
    return report({ ...ingest, issues }, outcome, target, reportFiles, out);
  } finally {
    await db.close();
  }
}

async function openStore(opts: ImportCommandOptions): Promise<Database> {
  try {
    return await openDatabase(opts.db, { busyTimeoutMs: opts.busyTimeoutMs, env: opts.env });
  } catch (err) {
    if (err instanceof StoreBusyError) throw new UserError(`${err.message}; nothing was loaded`, 2);
    throw err;
  }
}

async function guardBusy<T>(fn: () => Promise<T>): Promise<T> {
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
  la: string | null,
  files: ReportFiles,
  out: Output,
): ImportExit {
  // An S-LA-MISMATCH found by the store refuses the import like a structural issue from the readers.
  const result: IngestResult =
    outcome.kind === 'refused' && !ingest.refused
      ? { ...ingest, refused: true, issues: [...ingest.issues, ...outcome.issues] }
      : ingest;
  const checks: readonly ValidationIssue[] = outcome.kind === 'imported' ? outcome.checks : [];
  const importId = outcome.kind === 'imported' ? outcome.importId : null;
  const exit = exitCodeOf(result);
  const skippedFiles =
    outcome.kind === 'refused' ? [] : outcome.skippedSubmissions.flatMap((s) => s.files.map((f) => f.name));

  const { csv, json } = files;
  const jsonReport = {
    ...reportJson(result, importId),
    status: outcome.kind,
    datasetId: outcome.kind === 'refused' ? null : outcome.datasetId,
    previousDatasetId: outcome.kind === 'imported' ? outcome.previousDatasetId : null,
    datasetChecks: checks,
    skippedFiles,
  };
  // The report holds child ids and values: readable by its owner only (inputs.md §7).
  writeReportFiles(
    files,
    reportCsv([...result.issues, ...checks], importId),
    `${JSON.stringify(jsonReport, null, 2)}\n`,
  );

  out.info(formatTerminalSummary(result, { mode: 'import', skippedFiles: new Set(skippedFiles) }));
  out.info('');
  if (outcome.kind === 'refused') {
    // The summary above lists the structural problems; this is the one line that says what became of them.
    out.info(
      'Import refused: nothing was loaded; any dataset already stored is unchanged. Fix the structural problems above and run again.',
    );
  } else if (outcome.kind === 'unchanged') {
    out.info(
      `Nothing new: every file is identical to one already loaded (${submissions(outcome.skipped)} skipped); ` +
        `the current dataset is still ${outcome.datasetId ?? 'none'}.`,
    );
  } else {
    out.info(
      `Loaded: dataset ${outcome.datasetId} of LA ${la} is now current` +
        (outcome.previousDatasetId ? ` (was ${outcome.previousDatasetId})` : '') +
        `; ${submissions(outcome.added.length)} added, ${outcome.replaced.length} replaced, ${outcome.skipped} identical skipped.`,
    );
    if (checks.length > 0) {
      const byCode = new Map<string, number>();
      for (const c of checks) byCode.set(c.code, (byCode.get(c.code) ?? 0) + 1);
      out.info(`Dataset checks (rows kept): ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}.`);
    }
  }
  out.info(`Report: ${csv} and ${json}`);
  // On stdout, also what the terminal says besides the report: where it was written and what was loaded.
  out.result({ ...jsonReport, reportFiles: files, submissionCounts: submissionCounts(outcome) });
  return exit;
}

/** `1 submission`, `45 submissions`. */
const submissions = (n: number): string => `${n} submission${n === 1 ? '' : 's'}`;

/**
 * The submissions an import added, replaced and skipped as identical (the "Loaded:" line), for `--json`.
 * @example submissionCounts({ kind: 'unchanged', datasetId: '841-v1', skipped: 3 }) //=> { added: 0, replaced: 0, skipped: 3 }
 */
export function submissionCounts(outcome: ImportOutcome): {
  added: number;
  replaced: number;
  skipped: number;
} {
  if (outcome.kind === 'refused') return { added: 0, replaced: 0, skipped: 0 };
  if (outcome.kind === 'unchanged') return { added: 0, replaced: 0, skipped: outcome.skipped };
  return { added: outcome.added.length, replaced: outcome.replaced.length, skipped: outcome.skipped };
}

/** Registers `cspi import PATH... [--db URL] [--la CODE] [--year YYYY-YY] [--pseudonymise] [--report-dir DIR] [--json]`. */
export function register(program: Command): void {
  program
    .command('import')
    .description('Validate input files and load them as a new dataset version (all or nothing)')
    .argument('<paths...>', 'files and folders (searched recursively)')
    .option('--db <url>', 'database: an SQLite file or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option(
      '--la <code>',
      'the LA the data is for (DfE code, e.g. 841, or ONS code; default CSPI_LA, else the LA the CIN census names); files for another LA are refused',
      laCode,
    )
    .option('--year <yyyy-yy>', 'collection year, overriding the one found in the files')
    .option(
      '--pseudonymise',
      'pseudonymise child ids, dates of birth and postcodes (secret in CSPI_LA_SECRET)',
    )
    .option('--report-dir <dir>', 'where to write validation-report.csv and .json (default: current folder)')
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
        process.exitCode = await runImport(
          paths,
          { ...o, busyTimeoutMs: busy > 0 ? busy : undefined },
          async () => ingestReadInputs,
          out,
        );
      },
    );
}
