import { ran, type Rule, type RuleHit, episodeRecords } from '../rule.js';
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
    for (const e of episodeRecords(ctx.tables.episodes) ?? []) {
      if (e.dec !== null && e.dec < e.decom) {
        hits.push({
          table: 'episodes',
          record: e,
          field: 'DEC',
          value: ukDate(e.dec),
          message: `the episode ends (DEC ${ukDate(e.dec)}) before it starts (DECOM ${ukDate(e.decom)})`,
        });
      }
    }
    return ran(hits);
  },
};
