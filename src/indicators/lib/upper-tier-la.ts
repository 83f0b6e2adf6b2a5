import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadLaTable } from '../../synth/la-table.js';

/**
 * The shipped lower→upper-tier lookup (inputs.md §2.4.4): each two-tier district (E07) with the county
 * that is its children's services authority, current as at the 2023 reorganisations, plus the codes of
 * districts and unitaries replaced since 2012 with the authority that now covers them (an older postcode
 * directory still carries those), each with the date it was replaced.
 */
export const UPPER_TIER_FILE = fileURLToPath(new URL('../../../data/la-upper-tier.csv', import.meta.url));

/** Codes outside England, by the first letter of an ONS code (inputs.md §2.4.4: W/S/N → WAL/SCO/NIR). */
const NATIONS: Readonly<Record<string, string>> = { W: 'WAL', S: 'SCO', N: 'NIR' };

let lookup: ReadonlyMap<string, string> | null = null;
let laByOns: ReadonlyMap<string, { readonly ons: string; readonly name: string }> | null = null;
let laByDfe: ReadonlyMap<string, { readonly ons: string; readonly name: string }> | null = null;

function upperOf(): ReadonlyMap<string, string> {
  lookup ??= new Map(
    (
      parse(readFileSync(UPPER_TIER_FILE, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
        string,
        string
      >[]
    ).map((r) => [r['lad_code']!.toUpperCase(), r['upper_tier_code']!.toUpperCase()]),
  );
  return lookup;
}

function englishLas(): void {
  if (laByOns && laByDfe) return;
  const table = loadLaTable();
  laByOns = new Map(table.map((la) => [la.ons.toUpperCase(), { ons: la.ons.toUpperCase(), name: la.name }]));
  laByDfe = new Map(table.map((la) => [la.code, { ons: la.ons.toUpperCase(), name: la.name }]));
}

/**
 * The upper-tier local authority a postcode's local authority district (`laua`) lies in, as the ONS code of
 * the children's services authority (`data/las.csv`): a unitary, metropolitan or London code is its own; a
 * two-tier district (or a replaced code) gives its authority through the lookup; a code in Wales,
 * Scotland or Northern Ireland gives WAL, SCO or NIR, and any other non-English code itself (outside every
 * English LA). Null for an English code cspi does not know, or a blank one.
 * @example upperTierLa('E07000223') //=> 'E10000032' (Adur, in West Sussex)
 * @example upperTierLa('E06000005') //=> 'E06000005' (Darlington)
 * @example upperTierLa('W06000015') //=> 'WAL'
 */
export function upperTierLa(laua: string | null): string | null {
  const code = laua?.trim().toUpperCase() ?? '';
  if (code === '') return null;
  if (!code.startsWith('E')) return NATIONS[code[0]!] ?? code;
  englishLas();
  if (laByOns!.has(code)) return code;
  return upperOf().get(code) ?? null;
}

/**
 * An English LA (by its DfE number, e.g. `841`, or its ONS code) as its ONS code and name, from the shipped
 * LA table; null when the table does not know it.
 * @example responsibleLa('841') //=> { ons: 'E06000005', name: 'Darlington' }
 */
export function responsibleLa(la: string): { readonly ons: string; readonly name: string } | null {
  englishLas();
  const code = la.trim().toUpperCase();
  return laByDfe!.get(code) ?? laByOns!.get(code) ?? null;
}
