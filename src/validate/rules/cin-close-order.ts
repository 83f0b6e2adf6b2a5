import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf, REFERRAL_SHAPE } from '../../ingest/cin/cin-table.js';

/** CIN-CLOSE-ORDER (inputs.md §6; DfE 8630): "Referral date is after the closure date". Error. */
export const cinCloseOrder: Rule = {
  code: 'CIN-CLOSE-ORDER',
  severity: 'error',
  dfeRule: '8630',
  sources: ['cin'],
  tables: ['referrals'],
  fields: ['CINreferralDate', 'CINclosureDate'],
  message: 'The referral date is after the closure date.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals);
    if (t === undefined) return ran(hits);
    const referred = t.field('referralDate');
    const closed = t.field('closureDate');
    for (let i = 0; i < t.length; i++) {
      const c = closed.at(i);
      if (c === null || !(c < referred.at(i))) continue;
      hits.push({
        table: 'referrals',
        row: i,
        record: t.record(i),
        field: 'CINclosureDate',
        value: c,
        message: `the referral date ${referred.at(i)} is after the closure date ${c}`,
      });
    }
    return ran(hits);
  },
};
