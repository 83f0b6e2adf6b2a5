import { stringify } from 'csv-stringify/sync';
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
 * Neutralises a cell a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or carriage
 * return) by prefixing an apostrophe.
 * @example safeCell('=HYPERLINK("x")') //=> "'=HYPERLINK(\"x\")"
 * @example safeCell('-3') //=> "'-3"
 */
export function safeCell(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The validation report as CSV (UTF-8 with BOM so Excel reads it as UTF-8), one row per issue, formula-safe.
 * @example reportCsv(issues, 'validate').split('\r\n')[0] //=> '\ufeffimport_id,file,table,…'
 */
export function reportCsv(issues: readonly ValidationIssue[], importId: string | null): string {
  const rows = issues.map((i) =>
    [
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
    ].map(safeCell),
  );
  return `\ufeff${stringify([[...REPORT_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}
