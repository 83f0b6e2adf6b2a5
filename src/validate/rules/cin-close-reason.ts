import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf, REFERRAL_SHAPE } from '../../ingest/cin/cin-table.js';

/** CIN-CLOSE-REASON (inputs.md §6; DfE 8805): CINclosureDate and ReasonForClosure not both present. Warning. */
export const cinCloseReason: Rule = {
  code: 'CIN-CLOSE-REASON',
  severity: 'warning',
  dfeRule: '8805',
  sources: ['cin'],
  tables: ['referrals'],
  fields: ['CINclosureDate', 'ReasonForClosure'],
  message: 'A closure date and a reason for closure must both be present or both absent.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals);
    if (t === undefined) return ran(hits);
    const closed = t.field('closureDate');
    const reason = t.field('reasonForClosure');
    for (let i = 0; i < t.length; i++) {
      const c = closed.at(i);
      const why = reason.at(i);
      if ((c === null) === (why === null)) continue;
      hits.push({
        table: 'referrals',
        row: i,
        record: t.record(i),
        field: c === null ? 'CINclosureDate' : 'ReasonForClosure',
        value: why ?? c,
        message:
          c === null
            ? `ReasonForClosure ${why} is given but CINclosureDate is blank`
            : `CINclosureDate ${c} is given but ReasonForClosure is blank`,
      });
    }
    return ran(hits);
  },
};
