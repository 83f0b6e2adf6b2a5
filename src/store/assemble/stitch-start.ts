import type { Episode } from '../../model/episode.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { datasetIssue } from './dataset-issue.js';
import type { SubmissionRecords } from './submission-records.js';

/** The fields of an episode open at a year end that the next return's first episode repeats (DfE 503A–J). */
const REPEATED: readonly (readonly [keyof Episode, string])[] = [
  ['rne', 'RNE'],
  ['ls', 'LS'],
  ['cin', 'CIN'],
  ['place', 'PLACE'],
  ['placeProvider', 'PLACE_PROVIDER'],
  ['homePost', 'HOME_POST'],
  ['plPost', 'PL_POST'],
  ['urn', 'URN'],
];

/**
 * `903-STITCH-START` (inputs.md §6, DfE 502, 503A–J; warning, the later year wins): a child's episode open at
 * the end of year N and the child's first episode in the next loaded year N+1 disagree. Either the next year
 * starts with another episode though it also lists the open one (502; when it does not list it at all the
 * open one is superseded as `903-STITCH-STALE` instead), or it is the same episode (CHILD, DECOM) with other
 * details (503: RNE, LS, CIN, PLACE, PLACE_PROVIDER, HOME_POST, PL_POST, URN). Submissions oldest first; of
 * two of one year, the later import's episodes count.
 * @example stitchStartIssues([y2021, y2022], ['2021-22', '2022-23']).map((i) => i.field) //=> ['PLACE']
 */
export function stitchStartIssues(
  subs: readonly SubmissionRecords[],
  years: readonly string[],
): ValidationIssue[] {
  // Year → child → DECOM → episode (a later import of one year replaces a key).
  const byYear = new Map<string, Map<string, Map<string, Episode>>>();
  for (const s of subs) {
    const year = s.collectionYear;
    if (year === null) continue;
    let children = byYear.get(year);
    if (!children) byYear.set(year, (children = new Map()));
    for (const e of s.tables.episodes ?? []) {
      let eps = children.get(e.childId);
      if (!eps) children.set(e.childId, (eps = new Map()));
      eps.set(e.decom, e);
    }
  }
  const issues: ValidationIssue[] = [];
  for (let i = 0; i + 1 < years.length; i++) {
    const year = years[i]!;
    const next = years[i + 1]!;
    const later = byYear.get(next);
    if (!later) continue;
    for (const [childId, eps] of byYear.get(year) ?? []) {
      let open: Episode | null = null;
      for (const e of eps.values()) if (e.dec === null && (open === null || e.decom > open.decom)) open = e;
      const nextEps = later.get(childId);
      if (open === null || nextEps === undefined) continue;
      const same = nextEps.get(open.decom);
      if (same === undefined) continue;
      let first: Episode = same;
      for (const e of nextEps.values()) if (e.decom < first.decom) first = e;
      const at = {
        table: 'episodes',
        childId,
        file: first.source.file,
        position: first.source.position,
      };
      if (first !== same) {
        issues.push(
          datasetIssue(
            '903-STITCH-START',
            'warning',
            `The ${next} return's first episode of the child starts ${first.decom}, but the episode open at the end of ${year} started ${open.decom}; the ${next} episodes are used.`,
            { ...at, field: 'DECOM', value: first.decom },
          ),
        );
        continue;
      }
      const differ = REPEATED.filter(([k]) => open[k] !== same[k]).map(([, name]) => name);
      if (differ.length > 0) {
        issues.push(
          datasetIssue(
            '903-STITCH-START',
            'warning',
            `The episode starting ${open.decom}, open at the end of ${year}, has other ${differ.join(', ')} in the ${next} return; the ${next} version is used.`,
            { ...at, field: differ.join(', '), value: null },
          ),
        );
      }
    }
  }
  return issues;
}
