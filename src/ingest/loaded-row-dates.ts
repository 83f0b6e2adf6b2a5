import type { IsoDate } from '../calendar/iso-date.js';
import type { RowDates } from './file-sink.js';
import type { StagedTables } from './staged.js';

/** What the rows of a file still loaded after the rules say of its dates. */
export interface LoadedDates {
  /** The range of their key dates; null when none has one. */
  readonly range: { readonly start: IsoDate; readonly end: IsoDate } | null;
  /** Their latest event date; null when none has one. */
  readonly latest: IsoDate | null;
}

/**
 * The key-date range and latest event date of a file's rows that are still loaded once the rules have run
 * (inputs.md §1 as-at date, §5 range): the dates its reader noted per row position (`rowDates`), for each
 * position where a record of the file is still staged. Reading of §1 and §6: a row not loaded, whether its
 * reader or a rule (GEN-DUP-KEY, LOC-ORDER, CIN-CPP-ORDER…) rejected it, is no event of its submission. Child
 * records are left out: one stands for every row of its child and keeps the first one's position.
 * @example datesOfLoadedRows({ contacts: [k1] }, 'contacts.csv', new Map([['line 2', { key: '2021-06-01', latest: '2021-06-02' }]])) //=> { range: { start: '2021-06-01', end: '2021-06-01' }, latest: '2021-06-02' }
 */
export function datesOfLoadedRows(
  tables: StagedTables,
  file: string,
  rowDates: ReadonlyMap<string, RowDates>,
): LoadedDates {
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  let latest: IsoDate | null = null;
  const seen = new Set<string>();
  for (const [table, records] of Object.entries(tables) as [string, unknown[] | undefined][]) {
    // Only local and Annex A rows are dated so; SSDA903 episodes (held by column) never are.
    if (table === 'children' || !Array.isArray(records)) continue;
    for (const r of records) {
      const src = (r as { source?: { file: string; position: string } }).source;
      if (src === undefined || src.file !== file || seen.has(src.position)) continue;
      seen.add(src.position);
      const d = rowDates.get(src.position);
      if (d === undefined) continue;
      if (d.key !== null) {
        if (start === null || d.key < start) start = d.key;
        if (end === null || d.key > end) end = d.key;
      }
      if (d.latest !== null && (latest === null || d.latest > latest)) latest = d.latest;
    }
  }
  return { range: start !== null && end !== null ? { start, end } : null, latest };
}
