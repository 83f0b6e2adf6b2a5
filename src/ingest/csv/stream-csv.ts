import { CheckedDecoder, decodePieces, formatBytes } from '../checked-decoder.js';
import { fileChunks } from '../file-chunks.js';
import { refuse } from '../refusal.js';
import type { IngestLimits } from '../limits.js';
import { CsvRowReader, CsvRowTooLong, type CsvRowSink } from './csv-row-reader.js';
import type { CsvRow } from './csv-row.js';

export interface StreamCsvOptions {
  readonly path: string;
  readonly file: string;
  readonly limits: IngestLimits;
  /** Number of columns in the header row. */
  readonly columns: number;
  /**
   * Takes each data row (not the header) with the line it starts on. An object with a `row` method (a class
   * instance) rather than a closure: every file's reader then calls the same function, so code V8 optimised
   * for one file is not thrown away for the next.
   */
  readonly rows: CsvRowSink;
  onChunk?(chunk: Buffer): void;
}

/**
 * Streams a UTF-8 CSV file row by row (the header row is skipped), refusing it when it is not UTF-8
 * (`S-ENCODING`), a line is too long (`S-LINE-TOO-LONG`), or it was cut short: a quoted field never closed,
 * or a last line without a line break and with too few fields (`S-TRUNCATED`).
 */
export async function streamCsv(o: StreamCsvOptions): Promise<void> {
  const { file, limits } = o;
  const data = new DataRows(o.rows);
  const reader = new CsvRowReader(data, limits.maxLineBytes, limits.maxFields);
  const push = (text: string): void => reader.push(text);
  const decoder = new CheckedDecoder({ file, encoding: 'utf-8', maxLineBytes: limits.maxLineBytes });
  try {
    for await (const chunk of fileChunks(o.path)) {
      decodePieces(decoder, chunk, push);
      o.onChunk?.(chunk);
    }
    reader.push(decoder.end());
    reader.end();
  } catch (e) {
    if (e instanceof CsvRowTooLong) {
      refuse(
        'S-LINE-TOO-LONG',
        file,
        `line ${e.line}`,
        `${file} line ${e.line}: a row longer than ${formatBytes(limits.maxLineBytes)} (often a quote that is never closed); check the file and re-export it.`,
      );
    }
    throw e;
  }
  if (reader.openQuoteLine !== null) {
    refuse(
      'S-TRUNCATED',
      file,
      `line ${reader.openQuoteLine}`,
      `${file} line ${reader.openQuoteLine}: a quoted value starts here and is never closed, so the file was cut short or a quote is missing; check the file and export it again.`,
    );
  }
  if (reader.lastRowUnterminated && !data.header && data.lastCount < o.columns) {
    refuse(
      'S-TRUNCATED',
      file,
      `line ${reader.lastRowLine}`,
      `${file} line ${reader.lastRowLine}: the last line is short (${data.lastCount} of ${o.columns} fields, no line break), so the file was cut short; export it again and re-import.`,
    );
  }
}

/** The rows after the header, handed on; remembers the last row's field count (truncation check). */
class DataRows implements CsvRowSink {
  header = true;
  lastCount = 0;
  constructor(private readonly rows: CsvRowSink) {}

  row(row: CsvRow, line: number): void {
    if (this.header) {
      this.header = false;
      return;
    }
    this.lastCount = row.length;
    this.rows.row(row, line);
  }
}
