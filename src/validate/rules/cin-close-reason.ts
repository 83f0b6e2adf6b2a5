import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

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
      cinRecords(ctx.tables.referrals)
        .filter((r) => (r.closureDate === null) !== (r.reasonForClosure === null))
        .map((r): RuleHit => ({
          table: 'referrals',
          record: r,
          field: r.closureDate === null ? 'CINclosureDate' : 'ReasonForClosure',
          value: r.reasonForClosure ?? r.closureDate,
          message:
            r.closureDate === null
              ? `ReasonForClosure ${r.reasonForClosure} is given but CINclosureDate is blank`
              : `CINclosureDate ${r.closureDate} is given but ReasonForClosure is blank`,
        })),
    ),
};
