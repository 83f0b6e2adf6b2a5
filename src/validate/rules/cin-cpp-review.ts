import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf, CP_PLAN_SHAPE } from '../../ingest/cin/cin-table.js';

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
    const t = cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans);
    if (t === undefined) return ran(hits);
    const start = t.field('startDate');
    for (let i = 0; i < t.length; i++) {
      if (t.listSize('reviewDates', i) === 0) continue;
      const s = start.at(i);
      const bad = t.list('reviewDates', i).find((d) => d <= s);
      if (!bad) continue;
      hits.push({
        table: 'cpPlans',
        row: i,
        record: t.record(i),
        field: 'CPPreviewDate',
        value: bad,
        message: `CPPreviewDate ${bad} is not after the plan's start ${s}`,
      });
    }
    return ran(hits);
  },
};
