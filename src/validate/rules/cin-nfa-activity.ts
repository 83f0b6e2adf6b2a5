import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

/** CIN-NFA-ACTIVITY (inputs.md §6; DfE 8831): a referral marked ReferralNFA has assessments, plans or S47s. Warning. */
export const cinNfaActivity: Rule = {
  code: 'CIN-NFA-ACTIVITY',
  severity: 'warning',
  dfeRule: '8831',
  sources: ['cin'],
  tables: ['referrals'],
  fields: ['ReferralNFA'],
  message: 'A referral with no further action has activity recorded.',
  check: (ctx) => {
    const active = new Set<string>();
    for (const t of [
      cinRecords(ctx.tables.assessments),
      cinRecords(ctx.tables.cinPlans),
      cinRecords(ctx.tables.section47s),
      cinRecords(ctx.tables.cpPlans),
    ]) {
      for (const r of t ?? []) active.add(r.referralId);
    }
    return ran(
      cinRecords(ctx.tables.referrals)
        .filter((r) => r.referralNfa === true && active.has(r.id))
        .map((r): RuleHit => ({
          table: 'referrals',
          record: r,
          field: 'ReferralNFA',
          value: 'true',
          message: 'ReferralNFA is true but the referral has an assessment, plan or Section 47',
        })),
    );
  },
};
