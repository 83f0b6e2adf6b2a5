import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import { csvRowFields } from '../csv/csv-row-fields.js';
import { streamCsv } from '../csv/stream-csv.js';
import type { CsvRowSink } from '../csv/csv-row-reader.js';
import { map903Row, type Map903Options } from './map-903-row.js';
import { CsvRow } from '../csv/csv-row.js';
import { RowFields } from '../row-fields.js';
import { COLUMN, SSDA903_COLUMN_NAMES, type Ssda903Table } from './tables.js';

export interface Read903CsvOptions {
  readonly path: string;
  readonly table: Ssda903Table;
  /** Canonical column → index in the file (-1 absent). */
  readonly index: Readonly<Record<string, number>>;
  readonly limits: IngestLimits;
  onChunk?(chunk: Buffer): void;
}

/**
 * Reads one SSDA903 CSV table (inputs.md §2.1) into the sink: rows streamed, each mapped to its record;
 * a row with the wrong number of fields is `GEN-FIELDS` (error).
 * @example await read903Csv(sink, { path, table: 'Episodes', index, limits })
 */
export async function read903Csv(sink: FileSink, o: Read903CsvOptions): Promise<void> {
  const columns = Object.values(o.index).filter((i) => i >= 0).length;
  try {
    await streamCsv({
      path: o.path,
      file: sink.file,
      limits: o.limits,
      columns,
      onChunk: o.onChunk,
      rows: new Ssda903Rows(sink, o, columns),
    });
  } finally {
    // The last row points into the file's text: let it go with the file.
    currentRow = NO_ROW;
    currentChild = null;
  }
}

/**
 * The row being mapped, where its file holds each column (rows are mapped one at a time, synchronously) and
 * its child id. The mapper asks for cells by column number ({@link COLUMN}); `currentAt[n]` is column n's
 * place in the file, -1 when the file has no such column.
 */
const NO_ROW = CsvRow.of([]);
let currentRow: CsvRow = NO_ROW;
let currentAt: Int32Array = new Int32Array(0);
let currentChildIndex = -1;
let currentChild: string | null = null;

/**
 * The current row's cell by column number (the row's child id as read once). Module functions for every file
 * (not closures per file), so the mapper V8 optimised for one file's getters still fits the next file's.
 */
function getCell(column: number): string | null {
  const i = currentAt[column]!;
  if (i < 0) return null;
  return i === currentChildIndex ? currentChild : currentRow.cell(i);
}

/** The current row's code by column number, found where it stands in the line. */
function getCode(column: number): string | null {
  const i = currentAt[column]!;
  return i < 0 ? null : currentRow.code(i);
}

/** Maps each row of one SSDA903 CSV table. */
class Ssda903Rows implements CsvRowSink {
  private readonly options: Map903Options;
  private lastChild: string | null = null;
  /** Each column's place in this file by column number, -1 when absent (see {@link currentAt}). */
  private readonly at: Int32Array;
  /** The CHILD column's index (-1 when the file has none). */
  private readonly childIndex: number;
  /** The fields of the row being mapped: one object for every row of the file (map903Row keeps none). */
  private readonly fields: RowFields;
  constructor(
    private readonly sink: FileSink,
    private readonly o: Read903CsvOptions,
    private readonly columns: number,
  ) {
    this.options = { dateStyle: 'dmy' };
    this.at = new Int32Array(SSDA903_COLUMN_NAMES.length).fill(-1);
    for (const [name, i] of Object.entries(o.index)) {
      const n = (COLUMN as Readonly<Record<string, number>>)[name];
      if (n !== undefined) this.at[n] = i;
    }
    this.childIndex = o.index['CHILD'] ?? -1;
    this.fields = new RowFields(sink, o.table, '', null, null);
  }

  row(row: CsvRow, line: number): void {
    const { sink, o, columns, childIndex: ci } = this;
    const f = csvRowFields(sink, o.table, row, line, columns, ci, this.fields);
    if (f === null) return;
    // Rows of one child usually follow each other: give them one child id string, so the rules' maps by
    // child compare it by identity and hash it once (and the row's id is not cut out again).
    let child: string | null = null;
    if (ci >= 0) {
      const last = this.lastChild;
      child = last !== null && row.fieldIs(ci, last) ? last : (this.lastChild = row.cell(ci));
    }
    currentRow = row;
    currentAt = this.at;
    currentChildIndex = ci;
    currentChild = child;
    map903Row(o.table, getCell, getCode, f, sink, this.options);
  }
}
