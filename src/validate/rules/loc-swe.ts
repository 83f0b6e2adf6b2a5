import { ran, type Rule, type RuleHit } from '../rule.js';

/** LOC-SWE (inputs.md §6): a Social Work England registration that is not `SW` + digits. Query. */
export const locSwe: Rule = {
  code: 'LOC-SWE',
  severity: 'query',
  sources: ['local'],
  tables: ['workers'],
  fields: ['swe_registration'],
  message: 'A registration number is not SW followed by digits.',
  check: (ctx) =>
    ran(
      (ctx.tables.workers ?? [])
        .filter((w) => w.sweRegistration !== null && !/^SW\d+$/.test(w.sweRegistration))
        .map((w): RuleHit => ({
          table: 'workers',
          record: w,
          field: 'swe_registration',
          value: w.sweRegistration,
          message: `swe_registration '${w.sweRegistration}' is not SW followed by digits`,
        })),
    ),
};
