import {
  childRuns,
  runHeads,
  ran,
  type Rule,
  type RuleHit,
  type StagedTableKey,
  tableRecords,
} from '../rule.js';
import { episodeHeads } from '../episode-spans.js';

const TABLES: readonly StagedTableKey[] = [
  'episodes',
  'cicReviews',
  'missingEpisodes',
  'uasc',
  'oc2',
  'oc3',
  'swEpisodes',
];
/** The tables other than episodes (held by column): read record by record. */
const RECORD_TABLES = TABLES.filter((t) => t !== 'episodes');
const NAMES: Partial<Record<StagedTableKey, string>> = {
  episodes: 'episodes',
  cicReviews: 'reviews',
  missingEpisodes: 'missing episodes',
  uasc: 'a UASC row',
  oc2: 'an OC2 row',
  oc3: 'an OC3 row',
  swEpisodes: 'social worker episodes',
};

/** 903-CHILD-UNKNOWN (inputs.md §6; DfE INT03): "Child 4471 has episodes but no Header row". Error. */
export const ssda903ChildUnknown: Rule = {
  code: '903-CHILD-UNKNOWN',
  severity: 'error',
  dfeRule: 'INT03',
  sources: ['ssda903'],
  tables: TABLES,
  fields: ['CHILD'],
  message: 'A child has rows in a table but no Header row.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = ctx.tables.episodes;
    if (t !== undefined) {
      // Episodes first (in TABLES order), held by column: one look-up per child (its index in the table).
      const heads = episodeHeads(t, ctx.tables.children);
      for (let row = 0; row < t.length; row++) {
        if (heads[t.child[row]!] !== undefined) continue;
        const id = t.childId(row);
        hits.push({
          table: 'episodes',
          row,
          record: t.record(row),
          field: 'CHILD',
          value: id,
          message: `child ${id} has ${NAMES.episodes} but no Header row`,
        });
      }
    }
    for (const table of RECORD_TABLES) {
      const records =
        (tableRecords(ctx.tables, table) as readonly { readonly childId: string }[] | undefined) ?? [];
      // One look-up per run of a child's records (a return lists them together), not per record.
      const heads = runHeads(records, ctx.tables.children);
      let i = 0;
      let run = 0;
      for (const end of childRuns(records)) {
        if (heads[run++] === undefined) {
          const id = records[i]!.childId;
          for (let x = i; x < end; x++) {
            hits.push({
              table,
              record: records[x]!,
              field: 'CHILD',
              value: id,
              message: `child ${id} has ${NAMES[table]} but no Header row`,
            });
          }
        }
        i = end;
      }
    }
    return ran(hits);
  },
};
