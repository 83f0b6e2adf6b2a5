import { ran, type Rule, type RuleHit } from '../rule.js';

/**
 * CIN-YEAR-ELEMENT (inputs.md §3): the sex element of the wrong year: `GenderCurrent` (to 2023-24, 1/2/0/9) vs
 * `Sex` (from 2024-25, M/F/U). Warning: mapped (1→M, 2→F, 0/9→U). A value valid in neither form (read as
 * unknown) is a bad code, GEN-CODE's (invalidCinSex), whichever element holds it: not reported here too.
 */
export const cinYearElement: Rule = {
  code: 'CIN-YEAR-ELEMENT',
  severity: 'warning',
  sources: ['cin'],
  tables: ['children'],
  fields: ['GenderCurrent', 'Sex'],
  message: 'A child’s sex is given in the element of another collection year; it is mapped.',
  check: (ctx) => {
    const expected = ctx.year >= '2024-25' ? 'Sex' : 'GenderCurrent';
    const hits: RuleHit[] = [];
    for (const c of ctx.tables.children ?? []) {
      const x = ctx.extras(c);
      const element = x?.['sexElement'] ?? null;
      const raw = x?.['SEX'] ?? null;
      // A value valid in neither form is GEN-CODE's (invalidCinSex): each value is reported once.
      if (element === null || (raw !== null && c.sex === null)) continue;
      if (element !== expected) {
        hits.push({
          table: 'children',
          record: c,
          field: element,
          value: raw,
          message: `<${element}> is not used in ${ctx.year} (expected <${expected}>); ${raw ?? 'blank'} read as ${c.sex ?? 'unknown'}`,
        });
      } else if (raw !== null) {
        const ok = expected === 'Sex' ? /^[MFU]$/i.test(raw) : /^[1209]$/.test(raw);
        if (!ok)
          hits.push({
            table: 'children',
            record: c,
            field: element,
            value: raw,
            message: `${element} '${raw}' is written in another year's codes; read as ${c.sex}`,
          });
      }
    }
    return ran(hits);
  },
};
