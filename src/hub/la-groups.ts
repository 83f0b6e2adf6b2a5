import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { dfeLaCode } from '../ingest/la-code.js';

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

/**
 * Region groups of the shipped LA table, plus the groups of a groups file (`{ "name": ["841", …] }`, read by
 * {@link parseLaGroups}). Throws {@link LaGroupsError} for a file that is not such a document.
 */
export function loadLaGroups(groupsFile?: string): LaGroups {
  const groups: Record<string, string[]> = existsSync(LA_TABLE)
    ? regionGroups(readFileSync(LA_TABLE, 'utf8'))
    : {};
  if (groupsFile) Object.assign(groups, parseLaGroups(readFileSync(groupsFile, 'utf8')));
  return groups;
}

/** A groups file that is not `{ "group name": ["LA code", …] }`; the message says where. */
export class LaGroupsError extends Error {
  override readonly name = 'LaGroupsError';
}

/**
 * The groups of a groups file: a JSON object of lists of LA codes, each a DfE code (`"841"` or `841`) or an
 * ONS code (`"E06000005"`, stored as its DfE code). Anything else is refused with where it is: a file that is
 * not JSON crashed `cspi hub benchmarks` (S-INTERNAL), and a group that was not a list (`"sn": "805"`), a
 * top-level list, or a code no LA has (`"0805"`) was dropped without a word, so the benchmarks silently
 * lacked the group or the LA.
 * @example parseLaGroups('{ "statistical-neighbours:841": ["805", 806] }') //=> { 'statistical-neighbours:841': ['805', '806'] }
 */
export function parseLaGroups(text: string): Record<string, string[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new LaGroupsError(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new LaGroupsError('must be a JSON object { "group name": ["LA code", …] }');
  const out: Record<string, string[]> = {};
  for (const [name, codes] of Object.entries(doc as Record<string, unknown>)) {
    if (!Array.isArray(codes))
      throw new LaGroupsError(`group "${name}" must be a list of LA codes, e.g. ["805", "806"]`);
    out[name] = codes.map((c) => {
      const code = typeof c === 'number' || typeof c === 'string' ? dfeLaCode(String(c)) : null;
      if (code === null)
        throw new LaGroupsError(
          `group "${name}": ${JSON.stringify(c)} is not an LA code (a 3-digit DfE code or an ONS code)`,
        );
      return code;
    });
  }
  return out;
}

/** The groups an LA belongs to. */
export function groupsOf(groups: LaGroups, la: string): string[] {
  return Object.keys(groups).filter((g) => groups[g]!.includes(la));
}
