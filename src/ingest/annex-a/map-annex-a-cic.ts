import type { IsoDate } from '../../calendar/iso-date.js';
import type { AnnexACic } from '../../model/annex-a.js';
import type { SourceRef } from '../../model/source.js';

/** What one read List 8 row gives the mapper: its key and dates, label codes, unmapped labels and texts. */
export interface AnnexARowValues {
  readonly childId: string;
  readonly dates: Readonly<Record<string, IsoDate | null>>;
  /** Label columns: the code their label maps to, null when blank or unmapped. */
  readonly labels: Readonly<Record<string, string | null>>;
  /** Label columns whose text mapped to nothing: column label → text. */
  readonly unmapped: Readonly<Record<string, string>>;
  text(key: string): string | null;
  readonly source: SourceRef;
}

/** A count cell ("3", "3.0"): a whole number ≥ 0, else null. */
export function countCell(text: string | null): number | null {
  if (text === null) return null;
  const m = /^(\d+)(?:\.0+)?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * An Annex A List 8 row as a children-in-care record (inputs.md §4): dates as read, label cells as their
 * statutory codes (UASC and repeat period as yes/no), counts as whole numbers. The as-at date is the
 * workbook's, known once the whole workbook is read.
 * @example annexACicRecord(values, '2022-01-31').placementType //=> 'U4'
 */
export function annexACicRecord(v: AnnexARowValues, asAt: IsoDate): AnnexACic {
  const d = (k: string): IsoDate | null => v.dates[k] ?? null;
  const l = (k: string): string | null => v.labels[k] ?? null;
  const yes = (k: string): boolean | null => (l(k) === 'Y' ? true : l(k) === 'N' ? false : null);
  const startDate = d('start')!;
  return {
    id: `${v.childId}/${startDate}`,
    childId: v.childId,
    asAt,
    startDate,
    uasc: yes('uasc'),
    categoryOfNeed: l('need'),
    repeatPeriod: yes('repeat'),
    legalStatus: l('legal'),
    legalStatusStart: d('legalStart'),
    latestReview: d('review'),
    lastSwVisit: d('swVisit'),
    permanencePlan: v.text('permanence'),
    lastIroVisit: d('iroVisit'),
    lastHealthAssessment: d('health'),
    lastDentalCheck: d('dental'),
    placements12m: countCell(v.text('placements12')),
    ceasedDate: d('ceased'),
    reasonCeased: l('reasonCeased'),
    placementStart: d('placementStart'),
    placementType: l('placementType'),
    placementProvider: l('provider'),
    placementPostcode: v.text('postcode')?.toUpperCase() ?? null,
    placementUrn: v.text('urn')?.toUpperCase() ?? null,
    placementLocation: l('location'),
    placementLa: v.text('placementLa'),
    missingEpisodes: countCell(v.text('missing')),
    absences: countCell(v.text('absent')),
    returnInterviews: countCell(v.text('returnInterviews')),
    team: v.text('team'),
    worker: v.text('worker'),
    unmapped: v.unmapped,
    source: v.source,
  };
}
