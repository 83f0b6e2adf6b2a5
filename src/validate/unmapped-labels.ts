import type { ValidationIssue } from './issue.js';

/** One distinct Annex A label no mapping table knows, in one file's column, with how often it came. */
export interface UnmappedLabel {
  readonly file: string | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly count: number;
}

/**
 * Each distinct unmapped Annex A value per file and column with its count (inputs.md §4: "the report also
 * lists each distinct unmapped value per column with counts"), from the `AA-UNMAPPED` issues; in order of
 * first appearance.
 * @example unmappedLabels(result.issues) //=> [{ file: 'annex-a.xlsx', column: 'Ethnicity', value: 'Martian', count: 2 }]
 */
export function unmappedLabels(issues: readonly ValidationIssue[]): UnmappedLabel[] {
  const byKey = new Map<string, { -readonly [K in keyof UnmappedLabel]: UnmappedLabel[K] }>();
  for (const i of issues) {
    if (i.code !== 'AA-UNMAPPED') continue;
    const key = JSON.stringify([i.file, i.field, i.value]);
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { file: i.file, column: i.field, value: i.value, count: 1 });
  }
  return [...byKey.values()];
}
