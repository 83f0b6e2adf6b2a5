import { BufferedFile } from './buffered-file.js';

/** One data row of a CSV table, with the child it is about (for fault records; never logged). */
export interface CsvRow {
  cells: string[];
  readonly child: string;
}

/** A CSV file held in memory (for fault injection): path relative to the output folder, header and rows. */
export interface CsvTable {
  readonly path: string;
  readonly columns: readonly string[];
  readonly rows: CsvRow[];
}

/** Where a table writer puts its rows: a {@link CsvTable} in memory or a {@link CsvStream} to disk. */
export interface CsvOut {
  /** Adds a data row about a child ('' for none). */
  add(child: string, cells: string[]): void;
}

/** Opens the output of one table: its file name (without `.csv`) and columns. */
export type CsvOpener = (name: string, columns: readonly string[]) => CsvOut;

const needsQuote = /[",\r\n]/;

/** One RFC 4180 field. */
export function csvField(v: string): string {
  return needsQuote.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV line without its line end: fields quoted only where they need it. */
export function csvLine(cells: readonly string[]): string {
  let quote = false;
  for (let i = 0; i < cells.length; i++) if (needsQuote.test(cells[i]!)) quote = true;
  return quote ? cells.map(csvField).join(',') : cells.join(',');
}

/**
 * The file text: header first, CRLF line ends (RFC 4180). Data row i is on line i + 2.
 * @example csvText({ path: 'x.csv', columns: ['a'], rows: [{ cells: ['1'], child: '' }] }) //=> 'a\r\n1\r\n'
 */
export function csvText(t: CsvTable): string {
  const parts: string[] = [csvLine(t.columns)];
  for (const r of t.rows) parts.push(csvLine(r.cells));
  return `${parts.join('\r\n')}\r\n`;
}

/** A table held in memory, as a {@link CsvOut}. */
export function tableOut(table: CsvTable): CsvOut {
  return { add: (child, cells) => void table.rows.push({ cells, child }) };
}

/**
 * A CSV file written row by row (same bytes as {@link csvText} of the same rows).
 * @example const s = new CsvStream('/tmp/a.csv', ['a']); s.add('', ['1']); s.close() //=> { rows: 1, bytes: 6 }
 */
export class CsvStream implements CsvOut {
  private readonly file: BufferedFile;
  private count = 0;

  constructor(path: string, columns: readonly string[]) {
    this.file = new BufferedFile(path);
    this.file.write(`${csvLine(columns)}\r\n`);
  }

  add(_child: string, cells: string[]): void {
    this.file.write(`${csvLine(cells)}\r\n`);
    this.count++;
  }

  close(): { rows: number; bytes: number } {
    return { rows: this.count, bytes: this.file.close() };
  }
}
