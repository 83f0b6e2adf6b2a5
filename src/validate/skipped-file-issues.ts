import type { ValidationIssue } from './issue.js';

/**
 * An import's row errors in files it skipped as identical to ones already loaded, told as they are. Such a
 * file is not loaded again: its stored copy stays as the earlier import loaded it. A reader's error ends
 * "this row was not loaded", true of a file being loaded; of a skipped file it is true only when the earlier
 * import left the row out too (`storedErrors` holds its key, {@link rowErrorKey}). When it did not, that
 * import ran before the rule existed (a year before the bank-holiday table, GEN-PAST, loaded before cspi
 * rejected it: README "Working days"), the row is stored, and the message says so and how to replace it.
 * Other issues are returned unchanged.
 * @example noteSkippedFiles([genPast], new Map([['contacts.csv', 'ab12']]), new Set())[0].message //=> '…; this row is stored: the file is identical to the copy already loaded (so it was skipped), loaded before cspi rejected such rows; correct the file and import it again.'
 */
export function noteSkippedFiles(
  issues: readonly ValidationIssue[],
  skippedFiles: ReadonlyMap<string, string>,
  storedErrors: ReadonlySet<string>,
): ValidationIssue[] {
  return issues.map((i) => {
    const sha = i.severity === 'error' && i.file !== null ? skippedFiles.get(i.file) : undefined;
    if (sha === undefined) return i;
    const m = /; (this [^;]+?) was not loaded\.$/.exec(i.message);
    const base = m ? i.message.slice(0, m.index) : i.message.replace(/\.$/, '');
    const unit = m ? m[1]! : 'it';
    const message = storedErrors.has(rowErrorKey(sha, i.table, i.position, i.code))
      ? `${base}; ${unit} is not stored: the file is identical to the copy already loaded (so it was skipped), which left it out too.`
      : `${base}; ${unit} is stored: the file is identical to the copy already loaded (so it was skipped), loaded before cspi rejected such rows; correct the file and import it again.`;
    return { ...i, message };
  });
}

/**
 * The key of a row error in a file with content `sha256`, matched between imports ({@link noteSkippedFiles}).
 * @example rowErrorKey('ab12', 'contacts', 'line 2', 'GEN-PAST') //=> 'ab12|contacts|line 2|GEN-PAST'
 */
export function rowErrorKey(
  sha256: string,
  table: string | null,
  position: string | null,
  code: string,
): string {
  return `${sha256}|${table ?? ''}|${position ?? ''}|${code}`;
}
