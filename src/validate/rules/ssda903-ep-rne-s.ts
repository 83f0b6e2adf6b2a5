import { ran, type Rule, type RuleHit } from '../rule.js';
import { episodeSpansByDecom } from '../episode-spans.js';
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
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { rows, ends } = episodeSpansByDecom(t);
    const { decom, dec } = t;
    const { rne, rec } = t.codes;
    let from = 0;
    for (const to of ends) {
      for (let k = from + 1; k < to; k++) {
        const prev = rows[k - 1]!;
        const e = rows[k]!;
        const prevRec = rec.at(prev);
        const eRne = rne.at(e);
        const chained = prevRec === 'X1' && dec.at(prev) === decom.at(e);
        if (eRne === 'S' && chained) {
          hits.push({
            table: 'episodes',
            row: e,
            record: t.record(e),
            field: 'RNE',
            value: 'S',
            message: `RNE S only starts a period of care, but the previous episode ended X1 on ${ukDate(decom.at(e))}; read as a continuation`,
          });
        } else if (eRne !== null && eRne !== 'S' && prevRec !== null && prevRec.startsWith('E')) {
          hits.push({
            table: 'episodes',
            row: e,
            record: t.record(e),
            field: 'RNE',
            value: eRne,
            message: `RNE ${eRne} follows an episode that left care (REC ${prevRec}); read as the start of a new period of care`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
