import { ran, type Rule, type RuleHit } from '../rule.js';

/** LOC-ORDER (inputs.md §6): decided_at before received_at, or allocation_end before allocation_start. Error. */
export const locOrder: Rule = {
  code: 'LOC-ORDER',
  severity: 'error',
  sources: ['local'],
  tables: ['contacts', 'allocations'],
  fields: ['received_at', 'decided_at', 'allocation_start', 'allocation_end'],
  message: 'An end (decision, allocation end) is before its start.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const c of ctx.tables.contacts ?? []) {
      if (c.decidedDate !== null && c.decidedAt !== null && c.decidedDate < c.receivedDate) {
        hits.push({
          table: 'contacts',
          record: c,
          field: 'decided_at',
          value: c.decidedAt,
          message: `decided_at ${c.decidedAt} is before received_at ${c.receivedAt}`,
        });
      }
    }
    for (const a of ctx.tables.allocations ?? []) {
      if (a.end !== null && a.end < a.start)
        hits.push({
          table: 'allocations',
          record: a,
          field: 'allocation_end',
          value: a.end,
          message: `allocation_end ${a.end} is before allocation_start ${a.start}`,
        });
    }
    return ran(hits);
  },
};
