import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shipped table of English LAs (DfE code, ONS code, name, region, …). */
export const LA_TABLE = fileURLToPath(new URL('../../data/las.csv', import.meta.url));

/** Groups of LAs by name: `region:North East`, and any named in a groups file (statistical neighbours). */
export type LaGroups = Readonly<Record<string, readonly string[]>>;

/**
 * Region groups from the LA table (`la_code` and `region` columns): `{ "region:North East": ["841", …] }`.
 * @example regionGroups('la_code,region\n841,North East\n') //=> { 'region:North East': ['841'] }
 */
export function regionGroups(csv: string): Record<string, string[]> {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const code = header.indexOf('la_code');
  const region = header.indexOf('region');
  const out: Record<string, string[]> = {};
  if (code < 0 || region < 0) return out;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const name = `region:${cells[region]!.trim()}`;
    (out[name] ??= []).push(cells[code]!.trim());
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
