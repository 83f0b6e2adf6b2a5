import { readFile } from 'node:fs/promises';
import { type Period, quarterContaining } from '../calendar/period.js';
import type { ReportRequest } from '../indicators/engine/indicator-result.js';
import { formatIssue } from '../indicators/config-issue.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS } from '../indicators/registry.js';
import { beforeAllData } from '../indicators/lib/before-all-data.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import { parseSettings } from '../indicators/settings-file.js';
import { parseTargets } from '../indicators/targets-file.js';
import type { TargetSet } from '../indicators/targets.js';
import type { IndicatorInput, IndicatorSettings } from '../indicators/types.js';
import type { DatasetSource, LoadedDataset } from './dataset-source.js';
import { UserError } from './user-error.js';
import { readProblem } from './main.js';
import { LaGroupsError, parseLaGroups } from '../hub/la-groups.js';

/**
 * The `--targets`, `--settings` and `--groups` files shared by `cspi indicators`, `cspi report` and
 * `cspi publish`, read and checked the same way for all three.
 */
const IDS = INDICATORS.map((d) => d.id);
const CATALOGUE = new Map(INDICATORS.map((d) => [d.id, { polarity: d.polarity, unit: d.unit }]));

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(
      `cannot read the ${what} file ${path}${readProblem(err)}`,
      2,
      `${what.toUpperCase()}-FILE`,
    );
  }
}

/** Reads a targets file (JSON or CSV) for the LA and financial year; null without a file. */
export async function loadTargets(
  path: string | undefined,
  la: string,
  fy: string,
): Promise<TargetSet | null> {
  if (!path) return null;
  const parsed = parseTargets(await readText(path, 'targets'), path, IDS, CATALOGUE);
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

/** Reads an indicator settings file; the defaults without a file. */
export async function loadSettings(path: string | undefined): Promise<IndicatorSettings> {
  if (!path) return DEFAULT_SETTINGS;
  const parsed = parseSettings(await readText(path, 'settings'), path, IDS);
  if (!parsed.ok) throw new UserError(parsed.issues.map(formatIssue).join('\n'), 2, 'SETTINGS-FILE');
  return parsed.value;
}

/**
 * Reads a groups file: `{ "<group name>": ["<LA code>", …] }` (region, statistical neighbours), checked and read
 * as `cspi hub benchmarks --groups` reads it (`parseLaGroups`): a code is a DfE code or an ONS code, a group
 * named after one LA (`statistical-neighbours:E06000005`) is named by its DfE code. Each member but the LA
 * itself is loaded from the store.
 */
export async function loadGroups(
  path: string | undefined,
  source: DatasetSource,
  la: string,
): Promise<Record<string, IndicatorInput[]>> {
  if (!path) return {};
  let groups: Record<string, string[]>;
  try {
    groups = parseLaGroups(await readText(path, 'groups'));
  } catch (e) {
    if (e instanceof LaGroupsError) throw new UserError(`--groups ${path}: ${e.message}`);
    throw e;
  }
  const cache = new Map<string, IndicatorInput>();
  const out: Record<string, IndicatorInput[]> = {};
  for (const [name, codes] of Object.entries(groups)) {
    out[name] = [];
    for (const code of codes.filter((c) => c !== la)) {
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

/** The indicator-configuration options common to `cspi indicators`, `cspi report` and `cspi publish`. */
export interface IndicatorConfigOptions {
  readonly targets?: string | undefined;
  readonly settings?: string | undefined;
  readonly groups?: string | undefined;
}

/**
 * The engine's request for one loaded dataset and period, with the targets, settings and comparator groups
 * of the command's `--targets`, `--settings` and `--groups` files (without `--targets`, the targets set in
 * the dashboard), so the CLI, the report and the dashboard rate against the same targets.
 * @example const req = await reportRequestFor(await source.load('841'), parsePeriod('2021-22-Q3'), opts, source)
 */
export async function reportRequestFor(
  loaded: LoadedDataset,
  period: Period,
  opts: IndicatorConfigOptions,
  source: DatasetSource,
): Promise<ReportRequest> {
  const la = loaded.data.la;
  if (loaded.asAt !== null && period.start > loaded.asAt) {
    // A period wholly after the data (a mistyped year, say) would be all "No eligible cases", exit 0. A period
    // that has begun (the quarter in progress) is computed, its figures marked provisional.
    throw new UserError(
      `--period ${period.id} begins on ${period.start}, after the data of dataset ${loaded.id} (as at ${loaded.asAt}): ` +
        `there is nothing to count in it yet; the latest quarter with data is ${quarterContaining(loaded.asAt).id}`,
      2,
      'PERIOD-AFTER-DATA',
    );
  }
  const input = buildIndicatorInput(loaded.data);
  const settings = await loadSettings(opts.settings);
  // A period that ends before every indicator's data begin (a mistyped year, say) would be all "Not available:
  // loaded data begin …", exit 0: a committee report, or an edition that can never be removed, of nothing.
  const before = beforeAllData(input, period, INDICATORS, settings);
  if (before !== null) {
    throw new UserError(
      `--period ${period.id} ends on ${period.end}, before the data of dataset ${loaded.id} begin (${before.start}, ${before.source}): ` +
        `there is nothing to count in it; the earliest quarter with data is ${quarterContaining(before.start).id}`,
      2,
      'PERIOD-BEFORE-DATA',
    );
  }
  return {
    input,
    period,
    settings,
    // A --targets file overrides; otherwise the targets set in the dashboard (store), else the catalogue's.
    targets: opts.targets
      ? await loadTargets(opts.targets, la, period.financialYear)
      : ((await source.targets?.(la, period.financialYear)) ?? null),
    dataset: { id: loaded.id, hash: loaded.hash, asAt: loaded.asAt },
    comparatorGroups: await loadGroups(opts.groups, source, la),
  };
}
