import { ran, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/** 903-EP-ORDER (inputs.md §6; DfE 356): "Episode ends before it starts" (DEC < DECOM). Error. */
export const ssda903EpOrder: Rule = {
  code: '903-EP-ORDER',
  severity: 'error',
  dfeRule: '356',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['DECOM', 'DEC'],
  message: 'An episode ends before it starts.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { decom, dec } = t;
    for (let row = 0; row < t.length; row++) {
      const end = dec.at(row);
      if (end !== null && end < decom.at(row)) {
        hits.push({
          table: 'episodes',
          row,
          record: t.record(row),
          field: 'DEC',
          value: ukDate(end),
          message: `the episode ends (DEC ${ukDate(end)}) before it starts (DECOM ${ukDate(decom.at(row))})`,
        });
      }
    }
    return ran(hits);
  },
};
