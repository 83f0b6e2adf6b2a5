import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { CP_PLAN_SHAPE } from '../../ingest/cin/cin-shapes.js';

/** CIN-CPP-SAMEDAY (inputs.md §6; DfE 8840): a CP plan starts and ends the same day. Query. */
export const cinCppSameday: Rule = {
  code: 'CIN-CPP-SAMEDAY',
  severity: 'query',
  dfeRule: '8840',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPstartDate', 'CPPendDate'],
  message: 'A CP plan starts and ends on the same day.',
  check: (ctx) =>
    ran(
      rowHits(cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans), 'cpPlans', (t) => {
        const start = t.field('startDate');
        const end = t.field('endDate');
        return (i) => {
          const e = end.at(i);
          if (e === null || e !== start.at(i)) return null;
          return {
            field: 'CPPendDate',
            value: e,
            message: `the CP plan starts and ends on ${start.at(i)}`,
          };
        };
      }),
    ),
};
