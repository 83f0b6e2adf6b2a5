import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { CP_PLAN_SHAPE } from '../../ingest/cin/cin-shapes.js';
import { cinRowsByChild } from '../cin-spans.js';

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
    const t = cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans);
    if (t === undefined) return ran(hits);
    const start = t.field('startDate');
    const end = t.field('endDate');
    const { rows, ends } = cinRowsByChild(t, start);
    let from = 0;
    for (const to of ends) {
      for (let k = from + 1; k < to; k++) {
        const prev = rows[k - 1]!;
        const i = rows[k]!;
        const s = start.at(i);
        const prevEnd = end.at(prev);
        if (prevEnd === null || prevEnd > s) {
          hits.push({
            table: 'cpPlans',
            row: i,
            record: t.record(i),
            field: 'CPPstartDate',
            value: s,
            message:
              prevEnd === null
                ? `the CP plan starting ${s} begins while the plan starting ${start.at(prev)} is still open`
                : `the CP plan starting ${s} overlaps the plan ${start.at(prev)} to ${prevEnd}`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};
