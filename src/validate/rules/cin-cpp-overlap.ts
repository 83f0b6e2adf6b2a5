import { cinRecords } from '../rule.js';
import { ran, childSpansByDate, type Rule, type RuleHit } from '../rule.js';

/** CIN-CPP-OVERLAP (inputs.md §6; DfE 8940): a child's CP plans overlap, or two are open at once. Warning. */
export const cinCppOverlap: Rule = {
  code: 'CIN-CPP-OVERLAP',
  severity: 'warning',
  dfeRule: '8940',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPstartDate', 'CPPendDate'],
  message: 'A child’s CP plans overlap or two are open.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const { records: sorted, ends } = childSpansByDate(cinRecords(ctx.tables.cpPlans), 'startDate');
    let from = 0;
    for (const to of ends) {
      for (let i = from + 1; i < to; i++) {
        const prev = sorted[i - 1]!;
        const p = sorted[i]!;
        if (prev.endDate === null || prev.endDate > p.startDate) {
          hits.push({
            table: 'cpPlans',
            record: p,
            field: 'CPPstartDate',
            value: p.startDate,
            message:
              prev.endDate === null
                ? `the CP plan starting ${p.startDate} begins while the plan starting ${prev.startDate} is still open`
                : `the CP plan starting ${p.startDate} overlaps the plan ${prev.startDate} to ${prev.endDate}`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
