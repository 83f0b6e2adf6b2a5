import { ran, childGroupsOf, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-RECDEC (inputs.md §6; DfE 148): "DEC and REC must both be filled or both blank". Warning, repaired:
 * DEC alone → REC X1 if another episode of the child starts on DEC, else E8; REC alone is ignored.
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
    for (const eps of childGroupsOf(ctx.tables.episodes).values()) {
      for (const e of eps) {
        if (e.dec !== null && e.rec === null) {
          const dec = e.dec;
          const rec = eps.some((x) => x.decom === dec) ? 'X1' : 'E8';
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
    }
    return ran(hits);
  },
};
