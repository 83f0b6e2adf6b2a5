import type { IsoDate } from '../../calendar/iso-date.js';
import type { AnnexACp } from '../../model/annex-a.js';
import type { AnnexARowValues } from './map-annex-a-cic.js';

/**
 * An Annex A List 7 row as a CP allocation record (inputs.md §4): the plan's start and end dates with its
 * Allocated Team and Allocated Worker as written. The as-at date is the workbook's (its latest event date,
 * known once the whole workbook is read); a workbook with no other dates is as at the plan's start.
 * @example annexACpRecord(values, '2022-01-31').worker //=> 'W1'
 */
export function annexACpRecord(v: AnnexARowValues, asAt: IsoDate | null): AnnexACp {
  const startDate = v.dates['start']!;
  return {
    id: `${v.childId}/${startDate}`,
    childId: v.childId,
    asAt: asAt ?? startDate,
    startDate,
    endDate: v.dates['end'] ?? null,
    team: v.text('team'),
    worker: v.text('worker'),
    source: v.source,
  };
}
