import type { IsoDate } from '../../calendar/iso-date.js';
import type { SwEpisode } from '../../model/episode.js';
import type { Allocation, Worker } from '../../model/local.js';

/**
 * Open on e in the allocation sense (indicators.md cp-allocated-sw): start ≤ e and (end blank or end ≥ e).
 * An allocation ending on e still counts on e.
 * @example openOnDay({ start: '2021-01-01', end: '2021-12-31' }, '2021-12-31') //=> true
 */
export function openOnDay(
  row: { readonly start: IsoDate; readonly end: IsoDate | null },
  e: IsoDate,
): boolean {
  return row.start <= e && (row.end === null || row.end >= e);
}

/**
 * Each child's `allocations` rows with role social-worker open at e. Team-only and other-role rows do
 * not count.
 * @example openSocialWorkerAllocations(data.allocations, '2021-12-31').get('C1')?.length //=> 1
 */
export function openSocialWorkerAllocations(
  allocations: readonly Allocation[],
  e: IsoDate,
): ReadonlyMap<string, readonly Allocation[]> {
  const out = new Map<string, Allocation[]>();
  for (const a of allocations) {
    if (a.role !== 'social-worker' || !openOnDay(a, e)) continue;
    const list = out.get(a.childId);
    if (list) list.push(a);
    else out.set(a.childId, [a]);
  }
  return out;
}

/**
 * Each child's SSDA903 SWEpisodes rows open at e: SW_DECOM ≤ e and (SW_DEC blank or ≥ e)
 * (`allocation.source = swEpisodes`, from 2023-24).
 * @example openSwEpisodes(data.swEpisodes, '2024-03-31').get('C1')?.[0].swId //=> 'SW123456'
 */
export function openSwEpisodes(
  swEpisodes: readonly SwEpisode[],
  e: IsoDate,
): ReadonlyMap<string, readonly SwEpisode[]> {
  const out = new Map<string, SwEpisode[]>();
  for (const s of swEpisodes) {
    if (!openOnDay(s, e)) continue;
    const list = out.get(s.childId);
    if (list) list.push(s);
    else out.set(s.childId, [s]);
  }
  return out;
}

/** Whether a child's open allocations give a qualified social worker, and whether a worker was unknown. */
export interface QualifiedCheck {
  readonly qualified: boolean;
  /** Worker ids of open allocations that are not in `workers` (counted as not qualified). */
  readonly unknownWorkers: readonly string[];
  /** The allocation whose worker is qualified, if any. */
  readonly qualifiedBy: Allocation | null;
}

/**
 * Qualified social worker (indicators.md §1.8): with several open social-worker allocations, the child
 * counts if any of their workers has qualified_sw = Y; a worker missing from `workers` is not qualified.
 * @example qualifiedAllocation(open, workersById).qualified //=> true
 */
export function qualifiedAllocation(
  open: readonly Allocation[],
  workersById: ReadonlyMap<string, Worker>,
): QualifiedCheck {
  let qualifiedBy: Allocation | null = null;
  const unknownWorkers: string[] = [];
  for (const a of open) {
    const w = workersById.get(a.workerId);
    if (w === undefined) unknownWorkers.push(a.workerId);
    else if (w.qualifiedSw && qualifiedBy === null) qualifiedBy = a;
  }
  return { qualified: qualifiedBy !== null, unknownWorkers, qualifiedBy };
}

/**
 * In the swEpisodes variant SW_ID is a Social Work England registration number: it begins "SW"
 * (the placeholder `XX…` is not a registration).
 * @example isSweRegistration('SW123456') //=> true
 */
export function isSweRegistration(swId: string): boolean {
  return /^SW/i.test(swId.trim());
}
