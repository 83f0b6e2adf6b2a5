import type { IsoDate } from '../calendar/iso-date.js';
import type { SourceRef } from './source.js';

/** Local `contacts` row (inputs.md §5): a contact to the front door and its screening decision. */
export interface Contact {
  readonly id: string;
  readonly childId: string;
  /** Date of received_at (Europe/London), and the original text. */
  readonly receivedDate: IsoDate;
  readonly receivedAt: string;
  readonly decidedDate: IsoDate | null;
  readonly decidedAt: string | null;
  /** referral / nfa / early-help / other, lower-case; null = blank. */
  readonly outcome: 'referral' | 'nfa' | 'early-help' | 'other' | null;
  readonly referralSource: string | null;
  readonly source: SourceRef;
}

/** A statutory visit from the local `cp_visits` or `cla_visits` tables. */
export interface Visit {
  readonly id: string;
  readonly childId: string;
  readonly visitDate: IsoDate;
  readonly childSeen: boolean;
  readonly seenAlone: boolean | null;
  readonly visitId: string | null;
  readonly source: SourceRef;
}

/** Local `allocations` row: a worker allocated to a child. */
export interface Allocation {
  readonly id: string;
  readonly childId: string;
  readonly workerId: string;
  readonly start: IsoDate;
  /** null = open. */
  readonly end: IsoDate | null;
  readonly role: 'social-worker' | 'other';
  readonly team: string | null;
  readonly source: SourceRef;
}

/** Local `workers` row. */
export interface Worker {
  readonly workerId: string;
  /** Registered with Social Work England. */
  readonly qualifiedSw: boolean;
  readonly sweRegistration: string | null;
  readonly source: SourceRef;
}

/** Local `cla_health` row: IHA, RHA or DENTAL check; a declined check is not a check. */
export interface HealthCheck {
  readonly id: string;
  readonly childId: string;
  readonly checkType: 'IHA' | 'RHA' | 'DENTAL';
  readonly checkDate: IsoDate;
  readonly outcome: 'completed' | 'declined';
  readonly source: SourceRef;
}

/** Care-leaver eligibility categories (Children (Leaving Care) Act 2000). */
export type CareLeaverEligibility = 'relevant' | 'former-relevant' | 'eligible' | 'qualifying';

/** Local `care_leavers` row: a care leaver's status on a date, in OC3 codes. */
export interface CareLeaverStatus {
  readonly id: string;
  readonly childId: string;
  readonly statusDate: IsoDate;
  readonly inTouch: string;
  readonly activity: string;
  readonly accommodation: string;
  /** null = not given; derived from SSDA903 (indicators.md care-leavers-neet). */
  readonly eligibility: CareLeaverEligibility | null;
  readonly source: SourceRef;
}

/** Local `placements_long_term` row: a placement agreed as long-term from a date. */
export interface LongTermPlacement {
  readonly id: string;
  readonly childId: string;
  /** First DECOM of the placement. */
  readonly placementStart: IsoDate;
  readonly longTermFrom: IsoDate;
  readonly source: SourceRef;
}

/** Local `postcodes` row: an ONS Postcode Directory subset. `pcd` is normalised (upper-case, no spaces). */
export interface Postcode {
  readonly pcd: string;
  readonly easting: number | null;
  readonly northing: number | null;
  readonly laua: string | null;
  /** Where the row came from (optional: reference rows built in code have none). */
  readonly source?: SourceRef;
}

/** Local `population` row: ONS mid-year estimate of children aged 0–17. */
export interface Population {
  /** `2021-22`. */
  readonly year: string;
  readonly laCode: string;
  readonly aged0to17: number;
  /** Where the row came from (optional: reference rows built in code have none). */
  readonly source?: SourceRef;
}
