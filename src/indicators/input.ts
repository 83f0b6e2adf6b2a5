import type { CareHistory } from '../model/care-history.js';
import type { Child } from '../model/child.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { IndicatorInput } from './types.js';

/**
 * Care histories by child. PLACEHOLDER until branch `chains` lands `deriveCareHistory` in
 * `src/model/derive-care-history.ts`: returns no histories, so children-in-care indicators see none.
 * Replace the body with `deriveCareHistory(childId, episodes)` per child after `git merge chains`.
 */
function careHistoriesPendingChains(_data: LaDataset): Map<string, CareHistory> {
  return new Map();
}

/**
 * The shared, precomputed views every indicator reads (built once per dataset): children by id and
 * care histories (periods of care and placements, short breaks removed) of children with episodes.
 * @example buildIndicatorInput(emptyDataset('841')).childrenById.size //=> 0
 */
export function buildIndicatorInput(data: LaDataset): IndicatorInput {
  const childrenById = new Map<string, Child>();
  for (const c of data.children) childrenById.set(c.childId, c);
  return { data, childrenById, careHistories: careHistoriesPendingChains(data) };
}
