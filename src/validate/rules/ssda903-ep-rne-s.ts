import { ran, childSpansByDate, type Rule, type RuleHit, episodeRecords } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-RNE-S (inputs.md §6; DfE 431, 432): "RNE S only starts a period of care": S inside an X1 chain is read
 * as a continuation; a non-S episode after an E code starts a new period. Warning.
 */
export const ssda903EpRneS: Rule = {
  code: '903-EP-RNE-S',
  severity: 'warning',
  dfeRule: '431, 432',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['RNE'],
  message: 'RNE S only starts a period of care.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const { records: sorted, ends } = childSpansByDate(episodeRecords(ctx.tables.episodes), 'decom');
    let from = 0;
    for (const to of ends) {
      for (let i = from + 1; i < to; i++) {
        const prev = sorted[i - 1]!;
        const e = sorted[i]!;
        const chained = prev.rec === 'X1' && prev.dec === e.decom;
        if (e.rne === 'S' && chained) {
          hits.push({
            table: 'episodes',
            record: e,
            field: 'RNE',
            value: 'S',
            message: `RNE S only starts a period of care, but the previous episode ended X1 on ${ukDate(e.decom)}; read as a continuation`,
          });
        } else if (e.rne !== null && e.rne !== 'S' && prev.rec !== null && prev.rec.startsWith('E')) {
          hits.push({
            table: 'episodes',
            record: e,
            field: 'RNE',
            value: e.rne,
            message: `RNE ${e.rne} follows an episode that left care (REC ${prev.rec}); read as the start of a new period of care`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
