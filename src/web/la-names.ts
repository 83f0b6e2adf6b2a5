import { loadLaTable } from '../synth/la-table.js';

let names: Map<string, string> | null = null;

/**
 * The name of an English LA from the shipped `data/las.csv` (DfE code → name, read as CSV, so a quoted name
 * with a comma is whole), for LAs the store holds without a name; null when unknown.
 * @example laName('841') //=> 'Darlington'
 * @example laName('810') //=> 'Kingston upon Hull, City of'
 */
export function laName(code: string): string | null {
  if (!names) {
    try {
      names = new Map(loadLaTable().map((la) => [la.code, la.name]));
    } catch {
      names = new Map(); // No table shipped: names fall back to the code.
    }
  }
  return names.get(code) ?? null;
}
