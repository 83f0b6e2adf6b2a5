import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The shipped table of English LAs (DfE code, ONS code, name, region, …). */
export const LA_TABLE = fileURLToPath(new URL('../../data/las.csv', import.meta.url));

/** Groups of LAs by name: `region:North East`, and any named in a groups file (statistical neighbours). */
export type LaGroups = Readonly<Record<string, readonly string[]>>;

/**
 * Region groups from the LA table (`la_code` and `region` columns): `{ "region:North East": ["841", …] }`.
 * The table is CSV with quoted names ("Bristol, City of"): read as CSV, not split on commas, which put Hull,
 * Herefordshire, Bristol and Bournemouth in regions named after the end of their names.
 * @example regionGroups('la_code,region\n841,North East\n') //=> { 'region:North East': ['841'] }
 */
export function regionGroups(csv: string): Record<string, string[]> {
  const rows = parse(csv.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string | undefined>[];
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    const code = row['la_code'];
    const region = row['region'];
    if (code === undefined || region === undefined) return {};
    (out[`region:${region}`] ??= []).push(code);
  }
  return out;
}

/** Region groups of the shipped LA table, plus the groups of a groups file (`{ "name": ["841", …] }`). */
export function loadLaGroups(groupsFile?: string): LaGroups {
  const groups: Record<string, string[]> = existsSync(LA_TABLE)
    ? regionGroups(readFileSync(LA_TABLE, 'utf8'))
    : {};
  if (groupsFile) {
    const doc = JSON.parse(readFileSync(groupsFile, 'utf8')) as Record<string, unknown>;
    for (const [name, codes] of Object.entries(doc)) {
      if (Array.isArray(codes)) groups[name] = codes.map(String);
    }
  }
  return groups;
}

/** The groups an LA belongs to. */
export function groupsOf(groups: LaGroups, la: string): string[] {
  return Object.keys(groups).filter((g) => groups[g]!.includes(la));
}
