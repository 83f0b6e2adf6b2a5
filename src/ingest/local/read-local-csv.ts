import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import { csvRowFields } from '../csv/csv-row-fields.js';
import { streamCsv } from '../csv/stream-csv.js';
import { mapLocalRow } from './map-local-row.js';
import type { LocalTable } from './tables.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';

export interface ReadLocalCsvOptions {
  readonly path: string;
  readonly table: LocalTable;
  readonly index: Readonly<Record<string, number>>;
  readonly limits: IngestLimits;
  /**
   * Today: dates after it (rejected typos, GEN-FUTURE) are left out of the file's range and as-at date, as are
   * key dates before the bank-holiday table (GEN-PAST).
   */
  readonly today: IsoDate;
  onChunk?(chunk: Buffer): void;
}

/** The key-date range of the rows loaded from a local file, up to today. */
export interface LocalFileRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * What a local file's rows kept by its reader say of its dates (all up to today); worked out again from the
 * rows still loaded once the rules have run (`datesOfLoadedRows`).
 */
export interface LocalFileDates {
  /** The range of the key dates (§5: a newer file replaces earlier rows whose key date lies in it); null when none. */
  readonly range: LocalFileRange | null;
  /**
   * The file's as-at date: its latest date in any date column (indicators.md §1.8: "each local event file's
   * latest date"), so a contacts file whose last event is a decision is as at that decision's date, not its
   * last contact's receipt. Null for a reference table (no dates) or a file with no dated rows.
   */
  readonly latest: IsoDate | null;
  /**
   * Rows whose key date was left out as a typo: after today (GEN-FUTURE) or before the bank-holiday table
   * (GEN-PAST). A file whose dated rows are all such has no date, and its `S-YEAR` says why.
   */
  readonly typoDated?: number;
}

/**
 * Reads one local extract CSV (inputs.md §5) into the sink and returns the range of its rows' key dates and
 * its latest date of any kind.
 * @example await readLocalCsv(sink, { path, table: 'contacts', index, limits, today }) //=> { range: { start: '2021-04-01', end: '2022-03-31' }, latest: '2022-04-01' }
 */
export async function readLocalCsv(sink: FileSink, o: ReadLocalCsvOptions): Promise<LocalFileDates> {
  const columns = Object.values(o.index).filter((i) => i >= 0).length;
  // A Map, not the plain index object: the getter asks for many column names from one call site, which makes
  // an object's keyed look-up megamorphic (V8 then searches a shared cache on every call).
  const index: ReadonlyMap<string, number> = new Map(Object.entries(o.index));
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  let latest: IsoDate | null = null;
  const since = firstCountableDate();
  let typoDated = 0;
  await streamCsv({
    path: o.path,
    file: sink.file,
    limits: o.limits,
    columns,
    onChunk: o.onChunk,
    rows: {
      row: (row, line) => {
        const f = csvRowFields(sink, o.table, row, line, columns, -1);
        if (f === null) return;
        const d = mapLocalRow(
          o.table,
          (c) => {
            const i = index.get(c);
            return i === undefined || i < 0 ? null : row.cell(i);
          },
          f,
          sink,
        );
        if (d === null) return;
        // A row keyed after today is rejected (GEN-FUTURE): its typo date is no date the extract covers, so it
        // neither widens the range a newer file replaces nor moves the file's as-at date (§5); nor does any
        // other date after today (a typo decided_at, a planned allocation_end). Likewise a row keyed before the
        // bank-holiday table begins (GEN-PAST: 1922 for 2022): it must not stretch the range back to 1922, so
        // that the newer file would replace every earlier row from then on.
        if (d.key > o.today || d.key < since) {
          typoDated++;
          return;
        }
        if (start === null || d.key < start) start = d.key;
        if (end === null || d.key > end) end = d.key;
        let rowLatest = d.key;
        for (const x of d.others) if (x !== null && x <= o.today && x > rowLatest) rowLatest = x;
        if (latest === null || rowLatest > latest) latest = rowLatest;
        // The row's dates, so that once the rules have run only rows still loaded date the file (a row a rule
        // rejects, LOC-ORDER or GEN-DUP-KEY, is no event of it either).
        sink.dated(f.position, d.key, rowLatest);
      },
    },
  });
  return { range: start !== null && end !== null ? { start, end } : null, latest, typoDated };
}
