import type { IsoDate } from '../../calendar/iso-date.js';
import type { IndicatorInput } from '../types.js';
import { type Due, type DueChainSpec, runDueChain } from './due-chain.js';
import { sharedView } from './shared-view.js';

interface Cached {
  /** The chain was run to this stop (min of as-at and horizon): it holds every due on or before it. */
  readonly stop: IsoDate;
  readonly dues: readonly Due[];
}

/** The last date a chain with this as-at and horizon produces dues to. */
function stopOf(asAt: IsoDate | null, horizon: IsoDate): IsoDate {
  return asAt !== null && asAt < horizon ? asAt : horizon;
}

/**
 * Due chains (indicators.md §1.6) of one family (a timetable, its events and its settings, named by
 * `family`) memoised on the input: each chain (a plan, placement or period of care, the `owner` object)
 * is run once, to the widest horizon asked of the family so far, and a request for an earlier horizon
 * takes the dues on or before it, so a report's 8-quarter trend runs each chain once, not once per quarter. The result is
 * exactly what `runDueChain(spec())` gives for the requested horizon: a chain's dues up to a date do not
 * depend on the horizon beyond it (the chain only stops later), and a chain is run only when asked, as
 * before, so a timetable error is raised where it was.
 * @example chainDues(input, 'cp-visits|10|elapsed', plan, asAt, w.end, (horizon) => ({ start: plan.startDate, … , horizon }))
 */
export function chainDues(
  input: IndicatorInput,
  family: string,
  owner: object,
  asAt: IsoDate | null,
  horizon: IsoDate,
  spec: (horizon: IsoDate) => DueChainSpec,
): readonly Due[] {
  const family$ = sharedView(input, `chain|${family}`, () => ({
    chains: new WeakMap<object, Cached>(),
    widest: horizon,
  }));
  const cache = family$.chains;
  if (horizon > family$.widest) family$.widest = horizon;
  const stop = stopOf(asAt, horizon);
  const hit = cache.get(owner);
  if (hit && hit.stop >= stop) {
    if (hit.stop === stop) return hit.dues;
    let n = hit.dues.length;
    while (n > 0 && hit.dues[n - 1]!.due > stop) n--;
    return n === hit.dues.length ? hit.dues : hit.dues.slice(0, n);
  }
  // Run to the widest horizon asked of this family so far (a report asks its latest quarter first), so
  // that a chain first met in an earlier quarter is not run again for each later one. Should that
  // fail (a timetable beyond the bank holiday table), run exactly what was asked, as before.
  let s = spec(family$.widest);
  let dues: Due[];
  try {
    dues = runDueChain(s);
  } catch {
    s = spec(horizon);
    dues = runDueChain(s);
  }
  const ran = stopOf(s.asAt, s.horizon);
  cache.set(owner, { stop: ran, dues });
  if (ran === stop) return dues;
  let n = dues.length;
  while (n > 0 && dues[n - 1]!.due > stop) n--;
  return dues.slice(0, n);
}
