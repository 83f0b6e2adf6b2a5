import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

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
      cinRecords(ctx.tables.cpPlans)
        .filter((p) => p.endDate !== null && p.endDate === p.startDate)
        .map((p): RuleHit => ({
          table: 'cpPlans',
          record: p,
          field: 'CPPendDate',
          value: p.endDate,
          message: `the CP plan starts and ends on ${p.startDate}`,
        })),
    ),
};
