import type { IsoDate } from '../../calendar/iso-date.js';
import type { CareLeaverEligibility, CareLeaverStatus } from '../../model/local.js';
import type { AnnexARowValues } from './map-annex-a-cic.js';

const ELIGIBILITY = new Set<string>(['relevant', 'former-relevant', 'eligible', 'qualifying']);

/**
 * The OC3 ACCOM code from Annex A's Type and Suitability of Accommodation: a type letter joined with
 * suitability 1 or 2 (`B` + `1` = `B1`); a combined code (`B1`, `0`) as it is; `0` (no information) when
 * either part is unknown.
 * @example accommodationCode('U', '2') //=> 'U2'
 * @example accommodationCode('U', null) //=> '0'
 */
export function accommodationCode(type: string | null, suitability: string | null): string {
  if (type === null) return '0';
  if (type.length === 2 || type === '0') return type;
  return suitability === '1' || suitability === '2' ? `${type}${suitability}` : '0';
}

/**
 * An Annex A List 9 row as a care-leaver status (the `care_leavers` record, inputs.md §4–5), so the
 * care-leaver indicators read it when no local care_leavers.csv is loaded: status date = Latest Date of
 * Contact, else the workbook's as-at date; LA in Touch, Activity Status and accommodation as OC3 codes
 * (blank or unmapped = '' for in touch, `0` not known for activity and accommodation); eligibility from the
 * Eligibility Category (null when blank or unmapped, so it is derived from SSDA903 where loaded). The key is
 * the child: the latest workbook's status wins.
 * @example annexACareLeaver(values, '2022-01-31').accommodation //=> 'B1'
 */
export function annexACareLeaver(v: AnnexARowValues, asAt: IsoDate | null): CareLeaverStatus | null {
  const statusDate = v.dates['contact'] ?? asAt;
  if (statusDate === null) return null;
  const l = (k: string): string | null => v.labels[k] ?? null;
  const eligibility = l('eligibility')?.toLowerCase() ?? null;
  return {
    id: v.childId,
    childId: v.childId,
    statusDate,
    inTouch: l('inTouch') ?? '',
    activity: l('activity') ?? '0',
    accommodation: accommodationCode(l('accommodation'), l('suitability')),
    eligibility:
      eligibility !== null && ELIGIBILITY.has(eligibility) ? (eligibility as CareLeaverEligibility) : null,
    source: v.source,
  };
}
