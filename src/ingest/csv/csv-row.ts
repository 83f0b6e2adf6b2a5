import { cell } from '../row-fields.js';
import { internCode, internCodeAt } from '../intern-code.js';

/**
 * One CSV row as the reader hands it on: for a row without quotes, the text it stands in and where each of
 * its fields ends, not a string per field. A mapper then cuts out only the values it keeps (a child id, a
 * date) and finds each code where it stands ({@link internCodeAt}), so the dozen codes of an SSDA903 episode
 * cost no string each. A row with quoted fields holds its fields as strings (quotes undone).
 *
 * The reader reuses one CsvRow for every row: it is valid only during the `row` call it is given to.
 * `toArray` gives its fields as strings to keep.
 */
export class CsvRow {
  /** Number of fields (at most the reader's limit plus one, so a row with too many shows it). */
  length = 0;
  private text = '';
  private start = 0;
  /** ends[i]: where field i ends in `text` (at its comma or the end of the line). */
  private readonly ends: Int32Array;
  /** The fields of a row with quotes; null for a row read in place. */
  private cells: readonly string[] | null = null;
  /**
   * The last code found in each field ('' for none). A child's rows follow each other and mostly repeat
   * their codes (legal status, category of need, home postcode…), so a field written exactly as the code the
   * previous row had there is that code, found by one comparison.
   */
  private readonly lastCodes: string[];

  constructor(maxFields: number) {
    this.ends = new Int32Array(maxFields + 2);
    this.lastCodes = new Array<string>(maxFields + 2).fill('');
  }

  /** A row of the given fields (a quoted row; tests). */
  static of(cells: readonly string[]): CsvRow {
    const row = new CsvRow(0);
    row.setCells(cells);
    return row;
  }

  /**
   * Reads the row in `text[start, end)` (a line with no quotes, no line break) in place: its fields are what
   * lies between commas, up to `limit` of them (as `split(',', limit)` would give).
   */
  setLine(text: string, start: number, end: number, limit: number): void {
    const ends = this.ends;
    let n = 0;
    let p = start;
    for (;;) {
      let q = text.indexOf(',', p);
      if (q === -1 || q >= end) q = end;
      ends[n++] = q;
      if (q === end || n === limit) break;
      p = q + 1;
    }
    this.text = text;
    this.start = start;
    this.length = n;
    this.cells = null;
  }

  /** Sets the row to fields already cut out (a row with quotes). */
  setCells(cells: readonly string[]): void {
    this.cells = cells;
    this.length = cells.length;
  }

  /** Field i as written (untrimmed); '' past the last field. */
  raw(i: number): string {
    if (i < 0 || i >= this.length) return '';
    if (this.cells !== null) return this.cells[i]!;
    return this.text.slice(this.fieldStart(i), this.ends[i]!);
  }

  /** Field i trimmed, blank (or absent) = null, as a string of its own ({@link cell}). */
  cell(i: number): string | null {
    if (i < 0 || i >= this.length) return null;
    if (this.cells !== null) return cell(this.cells[i]);
    const start = this.fieldStart(i);
    const end = this.ends[i]!;
    return start === end ? null : cell(this.text.slice(start, end));
  }

  /** Field i as a code: trimmed, upper case, one shared string per code ({@link internCode}); blank = null. */
  code(i: number): string | null {
    if (i < 0 || i >= this.length) return null;
    if (this.cells !== null) {
      const c = cell(this.cells[i]);
      return c === null ? null : internCode(c);
    }
    const start = this.fieldStart(i);
    const end = this.ends[i]!;
    const last = this.lastCodes[i]!;
    if (last.length === end - start && last !== '' && this.text.startsWith(last, start)) return last;
    const code = internCodeAt(this.text, start, end);
    if (code !== null) this.lastCodes[i] = code;
    return code;
  }

  /** Whether field i is written exactly as `value` (no string is cut out to compare). */
  fieldIs(i: number, value: string): boolean {
    if (i < 0 || i >= this.length) return false;
    if (this.cells !== null) return this.cells[i] === value;
    const start = this.fieldStart(i);
    if (this.ends[i]! - start !== value.length) return false;
    return this.text.startsWith(value, start);
  }

  /** The fields as strings (as written). */
  toArray(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.raw(i));
    return out;
  }

  private fieldStart(i: number): number {
    return i === 0 ? this.start : this.ends[i - 1]! + 1;
  }
}
