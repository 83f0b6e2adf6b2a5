import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { RowCount, ValidationIssue } from '../validate/issue.js';

const HEADER = [
  'import',
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
 * A spreadsheet cell made safe: a cell starting `=`, `+`, `-` or `@` is prefixed with `'` so a
 * spreadsheet never runs it as a formula (inputs.md §6).
 * @example safeCell('=HYPERLINK("x")') //=> "'=HYPERLINK(\"x\")"
 */
export function safeCell(v: string | null): string {
  if (v === null) return '';
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/**
 * Writes an import's validation report as CSV and JSON into `dir` (created if needed) and returns both
 * paths. The report holds child ids and values: it is as sensitive as the database (inputs.md §7).
 * @example writeIssueReport('./cspi-reports', 'imp-1', counts, issues) //=> { csv: 'cspi-reports/import-imp-1.csv', json: '…json' }
 */
export function writeIssueReport(
  dir: string,
  importId: string,
  counts: readonly RowCount[],
  issues: readonly ValidationIssue[],
  checks: readonly ValidationIssue[] = [],
): { csv: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const rows = [...issues, ...checks].map((i) =>
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
    ].map((c) => safeCell(c)),
  );
  const csv = join(dir, `import-${importId}.csv`);
  const json = join(dir, `import-${importId}.json`);
  writeFileSync(csv, stringify([[...HEADER], ...rows]), { mode: 0o600 });
  writeFileSync(
    json,
    `${JSON.stringify({ import: importId, counts, issues, datasetChecks: checks }, null, 2)}\n`,
    { mode: 0o600 },
  );
  return { csv, json };
}
