import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { ASSESSMENT_SHAPE } from '../../ingest/cin/cin-shapes.js';

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
      rowHits(cinTableOf(ASSESSMENT_SHAPE, ctx.tables.assessments), 'assessments', (t) => {
        const start = t.field('startDate');
        const authorised = t.field('authorisationDate');
        return (i) => {
          const auth = authorised.at(i);
          if (auth === null || !(auth < start.at(i))) return null;
          return {
            field: 'AssessmentAuthorisationDate',
            value: auth,
            message: `the assessment is authorised (${auth}) before it started (${start.at(i)})`,
          };
        };
      }),
    ),
};
