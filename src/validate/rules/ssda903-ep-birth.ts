import { childRuns, runHeads, ran, type Rule, type RuleHit, episodeRecords } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/** 903-EP-BIRTH (inputs.md §6; DfE 302): an episode starts before the child's date of birth. Error. */
export const ssda903EpBirth: Rule = {
  code: '903-EP-BIRTH',
  severity: 'error',
  dfeRule: '302',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['DECOM', 'DOB'],
  message: 'An episode starts before the child was born.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const episodes = episodeRecords(ctx.tables.episodes) ?? [];
    // One look-up per run of a child's episodes (a return lists them together), not per episode.
    const heads = runHeads(episodes, ctx.tables.children);
    let i = 0;
    let run = 0;
    for (const end of childRuns(episodes)) {
      const d = heads[run++]?.dob;
      for (let k = i; d && k < end; k++) {
        const e = episodes[k]!;
        if (e.decom < d)
          hits.push({
            table: 'episodes',
            record: e,
            field: 'DECOM',
            value: ukDate(e.decom),
            message: `DECOM ${ukDate(e.decom)} is before child ${e.childId}'s date of birth ${ukDate(d)}`,
          });
      }
      i = end;
    }
    return ran(hits);
  },
};
