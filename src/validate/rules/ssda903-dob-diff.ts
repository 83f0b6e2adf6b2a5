import { childrenById, ran, type AnyRecord, type Rule, type RuleHit, type StagedTableKey } from '../rule.js';
import { parseDate, ukDate } from '../../ingest/parse-date.js';

const TABLES: readonly StagedTableKey[] = [
  'cicReviews',
  'missingEpisodes',
  'uasc',
  'oc2',
  'oc3',
  'swEpisodes',
];

/** 903-DOB-DIFF (inputs.md §6): a table's DOB differs from the child's Header DOB; the Header wins. Warning. */
export const ssda903DobDiff: Rule = {
  code: '903-DOB-DIFF',
  severity: 'warning',
  sources: ['ssda903'],
  tables: TABLES,
  fields: ['DOB'],
  message: 'A DOB differs from the Header DOB (the Header wins).',
  check: (ctx) => {
    const children = childrenById(ctx.tables.children);
    const hits: RuleHit[] = [];
    for (const table of TABLES) {
      for (const r of (ctx.tables[table] as readonly AnyRecord[] | undefined) ?? []) {
        const id = (r as { childId: string }).childId;
        const raw = ctx.extras(r)?.['DOB'] ?? (r as { dob?: string | null }).dob ?? null;
        if (!raw) continue;
        const read = parseDate(raw, 'dmy-or-iso');
        const header = children.get(id)?.dob;
        if (read.ok && header && read.date !== header) {
          hits.push({
            table,
            record: r,
            field: 'DOB',
            value: raw,
            message: `DOB ${ukDate(read.date)} differs from child ${id}'s Header DOB ${ukDate(header)}; the Header DOB is used`,
          });
        }
      }
    }
    return ran(hits);
  },
};
