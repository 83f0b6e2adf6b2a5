import type { CareHistory } from '../model/care-history.js';
import type { Child } from '../model/child.js';
import type { Episode } from '../model/episode.js';
import type { LaDataset } from '../model/la-dataset.js';
import { deriveCareHistory } from '../model/derive-care-history.js';
import type { IndicatorInput } from './types.js';

/** Care histories (indicators.md §1.4) of every child with SSDA903 episodes, in child id order. */
function careHistories(data: LaDataset): Map<string, CareHistory> {
  const episodesByChild = new Map<string, Episode[]>();
  for (const e of data.episodes) {
    const list = episodesByChild.get(e.childId);
    if (list) list.push(e);
    else episodesByChild.set(e.childId, [e]);
  }
  const out = new Map<string, CareHistory>();
  for (const childId of [...episodesByChild.keys()].sort()) {
    out.set(childId, deriveCareHistory(childId, episodesByChild.get(childId)!));
  }
  return out;
}

/**
 * The shared, precomputed views every indicator reads (built once per dataset): children by id and
 * care histories (periods of care and placements, short breaks removed) of children with episodes.
 * @example buildIndicatorInput(emptyDataset('841')).childrenById.size //=> 0
 */
export function buildIndicatorInput(data: LaDataset): IndicatorInput {
  const childrenById = new Map<string, Child>();
  for (const c of data.children) childrenById.set(c.childId, c);
  return { data, childrenById, careHistories: careHistories(data) };
}
