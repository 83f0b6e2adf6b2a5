import { ran, type Rule, type RuleHit } from '../rule.js';
import { episodeHeads } from '../episode-spans.js';
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
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    // One look-up per child (its Header row), not per episode.
    const heads = episodeHeads(t, ctx.tables.children);
    const { child, decom } = t;
    for (let i = 0; i < t.length; i++) {
      const d = heads[child[i]!]?.dob;
      if (d && decom.at(i) < d)
        hits.push({
          table: 'episodes',
          row: i,
          record: t.record(i),
          field: 'DECOM',
          value: ukDate(decom.at(i)),
          message: `DECOM ${ukDate(decom.at(i))} is before child ${t.childId(i)}'s date of birth ${ukDate(d)}`,
        });
    }
    return ran(hits);
  },
};
