import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LaInfo } from './la-table.js';
import type { CollectionYear } from './collection-years.js';
import { simulateLa } from './simulate-la.js';
import { laProfile } from './la-profile.js';
import { ssda903Tables } from './tables-903.js';
import { localYearTables, referenceTables } from './tables-local.js';
import { cinCensus } from './cin-xml.js';
import { type CsvTable, csvText } from './csv-table.js';
import { xmlText } from './xml-tree.js';
import { type FaultRecord, type FaultKind, injectFaults, planFaults } from './faults.js';
import type { Day } from './day-calendar.js';

/** A file written, for the manifest: path relative to the output folder and its data rows. */
export interface WrittenFile {
  readonly path: string;
  /** CSV data rows (header excluded); for CIN XML, the number of Child elements. */
  readonly rows: number;
  readonly bytes: number;
}

/** Options of one LA's output. */
export interface LaWriteOptions {
  readonly out: string;
  readonly seed: string;
  readonly extract: Day;
  readonly years: readonly CollectionYear[];
  readonly scale: number;
  readonly faults: readonly FaultKind[];
}

/** What one LA produced. */
export interface LaResult {
  readonly files: WrittenFile[];
  readonly faults: FaultRecord[];
  readonly children: number;
}

/**
 * Simulates one LA and writes all its files (layout in README "Synthetic data"), then lets the
 * simulation go: only one LA is held in memory at a time.
 */
export function writeLa(la: LaInfo, table: readonly LaInfo[], opts: LaWriteOptions): LaResult {
  const sim = simulateLa(la, table, {
    seed: opts.seed,
    extract: opts.extract,
    windowStart: opts.years[0]!.start,
    scale: opts.scale,
  });
  const profile = laProfile(la, opts.seed, opts.scale);
  const plan = planFaults(opts.seed, la.code, opts.faults, opts.years.length);
  const files: WrittenFile[] = [];
  const faults: FaultRecord[] = [];
  const write = (path: string, text: string, rows: number): void => {
    const full = join(opts.out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push({ path, rows, bytes: Buffer.byteLength(text) });
  };
  // One collection year at a time: build, inject that year's faults, write, let go.
  opts.years.forEach((year, i) => {
    const base = `${la.code}/${year.label}`;
    const census = { path: `${base}/cin_census.xml`, census: cinCensus(sim, year, la.code), year };
    const csvTables: CsvTable[] = [
      ...ssda903Tables(sim, year, `${base}/ssda903`, opts.seed),
      ...localYearTables(sim, year, `${base}/local`, opts.extract),
    ];
    const kinds = plan[i]!;
    const injected =
      kinds.length > 0
        ? injectFaults({
            la,
            seed: opts.seed,
            kinds,
            label: year.label,
            csvTables,
            censuses: [census],
            year,
            laterYears: opts.years.slice(i + 1),
            sim,
          })
        : null;
    write(census.path, xmlText(census.census.root), census.census.children.length);
    for (const t of csvTables) write(t.path, csvText(t), t.rows.length);
    if (injected) faults.push(...injected.resolve());
  });
  const reference = referenceTables(
    sim,
    `${la.code}/reference`,
    opts.extract,
    opts.years[0]!.start,
    profile,
    opts.years.map((y) => y.label),
  );
  for (const t of reference) write(t.path, csvText(t), t.rows.length);
  return { files, faults, children: sim.children.length };
}
