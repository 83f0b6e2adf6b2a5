import type { IsoDate } from '../../calendar/iso-date.js';
import { addDays } from '../../calendar/iso-date.js';
import type { Episode } from '../../model/episode.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { collectionYearEnd } from './collection-year.js';
import { datasetIssue } from './dataset-issue.js';
import { mergeByKey, type Reidentify, reidentifyCopy } from './keyed-merge.js';
import { stitchStartIssues } from './stitch-start.js';
import type { SubmissionRecords } from './submission-records.js';

/**
 * Stitches SSDA903 episodes across collection years (inputs.md §1.1), given the 903 submissions oldest
 * first:
 * - key CHILD + DECOM; the later year wins, then the later import (an episode open on 31 March
 *   reappears next year and its closed version wins);
 * - an episode open at the end of year N whose key is absent from the next loaded year, where the child
 *   appears, is superseded (`903-STITCH-STALE`, e.g. a corrected DECOM);
 * - one whose child is absent from the next loaded year ends on 1 April of year N+1 with REC blank
 *   (`903-STITCH-NOFOLLOW`: looked after on 31 March, end date unknown);
 * - the next year's first episode disagreeing with the open one is `903-STITCH-START` (the later year wins).
 * @example stitchEpisodes([y2021, y2022]) //=> { episodes: [...], issues: [{ code: '903-STITCH-STALE', … }] }
 */
export function stitchEpisodes(
  subs: readonly SubmissionRecords[],
  reidentify: Reidentify = reidentifyCopy,
): {
  episodes: Episode[];
  issues: ValidationIssue[];
} {
  const withEpisodes = subs.filter((s) => s.tables.episodes !== undefined && s.collectionYear !== null);
  const years = [...new Set(withEpisodes.map((s) => s.collectionYear as string))].sort();
  const childrenByYear = new Map<string, Set<string>>();
  for (const s of subs) {
    if (s.collectionYear === null) continue;
    let set = childrenByYear.get(s.collectionYear);
    if (!set) childrenByYear.set(s.collectionYear, (set = new Set()));
    for (const e of s.tables.episodes ?? []) set.add(e.childId);
    for (const c of s.tables.children ?? []) set.add(c.childId);
  }
  const winners = mergeByKey(
    withEpisodes.map((sub) => ({ sub, records: sub.tables.episodes ?? [] })),
    (e) => `${e.childId}|${e.decom}`,
  );
  const episodes: Episode[] = [];
  const issues: ValidationIssue[] = [];
  for (const { record, sub } of winners.values()) {
    const year = sub.collectionYear as string;
    const next = years.find((y) => y > year);
    if (record.dec !== null || next === undefined) {
      episodes.push(reidentify(record, sub));
      continue;
    }
    const at = {
      table: 'episodes',
      childId: record.childId,
      file: record.source.file,
      position: record.source.position,
    };
    if (childrenByYear.get(next)?.has(record.childId)) {
      issues.push(
        datasetIssue(
          '903-STITCH-STALE',
          'warning',
          `An episode starting ${record.decom} was open at the end of ${year} but is not in the ${next} return, which lists the child; the ${next} episodes replace it.`,
          { ...at, field: 'DECOM', value: record.decom },
        ),
      );
      continue;
    }
    const dec: IsoDate = addDays(collectionYearEnd(year), 1);
    episodes.push({ ...reidentify(record, sub), dec, rec: null });
    issues.push(
      datasetIssue(
        '903-STITCH-NOFOLLOW',
        'warning',
        `An episode starting ${record.decom} was open at the end of ${year} but the child is not in the ${next} return; it is treated as ending on ${dec} with no reason recorded.`,
        { ...at, field: 'DEC', value: dec },
      ),
    );
  }
  issues.push(...stitchStartIssues(withEpisodes, years));
  return { episodes, issues };
}
