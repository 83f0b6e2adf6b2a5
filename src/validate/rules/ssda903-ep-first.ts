import { ran, type Rule, type RuleHit } from '../rule.js';
import { episodeSpans } from '../episode-spans.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-FIRST (inputs.md §6; DfE 357): a child's first known episode is not RNE S although it starts inside
 * the collection year (so its period's start should be in this return). Query.
 */
export const ssda903EpFirst: Rule = {
  code: '903-EP-FIRST',
  severity: 'query',
  dfeRule: '357',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['RNE'],
  message: 'A child’s first episode in the year is not RNE S.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { rows, ends } = episodeSpans(t);
    const decom = t.decom;
    const rnes = t.codes.rne;
    let from = 0;
    for (const to of ends) {
      // The earliest DECOM (the first in file order of equal ones).
      let first = rows[from]!;
      for (let k = from + 1; k < to; k++) if (decom.at(rows[k]!) < decom.at(first)) first = rows[k]!;
      from = to;
      const rne = rnes.at(first);
      const start = decom.at(first);
      if (rne !== 'S' && start >= ctx.yearStart) {
        hits.push({
          table: 'episodes',
          row: first,
          record: t.record(first),
          field: 'RNE',
          value: rne,
          message: `child ${t.childId(first)}'s first episode (DECOM ${ukDate(start)}) has RNE ${rne ?? 'blank'}, not S`,
        });
      }
    }
    return ran(hits);
  },
};
