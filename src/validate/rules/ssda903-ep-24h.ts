import { ran, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/** 903-EP-24H (inputs.md §6; DfE 355): an episode ends the day it starts (DEC = DECOM). Query. */
export const ssda903Ep24h: Rule = {
  code: '903-EP-24H',
  severity: 'query',
  dfeRule: '355',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['DECOM', 'DEC'],
  message: 'An episode ends on the day it starts.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { decom, dec } = t;
    for (let i = 0; i < t.length; i++) {
      const d = dec.at(i);
      if (d !== null && d === decom.at(i)) {
        hits.push({
          table: 'episodes',
          row: i,
          record: t.record(i),
          field: 'DEC',
          value: ukDate(d),
          message: `the episode starts and ends on ${ukDate(decom.at(i))} (check it lasted under 24 hours)`,
        });
      }
    }
    return ran(hits);
  },
};
