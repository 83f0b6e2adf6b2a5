import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { CP_PLAN_SHAPE } from '../../ingest/cin/cin-shapes.js';

/** CIN-CPP-REVIEW (inputs.md §6; DfE 8841): a CP review is not after the plan's start. Warning. */
export const cinCppReview: Rule = {
  code: 'CIN-CPP-REVIEW',
  severity: 'warning',
  dfeRule: '8841',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPreviewDate', 'CPPstartDate'],
  message: 'A CP review is dated on or before the plan’s start.',
  check: (ctx) =>
    ran(
      rowHits(cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans), 'cpPlans', (t) => {
        const start = t.field('startDate');
        return (i) => {
          if (t.listSize('reviewDates', i) === 0) return null;
          const s = start.at(i);
          const bad = t.list('reviewDates', i).find((d) => d <= s);
          if (!bad) return null;
          return {
            field: 'CPPreviewDate',
            value: bad,
            message: `CPPreviewDate ${bad} is not after the plan's start ${s}`,
          };
        };
      }),
    ),
};
