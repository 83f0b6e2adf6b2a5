import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod, type Basis } from '../../calendar/period.js';
import type { Child } from '../../model/child.js';
import { deriveCareHistory } from '../../model/derive-care-history.js';
import type { Episode } from '../../model/episode.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { TableName } from '../../model/source.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { ComputeContext, IndicatorInput, IndicatorSettings } from '../types.js';

/**
 * Builds the shared indicator input the engine would build, for tests: children by id and care
 * histories derived with `deriveCareHistory`.
 * @example inputOf({ ...emptyDataset('841'), episodes }).careHistories.get('C1')
 */
export function inputOf(data: LaDataset): IndicatorInput {
  const byChild = new Map<string, Episode[]>();
  for (const ep of data.episodes) {
    const list = byChild.get(ep.childId);
    if (list) list.push(ep);
    else byChild.set(ep.childId, [ep]);
  }
  return {
    data,
    childrenById: new Map(data.children.map((c) => [c.childId, c])),
    careHistories: new Map([...byChild].map(([id, eps]) => [id, deriveCareHistory(id, eps)])),
  };
}

/** A compute context for a period id, basis and settings overrides. */
export function contextOf(
  periodId: string,
  basis: Basis,
  settings: Partial<IndicatorSettings> = {},
): ComputeContext {
  return { period: parsePeriod(periodId), basis, settings: { ...DEFAULT_SETTINGS, ...settings } };
}

/** A child record for tests. */
export function childOf(childId: string, dob: string | null, extra: Partial<Child> = {}): Child {
  return {
    childId,
    dob: dob === null ? null : isoDate(dob),
    sex: 'F',
    ethnicity: 'WBRI',
    deathDate: null,
    upnHash: null,
    disabilities: [],
    sources: [],
    ...extra,
  };
}

/** The set of tables, for `tables:` in a test dataset. */
export function tablesOf(...names: TableName[]): ReadonlySet<TableName> {
  return new Set(names);
}

/** A test source reference. */
export const TEST_SOURCE = { file: 'test.csv', position: 'line 2' } as const;
