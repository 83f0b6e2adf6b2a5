import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { REFERRAL_SHAPE } from '../../ingest/cin/cin-shapes.js';

/** CIN-CLOSE-REASON (inputs.md §6; DfE 8805): CINclosureDate and ReasonForClosure not both present. Warning. */
export const cinCloseReason: Rule = {
  code: 'CIN-CLOSE-REASON',
  severity: 'warning',
  dfeRule: '8805',
  sources: ['cin'],
  tables: ['referrals'],
  fields: ['CINclosureDate', 'ReasonForClosure'],
  message: 'A closure date and a reason for closure must both be present or both absent.',
  check: (ctx) =>
    ran(
      rowHits(cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals), 'referrals', (t) => {
        const closed = t.field('closureDate');
        const reason = t.field('reasonForClosure');
        return (i) => {
          const c = closed.at(i);
          const why = reason.at(i);
          if ((c === null) === (why === null)) return null;
          return {
            field: c === null ? 'CINclosureDate' : 'ReasonForClosure',
            value: why ?? c,
            message:
              c === null
                ? `ReasonForClosure ${why} is given but CINclosureDate is blank`
                : `CINclosureDate ${c} is given but ReasonForClosure is blank`,
          };
        };
      }),
    ),
};
