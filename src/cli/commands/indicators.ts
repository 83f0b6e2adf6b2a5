import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { IsoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import type { LaDataset } from '../../model/la-dataset.js';
import { formatIssue } from '../../indicators/config-issue.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { computeIndicatorResult, type ReportRequest } from '../../indicators/engine/indicator-result.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { membersCsv } from '../../indicators/members-csv.js';
import { INDICATORS, indicatorById } from '../../indicators/registry.js';
import { reportTable } from '../../indicators/report-table.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import { parseSettings } from '../../indicators/settings-file.js';
import { parseTargets } from '../../indicators/targets-file.js';
import type { TargetSet } from '../../indicators/targets.js';
import type { IndicatorInput, IndicatorSettings } from '../../indicators/types.js';
import { UserError } from '../user-error.js';
import { openDatabase } from '../../store/open.js';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import { loadDatasetVersion } from '../../store/load-dataset.js';

/** A dataset version loaded for computing: the merged records and what identifies the version. */
export interface LoadedDataset {
  readonly data: LaDataset;
  readonly id: string;
  readonly hash: string;
  readonly asAt: IsoDate | null;
}

/** Where the command reads datasets from (the store; an in-memory source in tests). */
export interface DatasetSource {
  /** The current dataset version of an LA (or the only LA when `la` is not given). */
  load(la: string | undefined): Promise<LoadedDataset>;
  close(): Promise<void>;
}

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

const IDS = INDICATORS.map((d) => d.id);

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UserError(`cannot read the ${what} file ${path}`);
  }
}

async function loadTargets(path: string | undefined, la: string, fy: string): Promise<TargetSet | null> {
  if (!path) return null;
  const parsed = parseTargets(await readText(path, 'targets'), path, IDS);
  if (!parsed.ok) throw new UserError(parsed.issues.map(formatIssue).join('\n'));
  if (parsed.value.la !== null && parsed.value.la !== la) {
    throw new UserError(`${path} holds targets for LA ${parsed.value.la}, not ${la}`);
  }
  if (parsed.value.year !== null && parsed.value.year !== fy) {
    throw new UserError(
      `${path} holds targets for ${parsed.value.year}, not the period's financial year ${fy}`,
    );
  }
  return parsed.value;
}

async function loadSettings(path: string | undefined): Promise<IndicatorSettings> {
  if (!path) return DEFAULT_SETTINGS;
  const parsed = parseSettings(await readText(path, 'settings'), path, IDS);
  if (!parsed.ok) throw new UserError(parsed.issues.map(formatIssue).join('\n'));
  return parsed.value;
}

/** Reads a groups file: `{ "<group name>": ["<LA code>", …] }` (region, statistical neighbours). */
async function loadGroups(
  path: string | undefined,
  source: DatasetSource,
  la: string,
): Promise<Record<string, IndicatorInput[]>> {
  if (!path) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(await readText(path, 'groups'));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path} is not valid JSON: write { "statistical-neighbours": ["805", "806"] }`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(`${path}: expected an object of group name to a list of LA codes`);
  }
  const cache = new Map<string, IndicatorInput>();
  const out: Record<string, IndicatorInput[]> = {};
  for (const [name, codes] of Object.entries(doc)) {
    if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) {
      throw new UserError(`${path} group "${name}": expected a list of LA codes as strings`);
    }
    out[name] = [];
    for (const code of (codes as string[]).filter((c) => c !== la)) {
      let input = cache.get(code);
      if (!input) {
        input = buildIndicatorInput((await source.load(code)).data);
        cache.set(code, input);
      }
      out[name].push(input);
    }
  }
  return out;
}

/**
 * `cspi indicators`: computes every indicator for one LA and period from a dataset source and writes a
 * table, the `--json` IndicatorReport, or with `--members ID` the child-level CSV behind one indicator.
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
  const la = loaded.data.la;
  const request: ReportRequest = {
    input: buildIndicatorInput(loaded.data),
    period,
    settings: await loadSettings(opts.settings),
    targets: await loadTargets(opts.targets, la, period.financialYear),
    dataset: { id: loaded.id, hash: loaded.hash, asAt: loaded.asAt },
    comparatorGroups: await loadGroups(opts.groups, source, la),
  };
  if (opts.members !== undefined) {
    const { result, current } = computeIndicatorResult(indicatorById(opts.members)!, request);
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

/**
 * The store-backed dataset source: opens the database (`--db`, else DATABASE_URL, else ./cspi.db) and loads
 * an LA's current dataset version (or `datasetId`). Without `--la`, the store must hold exactly one LA.
 */
export async function storeDatasetSource(
  dbUrl: string | undefined,
  datasetId: string | undefined,
): Promise<DatasetSource> {
  const db = await openDatabase(dbUrl);
  return {
    load: async (la) => {
      let code = la;
      if (code === undefined) {
        const las = [...new Set((await listDatasetVersions(db)).map((v) => v.la))].sort();
        if (las.length !== 1) {
          throw new UserError(
            las.length === 0
              ? `the database ${db.location} holds no datasets: import one first (cspi import)`
              : `the database holds several LAs (${las.join(', ')}): choose one with --la`,
          );
        }
        code = las[0]!;
      }
      const loaded = await loadDatasetVersion(
        db,
        code,
        la === undefined || la === code ? datasetId : undefined,
      );
      if (!loaded) {
        throw new UserError(
          datasetId
            ? `LA ${code} has no dataset version ${datasetId}`
            : `LA ${code} has no dataset in ${db.location}`,
        );
      }
      return {
        data: loaded.dataset,
        id: loaded.version.id,
        hash: loaded.version.contentHash,
        asAt: loaded.version.extractDate,
      };
    },
    close: () => db.close(),
  };
}

/** Registers `cspi indicators` and `cspi indicators list`. */
export function register(program: Command): void {
  const cmd = program
    .command('indicators')
    .description('Compute the performance indicators for one LA and period')
    .option('--period <id>', 'period, e.g. 2021-22-Q3 or 2021-22')
    .option('--la <code>', 'LA code (default: the only LA in the store)')
    .option('--dataset <id>', 'dataset version id (default: the current version)')
    .option('--db <url>', 'database: SQLite file path or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--targets <file>', 'targets file for the LA and financial year (JSON or CSV)')
    .option('--settings <file>', 'indicator settings file (JSON)')
    .option('--groups <file>', 'comparator groups file: { "statistical-neighbours": ["805", …] }')
    .option('--json', 'print the IndicatorReport as JSON')
    .option('--members <id>', 'print the child-level list behind one indicator as CSV (JSON with --json)')
    .action(async (opts: IndicatorsOptions) => {
      if (!opts.period) throw new UserError('--period is required, e.g. --period 2021-22-Q3');
      const source = await storeDatasetSource(opts.db, opts.dataset);
      try {
        await runIndicators(opts, source, (s) => process.stdout.write(s));
      } finally {
        await source.close();
      }
    });
  cmd
    .command('list')
    .description('Print the indicator catalogue')
    .action(() => {
      process.stdout.write(catalogueText());
    });
}
