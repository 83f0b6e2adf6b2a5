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
import { type FaultRecord, type FaultKind, injectFaults } from './faults.js';
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
  const csvTables: CsvTable[] = [];
  const censuses: { path: string; census: ReturnType<typeof cinCensus>; year: CollectionYear }[] = [];
  for (const year of opts.years) {
    const base = `${la.code}/${year.label}`;
    censuses.push({ path: `${base}/cin_census.xml`, census: cinCensus(sim, year, la.code), year });
    csvTables.push(...ssda903Tables(sim, year, `${base}/ssda903`, opts.seed));
    csvTables.push(...localYearTables(sim, year, `${base}/local`, opts.extract));
  }
  csvTables.push(
    ...referenceTables(
      sim,
      `${la.code}/reference`,
      opts.extract,
      opts.years[0]!.start,
      profile,
      opts.years.map((y) => y.label),
    ),
  );
  const faults =
    opts.faults.length > 0
      ? injectFaults({ la, seed: opts.seed, kinds: opts.faults, csvTables, censuses, sim })
      : null;
  const files: WrittenFile[] = [];
  const write = (path: string, text: string, rows: number): void => {
    const full = join(opts.out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push({ path, rows, bytes: Buffer.byteLength(text) });
  };
  for (const c of censuses) write(c.path, xmlText(c.census.root), c.census.children.length);
  for (const t of csvTables) write(t.path, csvText(t), t.rows.length);
  return { files, faults: faults ? faults.resolve() : [], children: sim.children.length };
}
