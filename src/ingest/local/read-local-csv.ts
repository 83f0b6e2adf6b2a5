import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import { cell } from '../row-fields.js';
import { csvRowFields } from '../csv/csv-row-fields.js';
import { streamCsv } from '../csv/stream-csv.js';
import { mapLocalRow } from './map-local-row.js';
import type { LocalTable } from './tables.js';
import type { IsoDate } from '../../calendar/iso-date.js';

export interface ReadLocalCsvOptions {
  readonly path: string;
  readonly table: LocalTable;
  readonly index: Readonly<Record<string, number>>;
  readonly limits: IngestLimits;
  /** Today: key dates after it (rejected typos) are left out of the file's range. */
  readonly today: IsoDate;
  onChunk?(chunk: Buffer): void;
}

/** The key-date range of the rows loaded from a local file, up to today (null when it holds none). */
export interface LocalFileRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * Reads one local extract CSV (inputs.md §5) into the sink and returns the range of its rows' key dates.
 * @example await readLocalCsv(sink, { path, table: 'contacts', index, limits, today }) //=> { start: '2021-04-01', end: '2022-03-31' }
 */
export async function readLocalCsv(sink: FileSink, o: ReadLocalCsvOptions): Promise<LocalFileRange | null> {
  const columns = Object.values(o.index).filter((i) => i >= 0).length;
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  await streamCsv({
    path: o.path,
    file: sink.file,
    limits: o.limits,
    columns,
    onChunk: o.onChunk,
    rows: {
      row: (cells, line) => {
        const f = csvRowFields(sink, o.table, cells, line, columns, -1);
        if (f === null) return;
        const d = mapLocalRow(
          o.table,
          (c) => {
            const i = o.index[c];
            return i === undefined || i < 0 ? null : cell(cells[i]);
          },
          f,
          sink,
        );
        // A row dated after today is rejected (GEN-FUTURE): its typo date is no date the extract covers,
        // so it neither widens the range a newer file replaces nor moves the file's as-at date (§5).
        if (d !== null && d <= o.today) {
          if (start === null || d < start) start = d;
          if (end === null || d > end) end = d;
        }
      },
    },
  });
  return start !== null && end !== null ? { start, end } : null;
}
