import type { IsoDate } from '../calendar/iso-date.js';
import type { SourceRef } from './source.js';

/**
 * SSDA903 AD1 row (inputs.md §2.1, "stored"): a looked-after child's adoption decision and match.
 * Natural key CHILD + collection year. Codes are stored upper-case; blank = null.
 */
export interface Ad1Record {
  readonly id: string;
  readonly childId: string;
  /** Collection year `2021-22` of the submission. */
  readonly year: string;
  readonly dob: IsoDate | null;
  /** DATE_INT: date of the decision that the child should be placed for adoption. */
  readonly dateInt: IsoDate | null;
  /** DATE_MATCH: date the child was matched with prospective adopters. */
  readonly dateMatch: IsoDate | null;
  /** FOSTER_CARE: adopted by their foster carer (0/1 as given). */
  readonly fosterCare: string | null;
  /** NB_ADOPTR: number of adopters (1/2). */
  readonly nbAdoptr: string | null;
  /** SEX_ADOPTR: sex of the adopters (M1, F1, MM, FF, MF). */
  readonly sexAdoptr: string | null;
  /** LS_ADOPTR: legal status of the adopters (L0, L11, L12, L2, L3, L4; DfE rule 177). */
  readonly lsAdoptr: string | null;
  readonly source: SourceRef;
}

/** SSDA903 PlacedAdoption row (stored): a placement for adoption. Natural key CHILD + DATE_PLACED. */
export interface PlacedAdoptionRecord {
  readonly id: string;
  readonly childId: string;
  readonly dob: IsoDate | null;
  readonly datePlaced: IsoDate;
  /** DATE_PLACED_CEASED: null while the child is still placed. */
  readonly datePlacedCeased: IsoDate | null;
  /** REASON_PLACED_CEASED: RD1–RD4. */
  readonly reasonPlacedCeased: string | null;
  readonly source: SourceRef;
}

/** SSDA903 PrevPerm row (stored): permanence before this period of care. Natural key CHILD + collection year. */
export interface PrevPermRecord {
  readonly id: string;
  readonly childId: string;
  readonly year: string;
  readonly dob: IsoDate | null;
  /** PREV_PERM: P1–P4 or Z1. */
  readonly prevPerm: string | null;
  /** LA_PERM: the LA that granted it (code as given). */
  readonly laPerm: string | null;
  /** DATE_PERM: null when blank or not a full date (a warning at import). */
  readonly datePerm: IsoDate | null;
  readonly source: SourceRef;
}

/** SSDA903 DoLo row (2026-27 on, stored): a deprivation of liberty order. Natural key CHILD + DOLO_START. */
export interface DoLoRecord {
  readonly id: string;
  readonly childId: string;
  readonly dob: IsoDate | null;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly source: SourceRef;
}
