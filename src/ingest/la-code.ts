import { loadLaTable } from '../synth/la-table.js';

let byOns: ReadonlyMap<string, string> | null = null;

/**
 * The DfE three-digit code of an LA given by its DfE or ONS code (inputs.md §1: `--la 841` or `--la
 * E06000005`), from the shipped table of English LAs (`data/las.csv`, read by the synthesiser's
 * `loadLaTable`); null for a code the table does not know.
 * @example dfeLaCode('E06000005') //=> '841'
 * @example dfeLaCode('841') //=> '841'
 */
export function dfeLaCode(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (/^\d{3}$/.test(c)) return c;
  byOns ??= new Map(loadLaTable().map((la) => [la.ons.toUpperCase(), la.code]));
  return byOns.get(c) ?? null;
}

/**
 * The LA code cspi stores and looks up, from `--la`, `CSPI_LA` or a caller: the DfE three-digit number, also
 * when the LA is given by its ONS code (inputs.md §1: "841, or ONS code"), so `E06000005` and `841` are one
 * LA in the store and key one UPN alike. A code the LA table does not know is kept as given (trimmed).
 * @example laCode('E06000005') //=> '841'
 * @example laCode(' 841 ') //=> '841'
 */
export function laCode(value: string): string {
  const given = value.trim();
  return dfeLaCode(given) ?? given;
}

/**
 * Why a code given as the import's LA (`--la`, `CSPI_LA`) is no LA code, or null when it is one (inputs.md §1:
 * the DfE three-digit number or the ONS code). An LA's name (`Darlington`) is answered with its codes; any
 * other text with the two forms to give. `given` is how the user gave it (`--la`, `CSPI_LA`).
 * @example laCodeProblem('841', '--la') //=> null
 * @example laCodeProblem('Darlington', '--la') //=> '--la Darlington is not an LA code: Darlington is LA 841, so give --la 841 …'
 */
export function laCodeProblem(value: string, given: '--la' | 'CSPI_LA'): string | null {
  const v = value.trim();
  if (dfeLaCode(v) !== null) return null;
  const key = (s: string): string => s.toLowerCase().replace(/[^a-z]+/g, '');
  const la = loadLaTable().find((x) => key(x.name) === key(v));
  const flag = given === '--la' ? '--la ' : '';
  return la
    ? `${given} ${v} is not an LA code: ${la.name} is LA ${la.code}, so give ${flag}${la.code} (the DfE number) or ${flag}${la.ons} (its ONS code).`
    : `${given} ${v} is not an LA code cspi knows: give the LA's three-digit DfE number (e.g. 841) or its ONS code (e.g. E06000005).`;
}
