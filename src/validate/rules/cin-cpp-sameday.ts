import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf, CP_PLAN_SHAPE } from '../../ingest/cin/cin-table.js';

/** CIN-CPP-SAMEDAY (inputs.md §6; DfE 8840): a CP plan starts and ends the same day. Query. */
export const cinCppSameday: Rule = {
  code: 'CIN-CPP-SAMEDAY',
  severity: 'query',
  dfeRule: '8840',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPstartDate', 'CPPendDate'],
  message: 'A CP plan starts and ends on the same day.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans);
    if (t === undefined) return ran(hits);
    const start = t.field('startDate');
    const end = t.field('endDate');
    for (let i = 0; i < t.length; i++) {
      const e = end.at(i);
      if (e === null || e !== start.at(i)) continue;
      hits.push({
        table: 'cpPlans',
        row: i,
        record: t.record(i),
        field: 'CPPendDate',
        value: e,
        message: `the CP plan starts and ends on ${start.at(i)}`,
      });
    }
    return ran(hits);
  },
};
