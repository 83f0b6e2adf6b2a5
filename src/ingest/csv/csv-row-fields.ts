import type { FileSink } from '../file-sink.js';
import { RowFields } from '../row-fields.js';
import type { CsvRow } from './csv-row.js';
import { linePosition } from './line-position.js';

/**
 * Starts one CSV row of a table (inputs.md §6): counts it read under the table and gives the RowFields its
 * mapper fills, or null when the row's number of fields differs from the header's: `GEN-FIELDS` (error, the
 * row is not loaded), naming the row's child when the table has a child column (`childIndex` ≥ 0). `reuse`, a
 * RowFields of the same sink and table, is moved on to the row ({@link RowFields.nextRow}) instead of a new one
 * made (the caller must be done with the previous row's).
 * @example csvRowFields(sink, 'Episodes', CsvRow.of(['1001', '01/05/2021']), 90, 13, 0) //=> null (GEN-FIELDS: 2 fields, header 13)
 */
export function csvRowFields(
  sink: FileSink,
  table: string,
  row: CsvRow,
  line: number,
  columns: number,
  childIndex: number,
  reuse?: RowFields,
): RowFields | null {
  sink.read(table);
  const f = reuse?.nextRow(linePosition(line)) ?? new RowFields(sink, table, linePosition(line), null, null);
  if (row.length === columns) return f;
  if (childIndex >= 0) f.childId = row.cell(childIndex);
  f.issue(
    'GEN-FIELDS',
    'error',
    null,
    null,
    `the row has ${row.length} fields but the header has ${columns}${emptyTail(row, columns)}`,
  );
  return null;
}

/**
 * For a row longer than the header whose extra fields are all empty (commas at the end of the line, as Excel
 * writes for cleared columns): says so and what to do; '' otherwise.
 */
function emptyTail(row: CsvRow, columns: number): string {
  if (row.length <= columns) return '';
  for (let i = columns; i < row.length; i++) if (row.cell(i) !== null) return '';
  const n = row.length - columns;
  return `; the ${n === 1 ? 'one' : n} after the last column ${n === 1 ? 'is' : 'are'} empty (delete the empty columns at the end of the sheet and save it again)`;
}
