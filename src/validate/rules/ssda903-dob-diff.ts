import {
  childRuns,
  runHeads,
  ran,
  type Rule,
  type RuleHit,
  type RecordTableKey,
  tableRecords,
} from '../rule.js';
import { parseDate, ukDate } from '../../ingest/parse-date.js';

const TABLES: readonly RecordTableKey[] = [
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
    const hits: RuleHit[] = [];
    for (const table of TABLES) {
      const records =
        (tableRecords(ctx.tables, table) as readonly { readonly childId: string }[] | undefined) ?? [];
      // Each run of a child's records reads its Header DOB once (shared with the other rules).
      const heads = runHeads(records, ctx.tables.children);
      let i = 0;
      let run = 0;
      for (const end of childRuns(records)) {
        const header = heads[run++]?.dob;
        for (let x = i; x < end; x++) {
          const r = records[x]!;
          const id = r.childId;
          const raw = ctx.extras(r)?.['DOB'] ?? (r as { dob?: string | null }).dob ?? null;
          if (!raw) continue;
          const read = parseDate(raw, 'dmy-or-iso');
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
        i = end;
      }
    }
    return ran(hits);
  },
};
