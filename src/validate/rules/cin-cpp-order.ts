import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { CP_PLAN_SHAPE } from '../../ingest/cin/cin-shapes.js';

/** CIN-CPP-ORDER (inputs.md §6; DfE 8925): "CP plan ends before it starts". Error. */
export const cinCppOrder: Rule = {
  code: 'CIN-CPP-ORDER',
  severity: 'error',
  dfeRule: '8925',
  sources: ['cin'],
  tables: ['cpPlans'],
  fields: ['CPPstartDate', 'CPPendDate'],
  message: 'A CP plan ends before it starts.',
  check: (ctx) =>
    ran(
      rowHits(cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans), 'cpPlans', (t) => {
        const start = t.field('startDate');
        const end = t.field('endDate');
        return (i) => {
          const e = end.at(i);
          if (e === null || !(e < start.at(i))) return null;
          return {
            field: 'CPPendDate',
            value: e,
            message: `the CP plan ends (${e}) before it starts (${start.at(i)})`,
          };
        };
      }),
    ),
};
