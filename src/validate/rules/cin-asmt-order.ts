import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

/** CIN-ASMT-ORDER (inputs.md §6; DfE 8608): "Assessment authorised before it started". Error. */
export const cinAsmtOrder: Rule = {
  code: 'CIN-ASMT-ORDER',
  severity: 'error',
  dfeRule: '8608',
  sources: ['cin'],
  tables: ['assessments'],
  fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
  message: 'An assessment is authorised before it started.',
  check: (ctx) =>
    ran(
      cinRecords(ctx.tables.assessments)
        .filter((a) => a.authorisationDate !== null && a.authorisationDate < a.startDate)
        .map((a): RuleHit => ({
          table: 'assessments',
          record: a,
          field: 'AssessmentAuthorisationDate',
          value: a.authorisationDate,
          message: `the assessment is authorised (${a.authorisationDate}) before it started (${a.startDate})`,
        })),
    ),
};
