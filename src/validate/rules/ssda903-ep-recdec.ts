import { ran, childSpans, type Rule, type RuleHit, episodeRecords } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';
import { anotherStartsOn } from './ssda903-ep-chain.js';

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
    const { records: eps, ends } = childSpans(episodeRecords(ctx.tables.episodes));
    let from = 0;
    for (const to of ends) {
      for (let i = from; i < to; i++) {
        const e = eps[i]!;
        if (e.dec !== null && e.rec === null) {
          const rec = anotherStartsOn(eps, from, to, i, e.dec) ? 'X1' : 'E8';
          hits.push({
            table: 'episodes',
            record: e,
            field: 'REC',
            value: null,
            message: `DEC ${ukDate(e.dec)} is filled but REC is blank; read as REC ${rec}`,
            repair: { ...e, rec },
          });
        } else if (e.dec === null && e.rec !== null) {
          hits.push({
            table: 'episodes',
            record: e,
            field: 'REC',
            value: e.rec,
            message: `REC ${e.rec} is filled but DEC is blank; REC is ignored`,
            repair: { ...e, rec: null },
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
