import { submissionList } from './submission-list.js';
import type { IngestResult } from '../ingest/staged.js';
import type { ValidationIssue } from './issue.js';
import { unmappedLabels } from './unmapped-labels.js';

export interface TerminalSummaryOptions {
  /** Examples shown per rule (default 3). */
  readonly examples?: number;
  /**
   * `validate` (default) ends with what an import would do; `import` with what was left out, for the
   * import's own line (loaded, unchanged or refused) to follow. A refused import's own line says that nothing
   * was loaded and what to do, so its summary only lists the structural problems (no "would", no Result line).
   */
  readonly mode?: 'validate' | 'import';
  /**
   * `import`: the files it skipped as identical to ones already loaded. Their rows in error are not counted as
   * rejected by this import (nothing of theirs was loaded or left out now; each message says what is stored).
   */
  readonly skippedFiles?: ReadonlySet<string>;
}

const SEVERITY_ORDER = { structural: 0, error: 1, warning: 2, query: 3 } as const;

/**
 * The validation summary for a terminal (inputs.md §6): per file and table read / loaded / rejected /
 * warnings / queries (a refused import shows `loaded 0 (import refused)`), structural problems in full, then
 * row issues grouped by rule with counts and the first few examples.
 * @example formatTerminalSummary(result).split('\n')[0] //=> 'Checked 2 files: 1 submission (SSDA903 2021-22).'
 */
export function formatTerminalSummary(result: IngestResult, options: TerminalSummaryOptions = {}): string {
  const examples = options.examples ?? 3;
  const out: string[] = [];
  const subs = result.submissions.map((s) => ({
    source: sourceName(s.source),
    collectionYear: s.collectionYear || null,
  }));
  const unread = result.unreadFiles ?? [];
  const checked = result.files.length + unread.length;
  const refusedFiles = unread.length > 0 ? ` (${unread.length} refused: ${unread.join(', ')})` : '';
  out.push(
    `Checked ${checked} file${checked === 1 ? '' : 's'}${refusedFiles}: ${subs.length} submission${subs.length === 1 ? '' : 's'}${subs.length ? ` (${submissionList(subs)})` : ''}${result.la ? `, LA ${result.la}` : ''}.`,
  );
  if (result.counts.length > 0) {
    const rows = result.counts.map((c) => [
      `${c.file} ${c.table}`,
      String(c.read),
      result.refused ? '0 (import refused)' : String(c.loaded),
      String(c.rejected),
      String(c.warnings),
      String(c.queries),
    ]);
    const head = ['File and table', 'read', 'loaded', 'rejected', 'warnings', 'queries'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]): string =>
      r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
    out.push('', line(head), ...rows.map(line));
  }
  const mode = options.mode ?? 'validate';
  const structural = result.issues.filter((i) => i.severity === 'structural');
  if (structural.length > 0) {
    const problems = `${structural.length} structural problem${structural.length === 1 ? '' : 's'}`;
    out.push(
      '',
      mode === 'import'
        ? `Structural problems (${structural.length}):`
        : `The import is refused (${problems}); nothing would be loaded:`,
    );
    for (const i of structural) out.push(`  ${i.code}  ${i.message}`);
  }
  const byRule = new Map<string, ValidationIssue[]>();
  for (const i of result.issues) {
    if (i.severity === 'structural') continue;
    const list = byRule.get(i.code) ?? [];
    list.push(i);
    byRule.set(i.code, list);
  }
  if (byRule.size > 0) {
    out.push('', 'Row issues by rule:');
    const rules = [...byRule.entries()].sort(
      (a, b) =>
        SEVERITY_ORDER[a[1][0]!.severity] - SEVERITY_ORDER[b[1][0]!.severity] || b[1].length - a[1].length,
    );
    for (const [code, list] of rules) {
      out.push(
        `  ${code} (${list[0]!.severity}${list[0]!.dfeRule ? `, DfE ${list[0]!.dfeRule}` : ''}): ${list.length}`,
      );
      for (const i of list.slice(0, examples)) out.push(`    ${i.message}`);
      if (list.length > examples) out.push(`    … and ${list.length - examples} more (see the report files)`);
    }
  }
  const unmapped = unmappedLabels(result.issues);
  if (unmapped.length > 0) {
    // inputs.md §4: each distinct unmapped value per column with its count, so one fix to a mapping table
    // (data/annex-a, LA-extendable) can be made for all its rows.
    out.push('', 'Annex A labels not mapped (loaded as unknown; add them to the tables in data/annex-a):');
    for (const u of unmapped) out.push(`  ${u.file ?? ''} ${u.column ?? ''} '${u.value ?? ''}': ${u.count}`);
  }
  const last = resultLine(result, mode, options.skippedFiles ?? new Set());
  if (last !== null) out.push('', last);
  return out.join('\n');
}

/**
 * The summary's last line. `cspi validate` says what an import would do; `cspi import` says only what it left
 * out (it said "everything would load" just before its "Loaded: …" line), and nothing when it was refused:
 * its "Import refused: nothing was loaded; …" line says that once.
 */
function resultLine(
  result: IngestResult,
  mode: 'validate' | 'import',
  skippedFiles: ReadonlySet<string>,
): string | null {
  if (result.refused)
    return mode === 'import' ? null : 'Result: refused. Fix the structural problems above and run again.';
  const rejected = result.counts.reduce((s, c) => s + c.rejected, 0);
  const rows = `${rejected} row${rejected === 1 ? '' : 's'}`;
  if (mode === 'import') {
    const inSkipped = result.counts.filter((c) => skippedFiles.has(c.file) && c.rejected > 0);
    const skippedRows = inSkipped.reduce((s, c) => s + c.rejected, 0);
    const files = new Set(inSkipped.map((c) => c.file)).size;
    const now = rejected - skippedRows;
    const parts = [
      ...(now > 0 ? [`${now} row${now === 1 ? '' : 's'} rejected (not loaded; listed in the report)`] : []),
      ...(skippedRows > 0
        ? [
            `${skippedRows} row${skippedRows === 1 ? '' : 's'} in error in ` +
              (files === 1
                ? 'a file skipped as identical to the copy already loaded'
                : `${files} files skipped as identical to the copies already loaded`) +
              ` (${skippedRows === 1 ? 'its message' : 'each message'} above says whether the stored copy holds ${skippedRows === 1 ? 'it' : 'the row'}; listed in the report)`,
          ]
        : []),
    ];
    return parts.length > 0 ? `Result: ${parts.join('; ')}.` : 'Result: no row rejected.';
  }
  return rejected > 0
    ? `Result: ${rows} would be rejected; the rest would load.`
    : 'Result: everything would load.';
}

function sourceName(s: string): string {
  return s === 'ssda903'
    ? 'SSDA903'
    : s === 'cin'
      ? 'CIN census'
      : s === 'annex-a'
        ? 'Annex A'
        : 'local extract';
}
