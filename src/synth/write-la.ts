import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LaInfo } from './la-table.js';
import type { CollectionYear } from './collection-years.js';
import { simulateLa } from './simulate-la.js';
import { laProfile } from './la-profile.js';
import { ssda903Tables } from './tables-903.js';
import { localYearTables, referenceTables } from './tables-local.js';
import { cinCensus, writeCinCensus } from './cin-xml.js';
import { type CsvOpener, type CsvTable, CsvStream, csvText, tableOut } from './csv-table.js';
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
 * simulation go: only one LA is held in memory at a time. Files are written as their rows are made
 * (no whole-file text or tree), except a year that gets faults, whose tables are held until injected.
 */
export function writeLa(la: LaInfo, table: readonly LaInfo[], opts: LaWriteOptions): LaResult {
  const sim = simulateLa(la, table, {
    seed: opts.seed,
    extract: opts.extract,
    windowStart: opts.years[0]!.start,
    scale: opts.scale,
  });
  const byId = [...sim.children].sort((a, b) => (a.id < b.id ? -1 : 1));
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
  /** Runs a table builder with each table streamed to its file. */
  const stream = (dir: string, build: (open: CsvOpener) => void): void => {
    const open: [string, CsvStream][] = [];
    build((name, columns) => {
      const path = `${dir}/${name}.csv`;
      const s = new CsvStream(join(opts.out, path), columns);
      open.push([path, s]);
      return s;
    });
    for (const [path, s] of open) files.push({ path, ...s.close() });
  };
  /** Runs a table builder with each table held in memory (added to `into`). */
  const hold = (dir: string, into: CsvTable[], build: (open: CsvOpener) => void): void =>
    build((name, columns) => {
      const t: CsvTable = { path: `${dir}/${name}.csv`, columns, rows: [] };
      into.push(t);
      return tableOut(t);
    });
  opts.years.forEach((year, i) => {
    const base = `${la.code}/${year.label}`;
    const cinPath = `${base}/cin_census.xml`;
    const build903 = (open: CsvOpener): void => ssda903Tables(sim, year, opts.seed, open);
    const buildLocal = (open: CsvOpener): void => localYearTables(sim, year, opts.extract, open);
    const kinds = plan[i]!;
    if (kinds.length === 0) {
      files.push({ path: cinPath, ...writeCinCensus(join(opts.out, cinPath), byId, year, la.code) });
      stream(`${base}/ssda903`, build903);
      stream(`${base}/local`, buildLocal);
      return;
    }
    // A year with faults: build, inject, write.
    const census = { path: cinPath, census: cinCensus(byId, year, la.code), year };
    const csvTables: CsvTable[] = [];
    hold(`${base}/ssda903`, csvTables, build903);
    hold(`${base}/local`, csvTables, buildLocal);
    const injected = injectFaults({
      la,
      seed: opts.seed,
      kinds,
      label: year.label,
      csvTables,
      censuses: [census],
      year,
      laterYears: opts.years.slice(i + 1),
      sim,
    });
    write(census.path, xmlText(census.census.root), census.census.children.length);
    for (const t of csvTables) write(t.path, csvText(t), t.rows.length);
    faults.push(...injected.resolve());
  });
  const labels = opts.years.map((y) => y.label);
  stream(`${la.code}/reference`, (open) =>
    referenceTables(sim, opts.extract, opts.years[0]!.start, profile, labels, open),
  );
  return { files, faults, children: sim.children.length };
}
