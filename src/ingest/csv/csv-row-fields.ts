import type { FileSink } from '../file-sink.js';
import { RowFields } from '../row-fields.js';
import type { CsvRow } from './csv-row.js';
import { linePosition } from './line-position.js';

/**
 * Starts one CSV row of a table (inputs.md §6): counts it read under the table and gives the RowFields its
 * mapper fills, or null when the row's number of fields differs from the header's: `GEN-FIELDS` (error, the
 * row is not loaded), naming the row's child when the table has a child column (`childIndex` ≥ 0).
 * @example csvRowFields(sink, 'Episodes', CsvRow.of(['1001', '01/05/2021']), 90, 13, 0) //=> null (GEN-FIELDS: 2 fields, header 13)
 */
export function csvRowFields(
  sink: FileSink,
  table: string,
  row: CsvRow,
  line: number,
  columns: number,
  childIndex: number,
): RowFields | null {
  sink.read(table);
  const f = new RowFields(sink, table, linePosition(line), null, null);
  if (row.length === columns) return f;
  if (childIndex >= 0) f.childId = row.cell(childIndex);
  f.issue(
    'GEN-FIELDS',
    'error',
    null,
    null,
    `the row has ${row.length} fields but the header has ${columns}`,
  );
  return null;
}
