import { ran, skipped, type Rule, type RuleHit } from '../rule.js';

/** LOC-WORKER-UNKNOWN (inputs.md §6): an allocation's worker is not in workers.csv (when one is imported). Warning. */
export const locWorkerUnknown: Rule = {
  code: 'LOC-WORKER-UNKNOWN',
  severity: 'warning',
  sources: ['local'],
  tables: ['allocations'],
  fields: ['worker_id'],
  message: 'An allocation names a worker who is not in workers.csv.',
  check: (ctx) => {
    if (!ctx.tables.allocations) return ran([]);
    const workers = ctx.importTables.filter((t) => t.workers).flatMap((t) => t.workers!);
    if (workers.length === 0) return skipped('no workers.csv in this import');
    const known = new Set(workers.map((w) => w.workerId));
    return ran(
      ctx.tables.allocations
        .filter((a) => !known.has(a.workerId))
        .map((a): RuleHit => ({
          table: 'allocations',
          record: a,
          field: 'worker_id',
          value: a.workerId,
          message: `worker ${a.workerId} is not in workers.csv`,
        })),
    );
  },
};
