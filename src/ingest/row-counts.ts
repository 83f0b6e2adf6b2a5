import type { RowCount, ValidationIssue } from '../validate/issue.js';
import type { IngestLimits } from './limits.js';
import { structuralIssue } from './refusal.js';

/**
 * Per file and table, read = loaded + rejected (inputs.md §6): `reads` are the rows or elements each reader
 * counted; a row is rejected when any error issue names its position; warnings and queries are issue counts.
 * @example rowCounts(new Map([['e.csv', new Map([['Episodes', 10]])]]), issues)[0] //=> { read: 10, loaded: 9, rejected: 1, … }
 */
export function rowCounts(
  reads: ReadonlyMap<string, ReadonlyMap<string, number>>,
  issues: readonly ValidationIssue[],
): RowCount[] {
  const key = (file: string, table: string): string => `${file}\u0000${table}`;
  const rejected = new Map<string, Set<string>>();
  const warnings = new Map<string, number>();
  const queries = new Map<string, number>();
  for (const i of issues) {
    if (i.file === null || i.table === null) continue;
    const k = key(i.file, i.table);
    if (i.severity === 'error') {
      let s = rejected.get(k);
      if (!s) rejected.set(k, (s = new Set()));
      s.add(positionKey(i.position));
    } else if (i.severity === 'warning') warnings.set(k, (warnings.get(k) ?? 0) + 1);
    else if (i.severity === 'query') queries.set(k, (queries.get(k) ?? 0) + 1);
  }
  const counts: RowCount[] = [];
  for (const [file, tables] of reads) {
    for (const [table, read] of tables) {
      const k = key(file, table);
      const rej = Math.min(read, rejected.get(k)?.size ?? 0);
      counts.push({
        file,
        table,
        read,
        loaded: read - rej,
        rejected: rej,
        warnings: warnings.get(k) ?? 0,
        queries: queries.get(k) ?? 0,
      });
    }
  }
  return counts;
}

/**
 * The row a position names: an XML path without its line:col, a CSV line, an Annex A cell's sheet and row
 * (`List 7!G3` and `List 7!L3` are one row: two faulty cells of a row reject it once).
 */
function positionKey(position: string | null): string {
  if (position === null) return '';
  const i = position.indexOf(' line ');
  if (position.startsWith('/')) return i !== -1 ? position.slice(0, i) : position;
  const cell = /^(.+)![A-Z]{1,3}(\d+)$/.exec(position);
  return cell ? `${cell[1]}!${cell[2]}` : position;
}

/**
 * `S-ERROR-RATE` issues for tables with more than `maxRejectRate` of their rows rejected (inputs.md §6 "Atomic":
 * "Over 20% of a table's rows rejected (configurable)"), once at least `minRejectedRows` (10) of them are.
 * Reading: the rule is there to catch a systematically wrong export (wrong columns, a wrong date format
 * throughout), which a handful of rejected rows cannot show. One bad row of a two-row population.csv or of a
 * small AD1 table is over 20% but is one typo, and its row error already says what to fix: the good rows load
 * and the import exits 1 (rows rejected). Ten or more rejected rows over the rate refuse the import as before,
 * with the same message. Both numbers are configurable ({@link IngestLimits}).
 * @example errorRateIssues([{ file: 'e.csv', table: 'Episodes', read: 50, rejected: 30, … }], DEFAULT_LIMITS).length //=> 1
 * @example errorRateIssues([{ file: 'p.csv', table: 'population', read: 2, rejected: 1, … }], DEFAULT_LIMITS).length //=> 0
 */
export function errorRateIssues(
  counts: readonly RowCount[],
  limits: Pick<IngestLimits, 'maxRejectRate' | 'minRejectedRows'>,
): ValidationIssue[] {
  const maxRate = limits.maxRejectRate;
  return counts
    .filter((c) => c.read > 0 && c.rejected >= limits.minRejectedRows && c.rejected / c.read > maxRate)
    .map((c) =>
      structuralIssue(
        'S-ERROR-RATE',
        c.file,
        null,
        `${c.file}: ${c.rejected} of ${c.read} ${c.table} rows (${Math.round((100 * c.rejected) / c.read)}%) were rejected, over the ${Math.round(maxRate * 100)}% limit, so the import is refused; fix the rows listed and re-import.`,
        c.table,
      ),
    );
}
