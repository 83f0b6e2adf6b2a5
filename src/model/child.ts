import type { IsoDate } from '../calendar/iso-date.js';
import type { SourceRef } from './source.js';

/** Stored sex code: M, F or U (inputs.md §2.2; 903 1/2 and CIN GenderCurrent 1/2/0/9 are mapped). */
export type Sex = 'M' | 'F' | 'U';

/**
 * A child known to the LA, merged across sources by child id (LAchildID = CHILD = child_id).
 * Date of birth: SSDA903 Header first, else CIN PersonBirthDate (indicators.md §1.8).
 */
export interface Child {
  readonly childId: string;
  readonly dob: IsoDate | null;
  readonly sex: Sex | null;
  /** ETHNIC / Ethnicity code (WBRI …). */
  readonly ethnicity: string | null;
  readonly deathDate: IsoDate | null;
  /** Keyed hash of the UPN (raw UPNs are never stored, inputs.md §7). */
  readonly upnHash: string | null;
  /** CIN Disabilities codes. */
  readonly disabilities: readonly string[];
  readonly sources: readonly SourceRef[];
}

/** SSDA903 UASC row: the child was an unaccompanied asylum-seeking child until DUC (blank = still). */
export interface UascStatus {
  readonly id: string;
  readonly childId: string;
  readonly dob: IsoDate | null;
  /** DUC: date UASC status ceased. */
  readonly duc: IsoDate | null;
  readonly source: SourceRef;
}
