import type { IsoDate } from '../../calendar/iso-date.js';
import type { CareHistory, PeriodOfCare, Placement } from '../../model/care-history.js';
import { currentPlacementOn, periodOfCareOn } from '../../model/care-queries.js';
import { isTemporaryPlacement } from '../../model/derive-care-history.js';
import type { Episode } from '../../model/episode.js';
import type { IndicatorInput, Note } from '../types.js';
import type { UascExclusion } from './uasc.js';
import { sharedView } from './shared-view.js';

/** A child looked after at e, with where they are in their care history. */
export interface LookedAfterChild {
  readonly childId: string;
  readonly history: CareHistory;
  readonly periodOfCare: PeriodOfCare;
  /** The current placement (for a child in a temporary episode, the one they are away from). */
  readonly placement: Placement | null;
  /** The episode open at e (DECOM ≤ e < DEC), possibly temporary. */
  readonly episode: Episode | null;
}

/** The children looked after at e after the UASC exclusion, and how many UASC it removed. */
export interface LookedAfterCohort {
  readonly children: readonly LookedAfterChild[];
  readonly uascRemoved: number;
}

/**
 * Children looked after at the end of day e (indicators.md §1.4 step 3, short breaks removed by the
 * care history), in child id order, leaving out UASC when the exclusion says so (§1.5). A child who
 * ceases on e is not looked after at e.
 * @example lookedAfterAt(input, '2021-12-31', uasc).children.length //=> 271
 */
export function lookedAfterAt(input: IndicatorInput, e: IsoDate, uasc: UascExclusion): LookedAfterCohort {
  const key = `lookedAfterAt|${e}|${[...uasc.excluded].sort().join(',')}`;
  return sharedView(input, key, () => cohortAt(input, e, uasc));
}

function cohortAt(input: IndicatorInput, e: IsoDate, uasc: UascExclusion): LookedAfterCohort {
  const children: LookedAfterChild[] = [];
  let uascRemoved = 0;
  for (const childId of [...input.careHistories.keys()].sort()) {
    const history = input.careHistories.get(childId)!;
    const periodOfCare = periodOfCareOn(history, e);
    if (periodOfCare === null) continue;
    if (uasc.has(childId)) {
      uascRemoved += 1;
      continue;
    }
    const episode =
      periodOfCare.episodes.find((ep) => ep.decom <= e && (ep.dec === null || ep.dec > e)) ?? null;
    children.push({ childId, history, periodOfCare, placement: currentPlacementOn(history, e), episode });
  }
  return { children, uascRemoved };
}

/**
 * The episode that describes the carer on e: the latest non-temporary episode of the placement that
 * began on or before e (indicators.md §1.4 step 5, §1.8 distance and adoption clause). A child in a
 * temporary episode gets the carer they are away from; null if the placement so far is all temporary.
 * @example currentCarerEpisode(placementA, '2021-03-15')?.place //=> 'U1' (in hospital, T1)
 */
export function currentCarerEpisode(placement: Placement, e: IsoDate): Episode | null {
  let found: Episode | null = null;
  for (const ep of placement.episodes) {
    if (ep.decom > e) break;
    if (!isTemporaryPlacement(ep)) found = ep;
  }
  return found;
}

/**
 * The note `episodeChainErrors`: chaining anomalies (§1.4 step 2) in the histories of the given
 * children, or nothing when there are none.
 */
export function chainErrorNotes(children: readonly { readonly history: CareHistory }[]): Note[] {
  // RNE S inside an X1 chain continues the period (a warning at import, §1.8), so it is not counted.
  const count = children.reduce(
    (n, c) => n + c.history.issues.filter((i) => i.kind !== 'rne-s-inside-chain').length,
    0,
  );
  return count > 0 ? [{ code: 'episodeChainErrors', count }] : [];
}

/**
 * The note `historyIncomplete` when the loaded SSDA903 history begins after the look-back start
 * (indicators.md §1.3).
 */
export function historyNotes(input: IndicatorInput, lookBackFrom: IsoDate): Note[] {
  const start = input.data.historyStart.ssda903;
  return start !== null && start > lookBackFrom
    ? [
        {
          code: 'historyIncomplete',
          detail: `SSDA903 history begins ${start}, look-back needs ${lookBackFrom}`,
        },
      ]
    : [];
}
