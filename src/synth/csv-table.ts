/** One data row of a CSV table, with the child it is about (for fault records; never logged). */
export interface CsvRow {
  cells: string[];
  readonly child: string;
}

/** A CSV file to write: path relative to the output folder, header and rows. */
export interface CsvTable {
  readonly path: string;
  readonly columns: readonly string[];
  readonly rows: CsvRow[];
}

const needsQuote = /[",\r\n]/;

/** One RFC 4180 field. */
export function csvField(v: string): string {
  return needsQuote.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The file text: header first, CRLF line ends (RFC 4180). Data row i is on line i + 2.
 * @example csvText({ path: 'x.csv', columns: ['a'], rows: [{ cells: ['1'], child: '' }] }) //=> 'a\r\n1\r\n'
 */
export function csvText(t: CsvTable): string {
  const parts: string[] = [t.columns.map(csvField).join(',')];
  for (const r of t.rows) parts.push(r.cells.map(csvField).join(','));
  return `${parts.join('\r\n')}\r\n`;
}
