import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

/** CIN-CPP-REVIEW (inputs.md §6; DfE 8841): a CP review is not after the plan's start. Warning. */
export const cinCppReview: Rule = {
  code: 'CIN-CPP-REVIEW',
  severity: 'warning',
  dfeRule: '8841',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPreviewDate', 'CPPstartDate'],
  message: 'A CP review is dated on or before the plan’s start.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const p of cinRecords(ctx.tables.cpPlans)) {
      const bad = p.reviewDates.find((d) => d <= p.startDate);
      if (bad)
        hits.push({
          table: 'cpPlans',
          record: p,
          field: 'CPPreviewDate',
          value: bad,
          message: `CPPreviewDate ${bad} is not after the plan's start ${p.startDate}`,
        });
    }
    return ran(hits);
  },
};
