import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** One English local authority from `data/las.csv`. */
export interface LaInfo {
  /** DfE three-digit code, e.g. `841`. */
  readonly code: string;
  /** ONS code, e.g. `E06000005`. */
  readonly ons: string;
  readonly name: string;
  readonly region: string;
  /** Approximate children aged 0–17 (ONS mid-year estimates, rounded). */
  readonly children: number;
  /** Approximate children looked after per 10,000 aged 0–17 (DfE CLA, rounded). */
  readonly claPer10000: number;
  /** Approximate centre, OS National Grid metres. */
  readonly easting: number;
  readonly northing: number;
  /** Postcode area of its synthetic postcodes, e.g. `DL`. */
  readonly postcodeArea: string;
}

/** The shipped table of all 153 English LAs, in the fixed `--las N` order (Darlington first). */
export const LA_TABLE_FILE = fileURLToPath(new URL('../../data/las.csv', import.meta.url));

let cached: LaInfo[] | null = null;

/** Reads `data/las.csv` (cached). */
export function loadLaTable(file = LA_TABLE_FILE): LaInfo[] {
  if (cached && file === LA_TABLE_FILE) return cached;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const las = rows.map((r) => ({
    code: r['la_code']!,
    ons: r['ons_code']!,
    name: r['name']!,
    region: r['region']!,
    children: Number(r['children_0_17']),
    claPer10000: Number(r['cla_per_10000']),
    easting: Number(r['easting']),
    northing: Number(r['northing']),
    postcodeArea: r['postcode_area']!,
  }));
  if (file === LA_TABLE_FILE) cached = las;
  return las;
}

/**
 * The first n LAs in the table's fixed order (1 = Darlington, 841).
 * @example selectLas(1)[0].code //=> '841'
 */
export function selectLas(n: number, table = loadLaTable()): LaInfo[] {
  return table.slice(0, Math.max(0, Math.min(n, table.length)));
}
