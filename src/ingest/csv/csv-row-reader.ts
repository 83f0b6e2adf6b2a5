import { CsvRow } from './csv-row.js';

/**
 * A streaming RFC 4180 CSV row splitter: text goes in chunk by chunk, complete rows come out with the line
 * each starts on (header = line 1). A row without quotes takes a fast path: it is read where it stands in the
 * text, with no string cut out per field (a {@link CsvRow}); quoted fields may hold commas, doubled quotes and
 * line breaks. A row still open at the end of the input is reported, so callers can refuse a truncated file
 * (`S-TRUNCATED`). Memory is bounded by the longest row (`maxRowChars`).
 *
 * Written here rather than using csv-parse's stream because csv-parse ran at ~10 MB/s on the project machine
 * (stream + line info), below the ≥ 40 MB/s goal for parse + validate + map.
 */
export interface CsvRowSink {
  /** Takes one row and the line it starts on; `row` is valid only during the call (the reader reuses it). */
  row(row: CsvRow, line: number): void;
}

export class CsvRowTooLong extends Error {
  constructor(readonly line: number) {
    super(`row at line ${line} is too long`);
  }
}

export class CsvRowReader {
  private pending = '';
  private line = 1;
  /** True when the last row of the input had no line break after it. */
  lastRowUnterminated = false;
  /** Line of a quoted field still open at the end of input, or null. */
  openQuoteLine: number | null = null;
  /** Line number of the last row emitted. */
  lastRowLine = 0;
  /** The row handed to the sink, reused for every row. */
  private readonly current: CsvRow;

  constructor(
    private readonly sink: CsvRowSink,
    private readonly maxRowChars: number,
    private readonly maxFields: number,
  ) {
    this.current = new CsvRow(maxFields);
  }

  /**
   * Feeds text; emits every row completed by it. The row left open at the end of the previous text is
   * completed first on its own, with this text's first line, and the rest is read where it stands: joining
   * the two (`pending + text`) would have V8 copy the whole text (some 64 KiB) into a new string, for a row
   * of a hundred characters.
   */
  push(text: string): void {
    let data = text;
    let from = 0;
    if (this.pending.length > 0) {
      const nl = text.indexOf('\n');
      if (nl === -1) data = this.pending + text;
      else {
        const head = this.pending + text.slice(0, nl + 1);
        const used = this.consume(head, 0, false);
        // Usually the whole head is one row; what it left (a quoted field still open) goes on with the rest.
        if (used === head.length) from = nl + 1;
        else data = head.slice(used) + text.slice(nl + 1);
      }
    }
    const consumed = this.consume(data, from, false);
    this.pending = data.slice(consumed);
    if (this.pending.length > this.maxRowChars) throw new CsvRowTooLong(this.line);
  }

  /** Ends the input: emits the last row (even without a line break). */
  end(): void {
    if (this.pending.length > 0) {
      const consumed = this.consume(this.pending, 0, true);
      this.pending = this.pending.slice(consumed);
    }
  }

  /** Parses complete rows from data, starting at `from`; returns where the rows it consumed end. */
  private consume(data: string, from: number, atEnd: boolean): number {
    let pos = from;
    const n = data.length;
    // Position of the next quote at or after pos (Infinity when none): found once, not once per line.
    let nextQuote = -1;
    while (pos < n) {
      let nl = data.indexOf('\n', pos);
      if (nl === -1) {
        if (!atEnd) return pos;
        nl = n;
        this.lastRowUnterminated = true;
      }
      if (nextQuote !== Infinity && nextQuote < pos) {
        const q = data.indexOf('"', pos);
        nextQuote = q === -1 ? Infinity : q;
      }
      if (nextQuote > nl) {
        // Fast path: no quotes on this line.
        let end = nl;
        if (end > pos && data.charCodeAt(end - 1) === 13) end--;
        if (end > pos) {
          // A line starting with a printable ASCII character other than a comma is not blank (no trim
          // needed). A line of only commas and white space (Excel writes one for a row whose cells were
          // cleared) holds no value: it is blank, as an empty line is.
          const first = data.charCodeAt(pos);
          if ((first > 32 && first < 127 && first !== 44) || !isBlankLine(data, pos, end)) {
            this.current.setLine(data, pos, end, this.maxFields + 1);
            this.lastRowLine = this.line;
            this.sink.row(this.current, this.line);
          }
        }
        this.line++;
        pos = nl + 1;
        continue;
      }
      const r = this.quotedRow(data, pos, atEnd);
      if (r === null) return pos;
      this.lastRowLine = this.line;
      this.current.setCells(r.cells);
      this.sink.row(this.current, this.line);
      this.line += r.lines;
      pos = r.next;
    }
    return pos;
  }

  /** Parses one row containing quotes starting at pos; null if it is not complete in data. */
  private quotedRow(
    data: string,
    pos: number,
    atEnd: boolean,
  ): { cells: string[]; next: number; lines: number } | null {
    const cells: string[] = [];
    let field = '';
    let i = pos;
    let lines = 1;
    const n = data.length;
    for (;;) {
      // Start of a field.
      if (i < n && data.charCodeAt(i) === 34) {
        i++;
        const startLine = this.line + lines - 1;
        for (;;) {
          const q = data.indexOf('"', i);
          if (q === -1) {
            if (!atEnd) return null;
            this.openQuoteLine = startLine;
            field += data.slice(i);
            i = n;
            break;
          }
          const chunk = data.slice(i, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) lines++;
          field += chunk;
          if (q + 1 < n && data.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= n && !atEnd) return null;
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next separator is kept as it is (lenient).
        while (i < n) {
          const c = data.charCodeAt(i);
          if (c === 44 || c === 10) break;
          if (c !== 13) field += data[i];
          i++;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = data.charCodeAt(j);
          if (c === 44 || c === 10) break;
          j++;
        }
        let end = j;
        if (end > i && data.charCodeAt(end - 1) === 13) end--;
        field = data.slice(i, end);
        i = j;
      }
      if (cells.length <= this.maxFields) cells.push(field);
      field = '';
      if (i >= n) {
        if (!atEnd) return null;
        this.lastRowUnterminated = true;
        return { cells, next: n, lines };
      }
      const c = data.charCodeAt(i);
      i++;
      if (c === 10) return { cells, next: i, lines };
    }
  }
}

/** True when `data[from, to)` holds only commas and white space. */
function isBlankLine(data: string, from: number, to: number): boolean {
  return data.slice(from, to).replace(/,/g, '').trim() === '';
}
