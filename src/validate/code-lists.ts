import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One code of a field's list for a collection year (inputs.md §1 "Reference data is data, not code"). */
export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  readonly group?: string;
  readonly status: 'valid' | 'legacy';
  /** The code a legacy code is read as. */
  readonly maps_to?: string;
  /** Severity of a legacy code's issue when not the default warning (CIN 18A/19A: query). */
  readonly severity?: 'warning' | 'query';
}

/** A source's code lists for one collection year: field → entries. */
export interface CodeLists {
  readonly source: 'ssda903' | 'cin';
  readonly year: string;
  readonly fields: Readonly<Record<string, readonly CodeEntry[]>>;
}

/** Fast lookup over a year's lists. */
export class CodeBook {
  private readonly maps = new Map<string, Map<string, CodeEntry>>();
  constructor(readonly lists: CodeLists) {
    for (const [field, entries] of Object.entries(lists.fields)) {
      this.maps.set(field, new Map(entries.map((e) => [e.code.toUpperCase(), e])));
    }
  }
  private readonly currentSets = new Map<string, ReadonlySet<string>>();
  /**
   * The field's valid, current codes as written in the list (upper case), for a quick membership test; a
   * value not in it may still be a lower-case or legacy code ({@link get} says which).
   * @example book.current('PLACE').has('K2') //=> true
   */
  current(field: string): ReadonlySet<string> {
    let set = this.currentSets.get(field);
    if (set === undefined) {
      const codes = new Set<string>();
      for (const [code, e] of this.maps.get(field) ?? []) if (e.status !== 'legacy') codes.add(code);
      this.currentSets.set(field, (set = codes));
    }
    return set;
  }
  /** True when the year has a list for the field. */
  has(field: string): boolean {
    return this.maps.has(field);
  }
  /** The entry for a code (case-insensitive), or undefined when not in the list. */
  get(field: string, code: string): CodeEntry | undefined {
    const map = this.maps.get(field);
    // Keys are upper case, so an exact hit is the upper-case hit; most codes arrive upper case already.
    return map === undefined ? undefined : (map.get(code) ?? map.get(code.toUpperCase()));
  }
}

const DATA_DIR = fileURLToPath(new URL('../../data/codelists/', import.meta.url));
/** dir → `source|year` → book (null when the year has none). */
const cache = new Map<string, Map<string, CodeBook | null>>();

/**
 * Loads a source's code lists for a collection year from `data/codelists/<source>/<year>.json`; null when
 * the year has no lists (`S-YEAR`).
 * @example loadCodeBook('ssda903', '2024-25')?.get('PLACE', 'K3')?.status //=> 'valid'
 */
export function loadCodeBook(
  source: 'ssda903' | 'cin',
  year: string,
  dir: string = DATA_DIR,
): CodeBook | null {
  let books = cache.get(dir);
  if (books === undefined) cache.set(dir, (books = new Map()));
  const key = source === 'cin' ? `cin|${year}` : `ssda903|${year}`;
  const hit = books.get(key);
  if (hit !== undefined) return hit;
  const path = `${dir}/${source}/${year}.json`;
  const book =
    /^\d{4}-\d{2}$/.test(year) && existsSync(path)
      ? new CodeBook(JSON.parse(readFileSync(path, 'utf8')) as CodeLists)
      : null;
  books.set(key, book);
  return book;
}
