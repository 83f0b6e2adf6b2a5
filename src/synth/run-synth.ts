import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLaTable, selectLas } from './la-table.js';
import { collectionYears } from './collection-years.js';
import { type Day, iso } from './day-calendar.js';
import { type FaultKind, type FaultRecord } from './faults.js';
import { type WrittenFile, writeLa } from './write-la.js';

/** Options of `cspi synth`. */
export interface SynthOptions {
  readonly out: string;
  /** Number of LAs, in the fixed order of data/las.csv (1 = Darlington). */
  readonly las: number;
  readonly years: number;
  readonly extract: Day;
  readonly seed: string;
  readonly faults: readonly FaultKind[];
  /** Population multiplier (1 = real scale; smaller for fast tests). */
  readonly scale: number;
  /** Called after each LA is written. */
  readonly onLa?: (done: number, total: number, la: string) => void;
}

/** Totals of a run (what the CLI prints). */
export interface SynthSummary {
  readonly las: string[];
  readonly years: string[];
  readonly files: number;
  readonly rows: number;
  readonly bytes: number;
  readonly faults: number;
}

/**
 * Generates the synthetic LAs one at a time (each simulated, written and released before the next),
 * then writes `manifest.json` and, with faults, `faults.json`. Same options → byte-identical output.
 */
export function runSynth(opts: SynthOptions): SynthSummary {
  const table = loadLaTable();
  const las = selectLas(opts.las, table);
  const years = collectionYears(opts.extract, opts.years);
  mkdirSync(opts.out, { recursive: true });
  const files: WrittenFile[] = [];
  const faults: FaultRecord[] = [];
  const laEntries: {
    code: string;
    ons: string;
    name: string;
    region: string;
    children_0_17: number;
    children_simulated: number;
  }[] = [];
  las.forEach((la, i) => {
    const r = writeLa(la, table, {
      out: opts.out,
      seed: opts.seed,
      extract: opts.extract,
      years,
      scale: opts.scale,
      faults: opts.faults,
    });
    files.push(...r.files);
    faults.push(...r.faults);
    laEntries.push({
      code: la.code,
      ons: la.ons,
      name: la.name,
      region: la.region,
      children_0_17: Math.round(la.children * opts.scale),
      children_simulated: r.children,
    });
    opts.onLa?.(i + 1, las.length, la.code);
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = {
    generator: 'cspi synth',
    seed: opts.seed,
    extract: iso(opts.extract),
    scale: opts.scale,
    years: years.map((y) => y.label),
    las: laEntries,
    faults: opts.faults.length > 0 ? { kinds: opts.faults, count: faults.length, file: 'faults.json' } : null,
    files: files.map((f) => ({ path: f.path, rows: f.rows, bytes: f.bytes })),
  };
  writeFileSync(join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (opts.faults.length > 0)
    writeFileSync(join(opts.out, 'faults.json'), `${JSON.stringify(faults, null, 2)}\n`);
  return {
    las: las.map((l) => l.code),
    years: years.map((y) => y.label),
    files: files.length,
    rows: files.reduce((n, f) => n + f.rows, 0),
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    faults: faults.length,
  };
}
