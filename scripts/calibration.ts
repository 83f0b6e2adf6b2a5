/**
 * Synthetic-data calibration (issue 2): generates a few LAs with `cspi synth`'s own writer, reads them
 * exactly as `cspi import` does (readInputs, then the dataset checks of assembleDataset), computes the 24
 * indicators with the engine for the quarters of a financial year, and prints each indicator's value per
 * LA against England's 2021-22 level (indicators.md §2).
 *
 *   node --import tsx scripts/calibration.ts [--las 841,890,205,…] [--seed 1] [--scale 1]
 *                                             [--year 2021-22] [--json | --summary]
 *   node --import tsx scripts/calibration.ts --from result.json     (the table of a saved --json run)
 *
 * Per LA: the full-year figure (the year as a period; snapshot indicators at 31 March) and the lowest and
 * highest of the four quarters on each indicator's headline basis; `--summary` gives one row per indicator
 * (England, mean of the LAs, lowest–highest LA, lowest–highest quarter). Import errors are counted too:
 * clean synthetic output has none.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePeriod, type Period } from '../src/calendar/period.js';
import { buildIndicatorInput } from '../src/indicators/input.js';
import { INDICATORS } from '../src/indicators/registry.js';
import { DEFAULT_SETTINGS } from '../src/indicators/settings.js';
import { headlineBasis, runIndicator } from '../src/indicators/engine/run-indicator.js';
import { displayValue } from '../src/indicators/engine/indicator-value.js';
import type { IndicatorDefinition, IndicatorInput } from '../src/indicators/types.js';
import type { EngineComputation } from '../src/indicators/engine/run-indicator.js';
import { loadLaTable } from '../src/synth/la-table.js';
import { collectionYears } from '../src/synth/collection-years.js';
import { day } from '../src/synth/day-calendar.js';
import { writeLa } from '../src/synth/write-la.js';
import { readAsImport } from '../src/synth/read-as-import.js';

/**
 * The LAs of the default run: twelve small and middling LAs (about 70 CPU seconds in all) from every kind
 * of care rate: Darlington, Blackpool, Hammersmith and Fulham, Bracknell Forest, York, Knowsley,
 * Southend-on-Sea, Isle of Wight, Torbay, West Berkshire, North East Lincolnshire, Westminster.
 */
export const DEFAULT_LAS = [
  '841',
  '890',
  '205',
  '867',
  '816',
  '340',
  '882',
  '921',
  '880',
  '869',
  '812',
  '213',
];

/** One indicator's figures for one LA. */
export interface CalibrationFigure {
  readonly la: string;
  readonly indicator: string;
  /** Full financial year (snapshot indicators: at its end). */
  readonly year: number | null;
  /** Lowest and highest quarter on the headline basis. */
  readonly quarterMin: number | null;
  readonly quarterMax: number | null;
  readonly england: number | null;
}

/** A calibration run's result. */
export interface CalibrationResult {
  readonly year: string;
  readonly seed: string;
  readonly scale: number;
  /** Each LA with its care rate per 10,000 from data/las.csv and its import errors. */
  readonly las: readonly { code: string; name: string; claPer10000: number; errors: number }[];
  readonly figures: readonly CalibrationFigure[];
}

/** Options of {@link calibrate}. */
export interface CalibrationOptions {
  readonly las: readonly string[];
  readonly seed: string;
  readonly scale: number;
  /** Financial year, e.g. `2021-22`; data are generated for five collection years ending with it. */
  readonly year: string;
}

/**
 * The figure the comparison uses: percentages as displayed; cic-count as its rate per 10,000 (England
 * publishes 70); cic-missing as the percentage of children looked after during the period (England 11%).
 */
function figureOf(def: IndicatorDefinition, c: EngineComputation): number | null {
  if (def.id === 'cic-count') return c.extra?.['rate'] ?? null;
  if (def.id === 'cic-missing') {
    if (c.engineStatus !== 'ok' || !c.denominator) return null;
    return Math.round((1000 * c.numerator) / c.denominator) / 10;
  }
  return displayValue(def, c);
}

/** cic-missing's England figure is "of children looked after during the year": compare the year. */
const yearBasis = (def: IndicatorDefinition): ReturnType<typeof headlineBasis> =>
  def.bases.includes('in-period') ? 'in-period' : headlineBasis(def, DEFAULT_SETTINGS);

async function datasetOf(laDir: string, la: string): Promise<{ input: IndicatorInput; errors: number }> {
  const { read, assembled } = await readAsImport(laDir, la, '2099-01-01' as never);
  const errors = [...read.issues, ...assembled.issues].filter((i) => i.severity === 'error').length;
  return { input: buildIndicatorInput(assembled.dataset), errors: read.refused ? errors + 1 : errors };
}

/**
 * Generates, imports and measures the LAs (see the file comment).
 * @example const r = await calibrate({ las: ['841'], seed: '1', scale: 1, year: '2021-22' }); r.figures.length //=> 24
 */
export async function calibrate(opts: CalibrationOptions): Promise<CalibrationResult> {
  const table = loadLaTable();
  const fy = parsePeriod(opts.year);
  const quarters: Period[] = [1, 2, 3, 4].map((q) => parsePeriod(`${opts.year}-Q${q}`));
  const extract = day(fy.end);
  const out = mkdtempSync(join(tmpdir(), 'cspi-calibration-'));
  const figures: CalibrationFigure[] = [];
  const las: { code: string; name: string; claPer10000: number; errors: number }[] = [];
  try {
    for (const code of opts.las) {
      const la = table.find((l) => l.code === code);
      if (!la) throw new Error(`LA ${code} is not in data/las.csv`);
      writeLa(la, table, {
        out,
        seed: opts.seed,
        extract,
        years: collectionYears(extract, 5),
        scale: opts.scale,
        faults: [],
      });
      const { input, errors } = await datasetOf(join(out, code), code);
      las.push({ code, name: la.name, claPer10000: la.claPer10000, errors });
      for (const def of INDICATORS) {
        const run = (p: Period, basis: ReturnType<typeof headlineBasis>): number | null =>
          figureOf(def, runIndicator(def, input, p, basis, DEFAULT_SETTINGS, { members: false }));
        const q = quarters
          .map((p) => run(p, headlineBasis(def, DEFAULT_SETTINGS)))
          .filter((v): v is number => v !== null);
        figures.push({
          la: code,
          indicator: def.id,
          year: run(fy, yearBasis(def)),
          quarterMin: q.length > 0 ? Math.min(...q) : null,
          quarterMax: q.length > 0 ? Math.max(...q) : null,
          england: englandFigure(def),
        });
      }
      rmSync(join(out, code), { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { year: opts.year, seed: opts.seed, scale: opts.scale, las, figures };
}

const fmt = (v: number | null): string => (v === null ? '–' : String(v));

/**
 * England's figure as the calibration compares it: cic-count as a rate per 10,000 (70; each LA's own
 * rate in data/las.csv is what its figure should be near), every other one as the catalogue gives it.
 * @example englandFigure(indicatorById('cic-count')) //=> 70
 */
export function englandFigure(def: IndicatorDefinition): number | null {
  if (def.id === 'cic-count') return 70;
  return def.england?.value ?? null;
}

/**
 * The mean of the LAs' full-year figures for one indicator, to one decimal (null when none has one).
 * @example laMean(result, 'cp-repeat-any') //=> 21.4
 */
export function laMean(r: CalibrationResult, indicator: string): number | null {
  const v = r.figures.filter((f) => f.indicator === indicator && f.year !== null).map((f) => f.year!);
  return v.length === 0 ? null : Math.round((10 * v.reduce((a, b) => a + b, 0)) / v.length) / 10;
}

/**
 * The result as a Markdown table: one row per indicator, one column per LA (year figure and quarterly
 * range), England last.
 * @example calibrationTable(result).split('\n')[0] //=> '| indicator | Darlington (841) | … | mean | England |'
 */
export function calibrationTable(r: CalibrationResult): string {
  const head = `| indicator | ${r.las.map((l) => `${l.name} (${l.code})`).join(' | ')} | mean | England |`;
  const rule = `|---|${r.las.map(() => '---:|').join('')}---:|---:|`;
  const rows = INDICATORS.map((def) => {
    const cells = r.las.map((l) => {
      const f = r.figures.find((x) => x.la === l.code && x.indicator === def.id)!;
      return `${fmt(f.year)} (${fmt(f.quarterMin)}–${fmt(f.quarterMax)})`;
    });
    return `| ${def.id} | ${cells.join(' | ')} | ${fmt(laMean(r, def.id))} | ${fmt(englandFigure(def))} |`;
  });
  return [head, rule, ...rows].join('\n');
}

/**
 * The result in one row per indicator: England, the mean of the LAs' year figures, the lowest and
 * highest LA, and the lowest and highest quarter of any LA (`--summary`; the README's table).
 * @example calibrationSummary(result).split('\n')[0] //=> '| indicator | England | mean of LAs | LAs | quarters |'
 */
export function calibrationSummary(r: CalibrationResult): string {
  const head = '| indicator | England | mean of LAs | LAs | quarters |';
  const rule = '|---|---:|---:|---:|---:|';
  const range = (v: (number | null)[]): string => {
    const x = v.filter((n): n is number => n !== null);
    return x.length === 0 ? '–' : `${Math.min(...x)}–${Math.max(...x)}`;
  };
  const rows = INDICATORS.map((def) => {
    const f = r.figures.filter((x) => x.indicator === def.id);
    const quarters = range([...f.map((x) => x.quarterMin), ...f.map((x) => x.quarterMax)]);
    // cic-count: each LA's rate follows its data/las.csv rate, so their mean is the comparison.
    const ownRates = r.las.reduce((n, l) => n + (l.claPer10000 ?? 0), 0) / r.las.length;
    const england =
      def.id === 'cic-count'
        ? `${fmt(englandFigure(def))} (these LAs ${Math.round(ownRates)})`
        : fmt(englandFigure(def));
    return `| ${def.id} | ${england} | ${fmt(laMean(r, def.id))} | ${range(f.map((x) => x.year))} | ${quarters} |`;
  });
  return [head, rule, ...rows].join('\n');
}

function argValue(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

async function main(args: string[]): Promise<void> {
  const from = argValue(args, '--from', '');
  if (from !== '') {
    printResult(
      JSON.parse(readFileSync(from, 'utf8')) as CalibrationResult,
      args.includes('--json'),
      args.includes('--summary'),
    );
    return;
  }
  const result = await calibrate({
    las: argValue(args, '--las', DEFAULT_LAS.join(',')).split(','),
    seed: argValue(args, '--seed', '1'),
    scale: Number(argValue(args, '--scale', '1')),
    year: argValue(args, '--year', '2021-22'),
  });
  printResult(result, args.includes('--json'), args.includes('--summary'));
}

/** Prints a result as the table (or JSON). */
export function printResult(result: CalibrationResult, json: boolean, summary = false): void {
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `Synthetic calibration ${result.year}, seed ${result.seed}, scale ${result.scale}: year figure (lowest–highest quarter on the headline basis)`,
  );
  console.log(`Import errors: ${result.las.map((l) => `${l.code} ${l.errors}`).join(', ')}`);
  console.log(summary ? calibrationSummary(result) : calibrationTable(result));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
