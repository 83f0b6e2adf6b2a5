import type { Note } from '../types.js';

/**
 * A counted note (e.g. `invalidDates`), or null when the count is 0 so it is left out.
 * @example countNote('invalidDates', 2) //=> { code: 'invalidDates', count: 2 }
 */
export function countNote(code: string, count: number, detail?: string): Note | null {
  if (count <= 0) return null;
  return detail === undefined ? { code, count } : { code, count, detail };
}

/** Notes without nulls, one per code, sorted by code (stable JSON). */
export function sortNotes(notes: readonly (Note | null)[]): Note[] {
  const byCode = new Map<string, Note>();
  for (const n of notes) if (n && !byCode.has(n.code)) byCode.set(n.code, n);
  return [...byCode.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((n) => ({
      code: n.code,
      ...(n.count !== undefined ? { count: n.count } : {}),
      ...(n.detail !== undefined ? { detail: n.detail } : {}),
    }));
}
