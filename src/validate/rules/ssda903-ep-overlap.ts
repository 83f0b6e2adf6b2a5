import { ran, childSpansByDate, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-OVERLAP (inputs.md §6; DfE 501, 142): an episode starts before the previous one ends (or while it is
 * still open). Warning: the previous episode is taken to end here (the chaining treats it so).
 */
export const ssda903EpOverlap: Rule = {
  code: '903-EP-OVERLAP',
  severity: 'warning',
  dfeRule: '501, 142',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['DECOM', 'DEC'],
  message: 'An episode starts before the previous one ends.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const { records: sorted, ends } = childSpansByDate(ctx.tables.episodes, 'decom');
    let from = 0;
    for (const to of ends) {
      for (let i = from + 1; i < to; i++) {
        const prev = sorted[i - 1]!;
        const e = sorted[i]!;
        if (prev.dec === null || prev.dec > e.decom) {
          hits.push({
            table: 'episodes',
            record: e,
            field: 'DECOM',
            value: ukDate(e.decom),
            message: `the episode starts ${ukDate(e.decom)}, before the previous episode (DECOM ${ukDate(prev.decom)}) ${prev.dec === null ? 'has ended' : `ends on ${ukDate(prev.dec)}`}; the previous episode is taken to end here`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
