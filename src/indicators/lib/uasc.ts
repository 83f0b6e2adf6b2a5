import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { IndicatorSettings, Note } from '../types.js';

/**
 * Children who are UASC on d (indicators.md §1.5): a UASC record whose DUC is blank or later than d.
 * @example uascOn(data, '2021-12-31') //=> Set { 'C7' } (C7 has a UASC row with DUC 2022-02-01)
 */
export function uascOn(data: LaDataset, d: IsoDate): ReadonlySet<string> {
  const out = new Set<string>();
  for (const u of data.uasc) if (u.duc === null || u.duc > d) out.add(u.childId);
  return out;
}

/**
 * The `excludeUasc` exclusion for one reference date: which children leave the measure, and the note
 * that prints the setting with the figure (every CiC and care-leaver measure, indicators.md §1.5).
 */
export interface UascExclusion {
  /** Children to remove; empty when UASC are included. */
  readonly excluded: ReadonlySet<string>;
  /** Is this child removed? */
  has(childId: string): boolean;
  /**
   * The notes printing the setting with the figure: `excludeUasc` with the number of children removed
   * from the measure (pass the count of cohort children it actually removed); none when UASC are
   * included (the default).
   */
  notes(removed: number): Note[];
}

/**
 * The UASC exclusion on date d under the settings.
 * @example uascExclusion(data, settings, '2021-12-31').has('C7') //=> true when excludeUasc is on
 */
export function uascExclusion(data: LaDataset, settings: IndicatorSettings, d: IsoDate): UascExclusion {
  const excluded: ReadonlySet<string> = settings.excludeUasc ? uascOn(data, d) : new Set<string>();
  const tableMissing = settings.excludeUasc && !data.tables.has('uasc');
  return {
    excluded,
    has: (childId) => excluded.has(childId),
    notes: (removed) =>
      settings.excludeUasc
        ? [
            {
              code: 'excludeUasc',
              count: removed,
              detail: tableMissing
                ? 'excluding UASC, but no SSDA903 UASC table was loaded, so none could be removed'
                : `excluding UASC (${removed} removed)`,
            },
          ]
        : [],
  };
}
