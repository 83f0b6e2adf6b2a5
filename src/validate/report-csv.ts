import { spreadsheetCsv } from '../csv/spreadsheet-csv.js';
import type { ValidationIssue } from './issue.js';

/** Columns of the CSV report, in order (inputs.md §6 "A report entry"). */
export const REPORT_COLUMNS = [
  'import_id',
  'file',
  'table',
  'position',
  'child_id',
  'field',
  'value',
  'rule',
  'severity',
  'dfe_rule',
  'message',
] as const;

/**
 * The validation report as CSV (UTF-8 with BOM so Excel reads it as UTF-8), one row per issue. Its cells quote
 * the input files (a bad value, a child id), so it is written by {@link spreadsheetCsv}: a cell beginning
 * `=`, `+`, `-`, `@`, tab or CR gets a leading `'` and is never run as a formula.
 * @example reportCsv(issues, 'validate').split('\r\n')[0] //=> '\ufeffimport_id,file,table,…'
 */
export function reportCsv(issues: readonly ValidationIssue[], importId: string | null): string {
  const rows = issues.map((i) => [
    importId,
    i.file,
    i.table,
    i.position,
    i.childId,
    i.field,
    i.value,
    i.code,
    i.severity,
    i.dfeRule,
    i.message,
  ]);
  return spreadsheetCsv(REPORT_COLUMNS, rows, { recordDelimiter: '\r\n', bom: true });
}
