import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf, CP_PLAN_SHAPE } from '../../ingest/cin/cin-table.js';

/** CIN-CPP-ORDER (inputs.md §6; DfE 8925): "CP plan ends before it starts". Error. */
export const cinCppOrder: Rule = {
  code: 'CIN-CPP-ORDER',
  severity: 'error',
  dfeRule: '8925',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPstartDate', 'CPPendDate'],
  message: 'A CP plan ends before it starts.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans);
    if (t === undefined) return ran(hits);
    const start = t.field('startDate');
    const end = t.field('endDate');
    for (let i = 0; i < t.length; i++) {
      const e = end.at(i);
      if (e === null || !(e < start.at(i))) continue;
      hits.push({
        table: 'cpPlans',
        row: i,
        record: t.record(i),
        field: 'CPPendDate',
        value: e,
        message: `the CP plan ends (${e}) before it starts (${start.at(i)})`,
      });
    }
    return ran(hits);
  },
};
