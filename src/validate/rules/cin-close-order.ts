import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

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
      cinRecords(ctx.tables.referrals)
        .filter((r) => r.closureDate !== null && r.closureDate < r.referralDate)
        .map((r): RuleHit => ({
          table: 'referrals',
          record: r,
          field: 'CINclosureDate',
          value: r.closureDate,
          message: `the referral date ${r.referralDate} is after the closure date ${r.closureDate}`,
        })),
    ),
};
