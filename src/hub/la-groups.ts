import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { dfeLaCode } from '../ingest/la-code.js';
import { jsonSyntaxError } from '../indicators/json-syntax-error.js';

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
 * ONS code (`"E06000005"`, stored as its DfE code, inputs.md §1). A group named after one LA (`"statistical-
 * neighbours:E06000005"`, README "Benchmarks") is named by that LA's DfE code too (`…:841`), so the LA finds its
 * own group (`snGroupName`): by its ONS code it never did, and its SN mean silently fell back to the plain group
 * or to none. Anything else is refused with where it is: a file that is not JSON crashed `cspi hub benchmarks`
 * (S-INTERNAL), and a group that was not a list (`"sn": "805"`), a top-level list, or a code no LA has
 * (`"0805"`) was dropped without a word, so the benchmarks silently lacked the group or the LA. An ONS code the
 * LA table does not know (a district's `E07…`) is refused naming it, saying to give the 3-digit DfE code; one
 * LA's group given under both its codes is refused rather than one of them dropped.
 * @example parseLaGroups('{ "statistical-neighbours:841": ["805", 806] }') //=> { 'statistical-neighbours:841': ['805', '806'] }
 * @example parseLaGroups('{ "statistical-neighbours:E06000005": ["E06000001"] }') //=> { 'statistical-neighbours:841': ['805'] }
 */
export function parseLaGroups(text: string): Record<string, string[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Where and why, in one line; JSON.parse's message quotes the text (over two lines at a line break).
    const e = jsonSyntaxError(text.replace(/^\uFEFF/, ''));
    throw new LaGroupsError(e ? `not JSON (line ${e.line}, column ${e.column}: ${e.reason})` : 'not JSON');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new LaGroupsError('must be a JSON object { "group name": ["LA code", …] }');
  const out: Record<string, string[]> = {};
  const givenAs: Record<string, string> = {};
  for (const [given, codes] of Object.entries(doc as Record<string, unknown>)) {
    if (!Array.isArray(codes))
      throw new LaGroupsError(`group "${given}" must be a list of LA codes, e.g. ["805", "806"]`);
    const name = groupName(given);
    if (givenAs[name] !== undefined)
      throw new LaGroupsError(
        `groups "${givenAs[name]}" and "${given}" are the same group (LA ${name.slice(name.lastIndexOf(':') + 1)} is ${given.slice(given.lastIndexOf(':') + 1)}): give it once`,
      );
    givenAs[name] = given;
    out[name] = codes.map((c) => {
      const code = typeof c === 'number' || typeof c === 'string' ? dfeLaCode(String(c)) : null;
      if (code !== null) return code;
      if (typeof c === 'string' && isOnsCode(c))
        throw new LaGroupsError(
          `group "${given}": ${unknownOnsCode(c)}; give the LA's 3-digit DfE code (e.g. 841)`,
        );
      throw new LaGroupsError(
        `group "${given}": ${JSON.stringify(c)} is not an LA code (a 3-digit DfE code or an ONS code)`,
      );
    });
  }
  return out;
}

/** An ONS area code's shape (`E06000005`): a letter for the country and eight digits. */
const isOnsCode = (s: string): boolean => /^[EWSN]\d{8}$/i.test(s.trim());

const unknownOnsCode = (code: string): string =>
  `${code.trim()} is not the ONS code of an LA in the LA table (data/las.csv), which holds each upper-tier LA (a county, not its districts)`;

/**
 * A group's name with the ONS code of the LA it is named after (`statistical-neighbours:E06000005`) as its DfE
 * code (`statistical-neighbours:841`); any other name as given. Throws for an ONS code the table does not know.
 */
function groupName(given: string): string {
  const colon = given.lastIndexOf(':');
  const suffix = given.slice(colon + 1);
  if (colon < 0 || !isOnsCode(suffix)) return given;
  const code = dfeLaCode(suffix);
  if (code === null)
    throw new LaGroupsError(
      `group "${given}": ${unknownOnsCode(suffix)}; name the group by the LA's 3-digit DfE code (e.g. "${given.slice(0, colon)}:841")`,
    );
  return `${given.slice(0, colon)}:${code}`;
}

/** The groups an LA belongs to. */
export function groupsOf(groups: LaGroups, la: string): string[] {
  return Object.keys(groups).filter((g) => groups[g]!.includes(la));
}
