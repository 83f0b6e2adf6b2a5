import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shipped table of English LAs (`la_code` DfE number, `ons_code`, …). */
const LA_TABLE = fileURLToPath(new URL('../../data/las.csv', import.meta.url));

let byOns: Map<string, string> | null = null;

/**
 * The DfE three-digit code of an LA given by its DfE or ONS code (inputs.md §1: `--la 841` or `--la
 * E06000005`), from the shipped LA table; null for a code the table does not know.
 * @example dfeLaCode('E06000005') //=> '841'
 * @example dfeLaCode('841') //=> '841'
 */
export function dfeLaCode(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (/^\d{3}$/.test(c)) return c;
  if (byOns === null) {
    byOns = new Map();
    if (existsSync(LA_TABLE)) {
      const lines = readFileSync(LA_TABLE, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
      const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
      const dfe = header.indexOf('la_code');
      const ons = header.indexOf('ons_code');
      if (dfe >= 0 && ons >= 0)
        for (const line of lines.slice(1)) {
          const cells = line.split(',');
          const o = cells[ons]?.trim().toUpperCase();
          const d = cells[dfe]?.trim();
          if (o && d) byOns.set(o, d);
        }
    }
  }
  return byOns.get(c) ?? null;
}
