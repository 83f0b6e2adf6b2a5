import { ran, type Rule, type RuleHit } from '../rule.js';

/** CIN-ASMT-BEFORE-REF (inputs.md §6; DfE 1103): an assessment starts before its referral. Query. */
export const cinAsmtBeforeRef: Rule = {
  code: 'CIN-ASMT-BEFORE-REF',
  severity: 'query',
  dfeRule: '1103',
  sources: ['cin'],
  tables: ['assessments', 'referrals'],
  fields: ['AssessmentActualStartDate', 'CINreferralDate'],
  message: 'An assessment starts before its referral date.',
  check: (ctx) => {
    const ref = new Map((ctx.tables.referrals ?? []).map((r) => [r.id, r.referralDate]));
    const hits: RuleHit[] = [];
    for (const a of ctx.tables.assessments ?? []) {
      const d = ref.get(a.referralId);
      if (d && a.startDate < d)
        hits.push({
          table: 'assessments',
          record: a,
          field: 'AssessmentActualStartDate',
          value: a.startDate,
          message: `the assessment starts ${a.startDate}, before its referral date ${d}`,
        });
    }
    return ran(hits);
  },
};
