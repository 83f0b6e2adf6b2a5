import type { Database } from './database.js';
import type { ImportOutcome, SkippedSubmission } from './import-dataset.js';
import type { ValidationIssue } from '../validate/issue.js';
import { noteSkippedFiles, rowErrorKey } from '../validate/skipped-file-issues.js';

interface IssueRow {
  file: string | null;
  table_name: string | null;
  position: string | null;
  code: string;
}

/**
 * The row errors recorded when the stored copies of skipped files were imported, each as
 * `sha256|table|position|code` (the file by its content, since an import names a file by its path from the
 * folder given, which can differ from one import to the next). A row an import finds in error in a file it
 * skips as identical was left out of the stored copy too when that copy's import recorded the same error; when
 * not, that import loaded the row (it ran before the rule rejecting it existed, as GEN-PAST), and it is stored.
 * @example await storedRowErrors(db, outcome.skippedSubmissions) //=> Set { 'ab12…|contacts|line 2|GEN-PAST' }
 */
export async function storedRowErrors(
  db: Database,
  skipped: readonly SkippedSubmission[],
): Promise<ReadonlySet<string>> {
  const keys = new Set<string>();
  const byImport = new Map<string, Map<string, string>>();
  for (const s of skipped) {
    const files = await db.all<{ name: string; sha256: string }>(
      'SELECT name, sha256 FROM submission_files WHERE submission_id = ?',
      [s.storedId],
    );
    const shaOf = byImport.get(s.storedImportId) ?? new Map<string, string>();
    for (const f of files) shaOf.set(f.name, f.sha256);
    byImport.set(s.storedImportId, shaOf);
  }
  for (const [importId, shaOf] of byImport) {
    const issues = await db.all<IssueRow>(
      `SELECT file, table_name, position, code FROM validation_issues WHERE import_id = ? AND severity = 'error'`,
      [importId],
    );
    for (const i of issues) {
      const sha = i.file === null ? undefined : shaOf.get(i.file);
      if (sha !== undefined) keys.add(rowErrorKey(sha, i.table_name, i.position, i.code));
    }
  }
  return keys;
}

/**
 * An import's issues with its row errors in files it skipped as identical to ones already loaded told as they
 * are ({@link noteSkippedFiles}): whether the stored copy left the row out too or holds it. What `cspi import`
 * and the dashboard's upload report; the issues as given when no such error (or a refused import).
 * @example (await withSkippedFilesNoted(db, ingest.issues, outcome))[0].message //=> '…; this row is stored: the file is identical to the copy already loaded (so it was skipped), …'
 */
export async function withSkippedFilesNoted(
  db: Database,
  issues: readonly ValidationIssue[],
  outcome: ImportOutcome,
): Promise<readonly ValidationIssue[]> {
  if (outcome.kind === 'refused') return issues;
  const skippedFiles = new Map(
    outcome.skippedSubmissions.flatMap((s) => s.files.map((f) => [f.name, f.sha256] as const)),
  );
  if (!issues.some((i) => i.severity === 'error' && i.file !== null && skippedFiles.has(i.file)))
    return issues;
  return noteSkippedFiles(issues, skippedFiles, await storedRowErrors(db, outcome.skippedSubmissions));
}
