import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { REFERRAL_SHAPE } from '../../ingest/cin/cin-shapes.js';

/** CIN-CLOSE-ORDER (inputs.md §6; DfE 8630): "Referral date is after the closure date". Error. */
export const cinCloseOrder: Rule = {
  code: 'CIN-CLOSE-ORDER',
  severity: 'error',
  dfeRule: '8630',
  sources: ['cin'],
  tables: ['referrals'],
  fields: ['CINreferralDate', 'CINclosureDate'],
  message: 'The referral date is after the closure date.',
  check: (ctx) =>
    ran(
      rowHits(cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals), 'referrals', (t) => {
        const referred = t.field('referralDate');
        const closed = t.field('closureDate');
        return (i) => {
          const c = closed.at(i);
          if (c === null || !(c < referred.at(i))) return null;
          return {
            field: 'CINclosureDate',
            value: c,
            message: `the referral date ${referred.at(i)} is after the closure date ${c}`,
          };
        };
      }),
    ),
};
