import { checkOnlyIssues } from '../../validate/check-only-issues.js';
import type { Command } from 'commander';
import { prepareReportFiles, writeReportFiles } from '../report-files.js';
import { readInputs } from '../../ingest/read-inputs.js';
import { formatTerminalSummary } from '../../validate/report-terminal.js';
import { reportCsv } from '../../validate/report-csv.js';
import { reportJson } from '../../validate/report-json.js';
import { createOutput, type Progress } from '../output.js';
import { UserError } from '../user-error.js';
import { laCode, laCodeProblem } from '../../ingest/la-code.js';
import { collectionYearProblem } from '../../ingest/collection-year-text.js';
import { londonToday } from '../../calendar/london-date.js';

interface ValidateOptions {
  la?: string;
  year?: string;
  reportDir?: string;
  json?: boolean;
}

/**
 * `cspi validate PATH... [--la CODE] [--year YYYY-YY] [--report-dir DIR] [--json]` (inputs.md §6): reads and
 * checks the inputs without storing anything, prints a summary, writes `validation-report.csv` and `.json`.
 * Exit 0 clean or warnings only, 1 rows rejected, 2 structural (nothing would load).
 */
export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'Check input files (SSDA903, CIN census, Annex A, local extract) and write a validation report; nothing is stored',
    )
    .argument('<paths...>', 'files or folders (folders are read recursively)')
    .option(
      '--la <code>',
      'LA code (DfE number, e.g. 841, or ONS code; default CSPI_LA); a CIN census for another LA is refused',
      laCode,
    )
    .option('--year <yyyy-yy>', 'collection year, e.g. 2021-22 (overrides what the files say)')
    .option('--report-dir <dir>', 'where to write validation-report.csv and .json (default: current folder)')
    .option('--json', 'print the report as JSON instead of the summary')
    .action(async (paths: string[], opts: ValidateOptions) => {
      const out = createOutput(!!opts.json);
      // The LA as cspi import takes it (--la, else CSPI_LA), so that validate refuses what import would.
      const given = opts.la?.trim() || process.env['CSPI_LA']?.trim() || undefined;
      const laGivenBy = opts.la?.trim() ? '--la' : 'CSPI_LA';
      const laProblem = given === undefined ? null : laCodeProblem(given, laGivenBy);
      if (laProblem !== null) throw new UserError(laProblem);
      const yearProblem = opts.year === undefined ? null : collectionYearProblem(opts.year, londonToday());
      if (yearProblem !== null) throw new UserError(yearProblem);
      // Before minutes of reading: a folder the report cannot be written to is named first.
      const files = prepareReportFiles(opts.reportDir, 'nothing was checked');
      let bar: Progress | null = null;
      const started = Date.now();
      // The bar is stopped whatever happens: one left running keeps the process alive (its redraw timer).
      const read = await readInputs(paths, {
        la: given === undefined ? undefined : laCode(given),
        laGivenBy,
        year: opts.year,
        onProgress: (p) => {
          bar ??= out.progress('Reading', Math.max(1, Math.round(p.totalBytes / 1e6)), 'MB');
          const secs = Math.max(0.001, (Date.now() - started) / 1000);
          bar.update(
            Math.round(p.bytes / 1e6),
            `| ${p.file} | ${p.rows.toLocaleString('en-GB')} rows | ${(p.bytes / 1e6 / secs).toFixed(1)} MB/s`,
          );
        },
      }).finally(() => (bar as Progress | null)?.stop());
      // Nothing is loaded: each error says what an import would do with its row.
      const result = { ...read, issues: checkOnlyIssues(read.issues) };
      const report = reportJson(result, null);
      // It holds child ids and values: readable by its owner only, as cspi import's (inputs.md §7).
      writeReportFiles(files, reportCsv(result.issues, null), `${JSON.stringify(report, null, 2)}\n`);
      out.info(formatTerminalSummary(result));
      out.info(`\nReport: ${files.csv} and ${files.json}`);
      out.result({ ...report, reportFiles: files });
      process.exitCode = report.exitCode;
    });
}
