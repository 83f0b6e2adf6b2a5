import type { Command } from 'commander';
import { parsePeriod } from '../../calendar/period.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { computeIndicatorResult } from '../../indicators/engine/indicator-result.js';
import { membersCsv } from '../../indicators/members-csv.js';
import { INDICATORS, indicatorById } from '../../indicators/registry.js';
import { reportTable } from '../../indicators/report-table.js';
import { type DatasetSource, storeDatasetSource } from '../dataset-source.js';
import { reportRequestFor } from '../indicator-config.js';
import { UserError } from '../user-error.js';
import { laCode } from '../../ingest/la-code.js';

/** Options of `cspi indicators`. */
export interface IndicatorsOptions {
  readonly period: string;
  readonly la?: string;
  readonly db?: string;
  readonly dataset?: string;
  readonly targets?: string;
  readonly settings?: string;
  readonly groups?: string;
  readonly json?: boolean;
  readonly members?: string;
}

/**
 * `cspi indicators`: computes every indicator for one LA and period from a dataset source and writes a
 * table, the `--json` IndicatorReport, or with `--members ID` the child-level CSV behind one indicator
 * (written to the store's audit log as a `child-level-export`, as the dashboard's downloads are).
 * @example await runIndicators({ period: '2021-22-Q3', json: true }, source, (s) => process.stdout.write(s))
 */
export async function runIndicators(
  opts: IndicatorsOptions,
  source: DatasetSource,
  write: (text: string) => void,
): Promise<void> {
  const period = parsePeriod(opts.period);
  if (opts.members !== undefined && !indicatorById(opts.members)) {
    throw new UserError(`--members: "${opts.members}" is not an indicator id; run cspi indicators list`);
  }
  const loaded = await source.load(opts.la);
  const request = await reportRequestFor(loaded, period, opts, source);
  if (opts.members !== undefined) {
    const { result, current } = computeIndicatorResult(indicatorById(opts.members)!, request);
    // Every child-level list is audited, as the dashboard's downloads are (`child-level-export`).
    await source.audit?.({
      action: 'child-level-export',
      la: loaded.data.la,
      detail: {
        indicator: result.id,
        period: period.id,
        datasetVersion: request.dataset.id,
        rows: current.members.length,
        list: 'all',
        format: opts.json ? 'json' : 'csv',
        identifiable: true,
      },
    });
    if (opts.json) {
      const doc = {
        indicator: result.id,
        period: { id: period.id, start: period.start, end: period.end },
        dataset: request.dataset,
        numerator: result.numerator,
        denominator: result.denominator,
        members: current.members,
      };
      write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      write(membersCsv(current.members));
    }
    return;
  }
  const report = computeReport(request, INDICATORS);
  write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${reportTable(report)}\n`);
}

/** `cspi indicators list`: the catalogue, one indicator per line. */
export function catalogueText(): string {
  const rows = INDICATORS.map((d) => [
    d.id,
    d.serviceArea,
    d.unit,
    d.polarity,
    d.basis,
    d.target ? `${d.target.value}${d.unit === 'percent' ? '%' : ''} ${d.target.kind}` : 'no target',
    d.title,
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n')}\n`;
}

/** `cspi indicators list --json`: the catalogue's columns, one object per indicator (`target` null when none). */
export function catalogueJson(): object[] {
  return INDICATORS.map((d) => ({
    id: d.id,
    serviceArea: d.serviceArea,
    unit: d.unit,
    polarity: d.polarity,
    basis: d.basis,
    target: d.target ? { value: d.target.value, kind: d.target.kind } : null,
    title: d.title,
  }));
}

/** Registers `cspi indicators` and `cspi indicators list`. */
export function register(program: Command): void {
  const cmd = program
    .command('indicators')
    .description('Compute the performance indicators for one LA and period')
    .option('--period <id>', 'period, e.g. 2021-22-Q3 or 2021-22')
    .option('--la <code>', 'LA code (default: the only LA in the store)', laCode)
    .option('--dataset <id>', 'dataset version id (default: the current version)')
    .option('--db <url>', 'database: SQLite file path or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--targets <file>', 'targets file for the LA and financial year (JSON or CSV)')
    .option('--settings <file>', 'indicator settings file (JSON)')
    .option('--groups <file>', 'comparator groups file: { "statistical-neighbours": ["805", …] }')
    .option('--json', 'print the IndicatorReport as JSON')
    .option('--members <id>', 'print the child-level list behind one indicator as CSV (JSON with --json)')
    .action(async (opts: IndicatorsOptions) => {
      if (!opts.period) throw new UserError('--period is required, e.g. --period 2021-22-Q3');
      // Only reads, but for --members: its child-level list is written to the store's audit log.
      const source = await storeDatasetSource(opts.db, opts.dataset, {
        readOnlyIfUnwritable: opts.members === undefined,
      });
      try {
        await runIndicators(opts, source, (s) => process.stdout.write(s));
      } finally {
        await source.close();
      }
    });
  cmd
    .command('list')
    .description('Print the indicator catalogue')
    .option('--json', 'print the catalogue as JSON')
    .action((opts: { json?: boolean }) => {
      // `--json` after `list` is taken by `cspi indicators` itself (commander reads a parent's options
      // anywhere), so either command's flag asks for JSON.
      const json = opts.json === true || cmd.opts<IndicatorsOptions>().json === true;
      process.stdout.write(json ? `${JSON.stringify(catalogueJson(), null, 2)}\n` : catalogueText());
    });
}
