import { ran, type Rule } from '../rule.js';
import { rowHits } from '../cin-spans.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { SECTION47_SHAPE } from '../../ingest/cin/cin-shapes.js';

/**
 * CIN-S47-ICPC (inputs.md §6; DfE 8615): "ICPC before the S47 start". Warning: loaded, and icpc-15wd leaves it
 * out of its numerator and denominator (`invalidDates`, indicators.md §1.2).
 */
export const cinS47Icpc: Rule = {
  code: 'CIN-S47-ICPC',
  severity: 'warning',
  dfeRule: '8615',
  sources: ['cin'],
  tables: ['section47s'],
  fields: ['S47ActualStartDate', 'DateOfInitialCPC'],
  message: 'The initial child protection conference is dated before the Section 47 started.',
  check: (ctx) =>
    ran(
      rowHits(cinTableOf(SECTION47_SHAPE, ctx.tables.section47s), 'section47s', (t) => {
        const start = t.field('startDate');
        const icpc = t.field('dateOfInitialCpc');
        return (i) => {
          const d = icpc.at(i);
          if (d === null || !(d < start.at(i))) return null;
          return {
            field: 'DateOfInitialCPC',
            value: d,
            message: `the ICPC (${d}) is before the S47 start (${start.at(i)}); it is left out of icpc-15wd`,
          };
        };
      }),
    ),
};
