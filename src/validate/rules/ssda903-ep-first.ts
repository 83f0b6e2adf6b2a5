import { ran, childSpans, type Rule, type RuleHit, episodeRecords } from '../rule.js';
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
    const { records: eps, ends } = childSpans(episodeRecords(ctx.tables.episodes));
    let from = 0;
    for (const to of ends) {
      // The earliest DECOM (the first in file order of equal ones).
      let first = eps[from]!;
      for (let i = from + 1; i < to; i++) if (eps[i]!.decom < first.decom) first = eps[i]!;
      from = to;
      if (first.rne !== 'S' && first.decom >= ctx.yearStart) {
        hits.push({
          table: 'episodes',
          record: first,
          field: 'RNE',
          value: first.rne,
          message: `child ${first.childId}'s first episode (DECOM ${ukDate(first.decom)}) has RNE ${first.rne ?? 'blank'}, not S`,
        });
      }
    }
    return ran(hits);
  },
};
