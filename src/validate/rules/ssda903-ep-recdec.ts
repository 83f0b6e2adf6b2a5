import { ran, type Rule, type RuleHit } from '../rule.js';
import { anotherStartsOn, episodeSpans } from '../episode-spans.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-RECDEC (inputs.md §6; DfE 148): "DEC and REC must both be filled or both blank". Warning, repaired:
 * DEC alone → REC X1 if another episode of the child starts on DEC, else E8; REC alone is ignored. "Another":
 * a same-day episode (DEC = DECOM) is not followed by itself, so with nothing else starting that day it reads
 * E8 (inputs.md §2.3: a period continues only while the next DECOM = DEC).
 */
export const ssda903EpRecDec: Rule = {
  code: '903-EP-RECDEC',
  severity: 'warning',
  dfeRule: '148',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['DEC', 'REC'],
  message: 'DEC and REC must both be filled or both blank.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { rows, ends } = episodeSpans(t);
    const dec = t.dec;
    const recs = t.codes.rec;
    let from = 0;
    for (const to of ends) {
      for (let k = from; k < to; k++) {
        const i = rows[k]!;
        const d = dec.at(i);
        const given = recs.at(i);
        if (d !== null && given === null) {
          const rec = anotherStartsOn(t, rows, from, to, i, d) ? 'X1' : 'E8';
          const e = t.record(i);
          hits.push({
            table: 'episodes',
            row: i,
            record: e,
            field: 'REC',
            value: null,
            message: `DEC ${ukDate(d)} is filled but REC is blank; read as REC ${rec}`,
            repair: { ...e, rec },
          });
        } else if (d === null && given !== null) {
          const e = t.record(i);
          hits.push({
            table: 'episodes',
            row: i,
            record: e,
            field: 'REC',
            value: given,
            message: `REC ${given} is filled but DEC is blank; REC is ignored`,
            repair: { ...e, rec: null },
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
