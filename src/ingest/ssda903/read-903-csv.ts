import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import { RowFields, cell } from '../row-fields.js';
import { streamCsv } from '../csv/stream-csv.js';
import { map903Row } from './map-903-row.js';
import type { Ssda903Table } from './tables.js';

export interface Read903CsvOptions {
  readonly path: string;
  readonly table: Ssda903Table;
  /** Canonical column → index in the file (-1 absent). */
  readonly index: Readonly<Record<string, number>>;
  readonly limits: IngestLimits;
  readonly upnKey: string;
  onChunk?(chunk: Buffer): void;
}

/**
 * Reads one SSDA903 CSV table (inputs.md §2.1) into the sink: rows streamed, each mapped to its record;
 * a row with the wrong number of fields is `GEN-FIELDS` (error).
 * @example await read903Csv(sink, { path, table: 'Episodes', index, limits, upnKey })
 */
export async function read903Csv(sink: FileSink, o: Read903CsvOptions): Promise<void> {
  const columns = Object.values(o.index).filter((i) => i >= 0).length;
  const index = o.index;
  const label = o.table;
  const options = { dateStyle: 'dmy', upnKey: o.upnKey } as const;
  // One getter for the file, reading the current row's cells.
  let cells: string[] = [];
  const get = (c: string): string | null => {
    const i = index[c];
    return i === undefined || i < 0 ? null : cell(cells[i]);
  };
  await streamCsv({
    path: o.path,
    file: sink.file,
    limits: o.limits,
    columns,
    onChunk: o.onChunk,
    onRow: (row, line) => {
      cells = row;
      sink.read(label);
      const f = new RowFields(sink, label, `line ${line}`, null, null);
      if (cells.length !== columns) {
        f.childId = cell(cells[index['CHILD']!]);
        f.issue(
          'GEN-FIELDS',
          'error',
          null,
          null,
          `the row has ${cells.length} fields but the header has ${columns}`,
        );
        return;
      }
      map903Row(o.table, get, f, sink, options);
    },
  });
}
