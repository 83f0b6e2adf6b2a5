import type { StagedSubmission } from '../ingest/staged.js';
import { isUndatedLocalTable } from './assemble/merge-local.js';

/**
 * What makes two submissions "the same submission" (inputs.md §1.1): LA, source and collection year; for
 * Annex A and local files also the as-at date; for local files also the tables held, so a contacts file and
 * a visits file of the same date never replace each other. Re-importing the same identity replaces it whole.
 *
 * A file of an undated local table (workers, placements_long_term, postcodes, population) is its tables and
 * its content (SHA-256): §5's "undated tables upsert on key" is the rule for them, so a later file never
 * replaces an earlier one whole (its keys win, `mergeLocal`, and the earlier file's other keys stay), and a
 * byte-identical file is the same submission, skipped (§1.1). Its collection year and as-at date (none: its
 * rows are undated) say nothing of its rows.
 * @example submissionIdentity({ source: 'ssda903', collectionYear: '2021-22', … }) //=> 'ssda903|2021-22'
 * @example submissionIdentity({ source: 'local', tables: { workers: [] }, files: [{ sha256: 'ab12…' }], … }) //=> 'local|undated|workers|ab12…'
 */
export function submissionIdentity(
  s: Pick<StagedSubmission, 'source' | 'collectionYear' | 'asAt' | 'tables' | 'files'>,
): string {
  const year = s.collectionYear ?? '';
  switch (s.source) {
    case 'cin':
    case 'ssda903':
      return `${s.source}|${year}`;
    case 'annex-a':
      return `annex-a|${year}|${s.asAt ?? ''}`;
    case 'local': {
      const tables = Object.keys(s.tables).sort();
      if (tables.length > 0 && tables.every(isUndatedLocalTable))
        return `local|undated|${tables.join(',')}|${s.files
          .map((f) => f.sha256)
          .sort()
          .join(',')}`;
      return `local|${year}|${s.asAt ?? ''}||${tables.join(',')}`;
    }
  }
}
