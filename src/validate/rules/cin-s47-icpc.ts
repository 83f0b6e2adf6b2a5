import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

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
      cinRecords(ctx.tables.section47s)
        .filter((s) => s.dateOfInitialCpc !== null && s.dateOfInitialCpc < s.startDate)
        .map((s): RuleHit => ({
          table: 'section47s',
          record: s,
          field: 'DateOfInitialCPC',
          value: s.dateOfInitialCpc,
          message: `the ICPC (${s.dateOfInitialCpc}) is before the S47 start (${s.startDate}); it is left out of icpc-15wd`,
        })),
    ),
};
