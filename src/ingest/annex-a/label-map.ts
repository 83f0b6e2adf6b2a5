import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A per-column label → code table (inputs.md §4), kept as data in `data/annex-a/<name>.json` (LA-extendable). */
export interface LabelMapData {
  readonly column: string;
  readonly codes: readonly string[];
  /** Group labels that name no single code (e.g. referral source "Individual" = 1A–1D): read as no code. */
  readonly groups?: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/** How a cell's label was read. */
export type LabelRead =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'group' }
  | { readonly kind: 'unmapped' };

/**
 * Normalises a label (trim, collapse spaces, fold case, drop a leading `a)`).
 * @example normaliseLabel('  b)  1B:  Individual ') //=> '1b: individual'
 */
export function normaliseLabel(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^[a-z]\)\s*/, '');
}

/**
 * Maps a label tolerantly: the table's labels, a code as it is, an embedded code (`1B: Individual` → 1B,
 * `WBRI - White British` → WBRI, `1 - Male` → by its label), else a group label or unmapped.
 * @example mapLabel(GENDER, 'a) Male') //=> { kind: 'code', code: 'M' }
 */
export function mapLabel(map: LabelMapData, text: string): LabelRead {
  const n = normaliseLabel(text);
  const codes = new Set(map.codes.map((c) => c.toLowerCase()));
  const direct = map.labels[n];
  if (direct) return { kind: 'code', code: direct };
  if (codes.has(n)) return { kind: 'code', code: n.toUpperCase() };
  const parts = n.split(/\s*(?::|\s-\s)\s*/);
  if (parts.length > 1) {
    const head = parts[0]!;
    if (codes.has(head)) return { kind: 'code', code: head.toUpperCase() };
    const rest = parts.slice(1).join(' - ');
    if (map.labels[rest]) return { kind: 'code', code: map.labels[rest]! };
    if (map.groups?.includes(rest)) return { kind: 'group' };
  }
  if (map.groups?.includes(n)) return { kind: 'group' };
  return { kind: 'unmapped' };
}

const DIR = fileURLToPath(new URL('../../../data/annex-a/', import.meta.url));
const cache = new Map<string, LabelMapData>();

/** Loads a mapping table from `data/annex-a/<name>.json`. */
export function loadLabelMap(name: string, dir: string = DIR): LabelMapData {
  const key = `${dir}/${name}`;
  let m = cache.get(key);
  if (!m) {
    m = JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')) as LabelMapData;
    cache.set(key, m);
  }
  return m;
}
