import { ran, type Rule, type RuleHit } from '../rule.js';
import { episodeSpansByDecom } from '../episode-spans.js';
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
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { rows, ends } = episodeSpansByDecom(t);
    const { decom, dec } = t;
    let from = 0;
    for (const to of ends) {
      for (let k = from + 1; k < to; k++) {
        const prev = rows[k - 1]!;
        const e = rows[k]!;
        const prevDec = dec.at(prev);
        if (prevDec === null || prevDec > decom.at(e)) {
          hits.push({
            table: 'episodes',
            row: e,
            record: t.record(e),
            field: 'DECOM',
            value: ukDate(decom.at(e)),
            message: `the episode starts ${ukDate(decom.at(e))}, before the previous episode (DECOM ${ukDate(decom.at(prev))}) ${prevDec === null ? 'has ended' : `ends on ${ukDate(prevDec)}`}; the previous episode is taken to end here`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
