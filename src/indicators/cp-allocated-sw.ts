import type { IsoDate } from '../calendar/iso-date.js';
import type { Allocation } from '../model/local.js';
import type { CpPlan } from '../model/cin.js';
import { cpAllocatedSwFromList7 } from './annex-a/cp-allocated-sw-from-list-7.js';
import { fromMembers } from './lib/members.js';
import { byChild } from './lib/unique-referrals.js';
import type { IndicatorDefinition, Member } from './types.js';

/** True when a CP plan is open at the end of day e: start ≤ e and (end blank or end > e). */
export function planOpenAt(p: CpPlan, e: IsoDate): boolean {
  return p.startDate <= e && (p.endDate === null || p.endDate > e);
}

/** True when a social-worker allocation is open at e: start ≤ e and (end blank or end ≥ e). */
export function socialWorkerAllocatedAt(a: Allocation, e: IsoDate): boolean {
  return a.role === 'social-worker' && a.start <= e && (a.end === null || a.end >= e);
}

/**
 * cp-allocated-sw (indicators.md §2): children with a CP plan open at e (each once), and those with an
 * open social-worker allocation at e. Team-only or other-role allocations do not count. Without
 * `allocations.csv` (or the CIN census) it answers from Ofsted Annex A List 7's Allocated Worker at the
 * workbook's date (inputs.md §4; annex-a/cp-allocated-sw-from-list-7.ts), as cic-allocated-sw does from List 8.
 */
export const cpAllocatedSw: IndicatorDefinition = {
  id: 'cp-allocated-sw',
  title: 'Children with a Child Protection plan with an allocated social worker',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'child-protection',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cp-allocated-sw',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of children with a child protection plan at the end of the period who had an allocated social worker.',
    numerator:
      'Children with a social-worker allocation open at the end of the period (started on or before that day and not ended before it).',
    denominator: 'Children with a child protection plan open at the end of the period, each counted once.',
    exclusions: 'None. Allocations to a team only, or to a worker in another role, do not count.',
    why: 'Every child with a child protection plan should have a named social worker responsible for the plan.',
    comparability: 'A local measure from the case management system; there is no national figure.',
  },
  sources: ['cp-plans', 'allocations'],
  annexA: cpAllocatedSwFromList7,
  target: { value: 100, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of children with a Child Protection (CP) plan had an allocated social worker {when}',
    narrativeGroup: 'allocation',
  },
  compute(input, ctx) {
    const e = ctx.period.end;
    const allocations = byChild(input.data.allocations);
    const members: Member[] = [];
    for (const [childId, plans] of byChild(input.data.cpPlans)) {
      const open = plans.filter((p) => planOpenAt(p, e)).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
      if (open.length === 0) continue;
      const alloc = (allocations.get(childId) ?? [])
        .filter((a) => socialWorkerAllocatedAt(a, e))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
      const first = alloc[0];
      members.push({
        childId,
        recordIds: [...open.map((p) => p.id), ...alloc.map((a) => a.id)],
        dates: { planStart: open[0]!.startDate, allocationStart: first?.start ?? null },
        inNumerator: first !== undefined,
        reason: first
          ? `social worker allocated from ${first.start}`
          : `no open social-worker allocation at ${e}`,
      });
    }
    return fromMembers(members);
  },
};
