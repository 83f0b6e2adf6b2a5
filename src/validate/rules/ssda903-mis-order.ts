import { ran, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/** 903-MIS-ORDER (inputs.md §6; DfE 567): MIS_END before MIS_START. Error. */
export const ssda903MisOrder: Rule = {
  code: '903-MIS-ORDER',
  severity: 'error',
  dfeRule: '567',
  sources: ['ssda903'],
  tables: ['missingEpisodes'],
  fields: ['MIS_START', 'MIS_END'],
  message: 'A missing episode ends before it starts.',
  check: (ctx) =>
    ran(
      (ctx.tables.missingEpisodes ?? [])
        .filter((m) => m.end !== null && m.end < m.start)
        .map((m): RuleHit => ({
          table: 'missingEpisodes',
          record: m,
          field: 'MIS_END',
          value: ukDate(m.end!),
          message: `MIS_END ${ukDate(m.end!)} is before MIS_START ${ukDate(m.start)}`,
        })),
    ),
};
