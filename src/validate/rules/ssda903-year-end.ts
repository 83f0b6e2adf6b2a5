import { ran, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/** 903-YEAR-END (inputs.md §6; DfE 354): an episode date or review after the collection year's end. Warning. */
export const ssda903YearEnd: Rule = {
  code: '903-YEAR-END',
  severity: 'warning',
  dfeRule: '354',
  sources: ['ssda903'],
  tables: ['episodes', 'cicReviews'],
  fields: ['DECOM', 'DEC', 'REVIEW'],
  message: 'A date falls after the end of the collection year.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const end = ctx.yearEnd;
    const t = ctx.tables.episodes;
    if (t !== undefined) {
      const { decom, dec } = t;
      for (let row = 0; row < t.length; row++) {
        const start = decom.at(row);
        const finish = dec.at(row);
        const field = start > end ? 'DECOM' : finish !== null && finish > end ? 'DEC' : null;
        if (field) {
          const d = field === 'DECOM' ? start : finish!;
          hits.push({
            table: 'episodes',
            row,
            record: t.record(row),
            field,
            value: ukDate(d),
            message: `${field} ${ukDate(d)} is after the end of the ${ctx.year} collection year (${ukDate(end)})`,
          });
        }
      }
    }
    for (const r of ctx.tables.cicReviews ?? []) {
      if (r.reviewDate > end)
        hits.push({
          table: 'cicReviews',
          record: r,
          field: 'REVIEW',
          value: ukDate(r.reviewDate),
          message: `REVIEW ${ukDate(r.reviewDate)} is after the end of the ${ctx.year} collection year (${ukDate(end)})`,
        });
    }
    return ran(hits);
  },
};
