import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

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
      cinRecords(ctx.tables.cpPlans)
        .filter((p) => p.endDate !== null && p.endDate < p.startDate)
        .map((p): RuleHit => ({
          table: 'cpPlans',
          record: p,
          field: 'CPPendDate',
          value: p.endDate,
          message: `the CP plan ends (${p.endDate}) before it starts (${p.startDate})`,
        })),
    ),
};
