import type { StagedSubmission } from '../ingest/staged.js';

/**
 * What makes two submissions "the same submission" (inputs.md §1.1): LA, source and collection year; for
 * Annex A and local files also the as-at date; for local files also the tables held, so a contacts file and
 * a visits file of the same date never replace each other. Re-importing the same identity replaces it whole.
 * @example submissionIdentity({ source: 'ssda903', collectionYear: '2021-22', … }) //=> 'ssda903|2021-22'
 * @example submissionIdentity({ source: 'local', collectionYear: null, asAt: null, tables: { workers: [] }, … }) //=> 'local||||workers'
 */
export function submissionIdentity(
  s: Pick<StagedSubmission, 'source' | 'collectionYear' | 'asAt' | 'tables'>,
): string {
  const year = s.collectionYear ?? '';
  switch (s.source) {
    case 'cin':
    case 'ssda903':
      return `${s.source}|${year}`;
    case 'annex-a':
      return `annex-a|${year}|${s.asAt ?? ''}`;
    case 'local':
      return `local|${year}|${s.asAt ?? ''}||${Object.keys(s.tables).sort().join(',')}`;
  }
}
