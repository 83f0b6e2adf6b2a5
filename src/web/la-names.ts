import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let names: Map<string, string> | null = null;

/**
 * The name of an English LA from the shipped `data/las.csv` (DfE code → name), for LAs the store holds
 * without a name; null when unknown.
 * @example laName('841') //=> 'Darlington'
 */
export function laName(code: string): string | null {
  if (!names) {
    names = new Map();
    try {
      const text = readFileSync(
        join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'las.csv'),
        'utf8',
      );
      for (const line of text.split(/\r?\n/).slice(1)) {
        const [la, , name] = line.split(',');
        if (la && name) names.set(la, name.replace(/^"|"$/g, ''));
      }
    } catch {
      // No table shipped: names fall back to the code.
    }
  }
  return names.get(code) ?? null;
}
