import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf, ASSESSMENT_SHAPE } from '../../ingest/cin/cin-table.js';

/** CIN-ASMT-ORDER (inputs.md §6; DfE 8608): "Assessment authorised before it started". Error. */
export const cinAsmtOrder: Rule = {
  code: 'CIN-ASMT-ORDER',
  severity: 'error',
  dfeRule: '8608',
  sources: ['cin'],
  tables: ['assessments'],
  fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
  message: 'An assessment is authorised before it started.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = cinTableOf(ASSESSMENT_SHAPE, ctx.tables.assessments);
    if (t === undefined) return ran(hits);
    const start = t.field('startDate');
    const authorised = t.field('authorisationDate');
    for (let i = 0; i < t.length; i++) {
      const auth = authorised.at(i);
      if (auth === null || !(auth < start.at(i))) continue;
      hits.push({
        table: 'assessments',
        row: i,
        record: t.record(i),
        field: 'AssessmentAuthorisationDate',
        value: auth,
        message: `the assessment is authorised (${auth}) before it started (${start.at(i)})`,
      });
    }
    return ran(hits);
  },
};
