import type { Worker } from '../../model/local.js';
import type { TableName } from '../../model/source.js';
import { variant } from '../settings.js';
import type {
  Computation,
  ComputeContext,
  IndicatorInput,
  IndicatorSettings,
  Member,
  Note,
} from '../types.js';
import {
  isSweRegistration,
  openSocialWorkerAllocations,
  openSwEpisodes,
  qualifiedAllocation,
} from './allocation.js';
import { missingTables, notAvailable } from './availability.js';
import { sharedView } from './shared-view.js';
import { breakdownBy, childBreakdowns } from './child-breakdowns.js';
import { chainErrorNotes, lookedAfterAt } from './looked-after.js';
import { uascExclusion } from './uasc.js';
import { ukDate } from './uk-date.js';

/** What the numerator asks of the open allocation: any social worker, or a qualified one. */
export type AllocationTest = 'allocated' | 'qualified';

/**
 * Tables the allocation measures need under `allocation.source`: the definitions' `sourcesUnder`, so the
 * engine's not-available, as-at and Annex A checks look at the tables the chosen source reads.
 * @example allocationSources({ ...DEFAULT_SETTINGS, variants: { 'allocation.source': 'swEpisodes' } }, 'qualified') //=> ['episodes', 'sw-episodes']
 */
export function allocationSources(settings: IndicatorSettings, test: AllocationTest): TableName[] {
  if (variant<string>(settings, 'allocation.source', 'allocations') === 'swEpisodes') {
    return ['episodes', 'sw-episodes'];
  }
  return test === 'qualified' ? ['episodes', 'allocations', 'workers'] : ['episodes', 'allocations'];
}

/** {@link allocationSources} for a computation's settings. */
export function allocationTables(ctx: ComputeContext, test: AllocationTest): TableName[] {
  return allocationSources(ctx.settings, test);
}

/**
 * cic-allocated-sw and cic-allocated-qualified-sw (indicators.md §2, §1.8): children looked after at
 * e, with an open social-worker allocation at e (start ≤ e and (end blank or ≥ e)); for `qualified`,
 * any open allocation's worker has qualified_sw = Y, and an unknown worker is not qualified (note
 * `unknownWorker`). Under `allocation.source = swEpisodes` an open SWEpisodes row is the allocation and
 * an SW_ID beginning "SW" is a qualified worker.
 * @example computeCicAllocation(input, ctx, 'allocated').numerator //=> 270
 */
export function computeCicAllocation(
  input: IndicatorInput,
  ctx: ComputeContext,
  test: AllocationTest,
): Computation {
  const missing = missingTables(input, allocationTables(ctx, test));
  if (missing.length > 0) return notAvailable(missing);
  const e = ctx.period.end;
  const swEpisodes = variant<string>(ctx.settings, 'allocation.source', 'allocations') === 'swEpisodes';
  const uasc = uascExclusion(input.data, ctx.settings, e);
  const cohort = lookedAfterAt(input, e, uasc);
  // Shared by cic-allocated-sw and cic-allocated-qualified-sw: one pass over the allocations per date.
  const openAlloc = swEpisodes
    ? new Map()
    : sharedView(input, `openSocialWorkerAllocations|${e}`, () =>
        openSocialWorkerAllocations(input.data.allocations, e),
      );
  const openSw = swEpisodes
    ? sharedView(input, `openSwEpisodes|${e}`, () => openSwEpisodes(input.data.swEpisodes, e))
    : new Map();
  const workersById = new Map<string, Worker>(input.data.workers.map((w) => [w.workerId, w]));
  const teamOf = new Map<string, string | null>();
  let unknownWorkerChildren = 0;

  const members: Member[] = cohort.children.map((c): Member => {
    const base = { childId: c.childId, dates: { periodOfCareStart: c.periodOfCare.start } };
    if (swEpisodes) {
      const rows = [...(openSw.get(c.childId) ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1));
      const ok = test === 'allocated' ? rows.length > 0 : rows.some((r) => isSweRegistration(r.swId));
      const row = (test === 'qualified' ? rows.find((r) => isSweRegistration(r.swId)) : undefined) ?? rows[0];
      return {
        ...base,
        recordIds: rows.map((r) => r.id),
        dates: { ...base.dates, allocationStart: row?.start ?? null },
        inNumerator: ok,
        reason:
          row === undefined
            ? `No SWEpisodes row open at ${ukDate(e)}`
            : ok
              ? `${test === 'qualified' ? 'Registered social worker' : 'Social worker'} (SWEpisodes) since ${ukDate(row.start)}`
              : 'Open SWEpisodes row, but SW_ID is not a Social Work England registration',
      };
    }
    const rows = [...(openAlloc.get(c.childId) ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1));
    teamOf.set(c.childId, rows[0]?.team ?? null);
    if (rows.length === 0) {
      return {
        ...base,
        recordIds: [],
        dates: { ...base.dates, allocationStart: null },
        inNumerator: false,
        reason: `No social-worker allocation open at ${ukDate(e)}`,
      };
    }
    if (test === 'allocated') {
      return {
        ...base,
        recordIds: rows.map((r) => r.id),
        dates: { ...base.dates, allocationStart: rows[0].start },
        inNumerator: true,
        reason: `Social worker allocated since ${ukDate(rows[0].start)}`,
      };
    }
    const q = qualifiedAllocation(rows, workersById);
    if (q.unknownWorkers.length > 0) unknownWorkerChildren += 1;
    const decided = q.qualifiedBy ?? rows[0];
    return {
      ...base,
      recordIds: rows.map((r) => r.id),
      dates: { ...base.dates, allocationStart: decided.start },
      inNumerator: q.qualified,
      reason: q.qualified
        ? `Qualified social worker allocated since ${ukDate(decided.start)}`
        : q.unknownWorkers.length === rows.length
          ? 'Allocated worker not in workers.csv: counted as not qualified'
          : 'Allocated social worker is not qualified',
    };
  });

  const notes: Note[] = [...uasc.notes(cohort.uascRemoved), ...chainErrorNotes(cohort.children)];
  if (unknownWorkerChildren > 0) {
    notes.push({
      code: 'unknownWorker',
      count: unknownWorkerChildren,
      detail: 'children with an open allocation whose worker is not in workers.csv (not qualified)',
    });
  }
  if (swEpisodes) notes.push({ code: 'allocationSource', detail: 'SSDA903 SWEpisodes' });
  // Figures-only runs (trend, comparisons) leave out the breakdowns drawn from the members.
  const figuresOnly = ctx.members === false;
  const breakdowns: Record<string, ReturnType<typeof breakdownBy>> = figuresOnly
    ? {}
    : { ...childBreakdowns(members, input.childrenById, e, 'percent') };
  if (!swEpisodes && !figuresOnly) {
    breakdowns.team = breakdownBy(
      members,
      (m) => {
        const team = teamOf.get(m.childId) ?? null;
        return team === null ? { key: 'no-team', label: 'No team recorded' } : { key: team, label: team };
      },
      'percent',
    );
  }
  return {
    status: 'ok',
    numerator: members.filter((m) => m.inNumerator).length,
    denominator: members.length,
    members,
    notes,
    breakdowns,
  };
}
