import type { IsoDate } from '../calendar/iso-date.js';
import type { SourceRef } from './source.js';

/**
 * An SSDA903 Episodes row (inputs.md §2.1): a period of time with one legal status and one placement.
 * Natural key CHILD + DECOM. Codes are stored upper-case; blank = null.
 */
export interface Episode {
  readonly id: string;
  readonly childId: string;
  /** DECOM: date episode commenced. */
  readonly decom: IsoDate;
  /** RNE: reason for new episode (S, L, P, T, B, U). */
  readonly rne: string | null;
  /** LS: legal status (C1, C2, …, V3, V4 short breaks). */
  readonly ls: string | null;
  /** CIN: category of need N1–N8. */
  readonly cin: string | null;
  /** PLACE: placement type (U1–U6, K2, T0–T4 temporary, A3–A6 adoption, …). */
  readonly place: string | null;
  readonly placeProvider: string | null;
  /** DEC: date episode ceased; null while open. */
  readonly dec: IsoDate | null;
  /** REC: reason episode ceased (X1 continues the period of care; E… leaves care). */
  readonly rec: string | null;
  readonly reasonPlaceChange: string | null;
  readonly homePost: string | null;
  readonly plPost: string | null;
  /** URN; `XXXXXXX` is the SSDA903 placeholder for none. */
  readonly urn: string | null;
  /** Supplied PL_DISTANCE in miles (0.0–999.9), overriding postcodes; null when not supplied. */
  readonly plDistance: number | null;
  readonly source: SourceRef;
}

/** SSDA903 Reviews row: a CiC (looked-after) review held on REVIEW. Key CHILD + REVIEW. */
export interface CicReview {
  readonly id: string;
  readonly childId: string;
  readonly reviewDate: IsoDate;
  readonly reviewCode: string | null;
  readonly source: SourceRef;
}

/** SSDA903 Missing row. MISSING = M (missing) or A (away without authorisation). Key CHILD + MIS_START + MISSING. */
export interface MissingEpisode {
  readonly id: string;
  readonly childId: string;
  readonly missing: 'M' | 'A';
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly source: SourceRef;
}

/** SSDA903 SWEpisodes row (2023-24 on): the child's social worker (SW_ID `SW…` = registered). */
export interface SwEpisode {
  readonly id: string;
  readonly childId: string;
  readonly swId: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly reason: string | null;
  readonly source: SourceRef;
}

/** SSDA903 OC2 row (children looked after 12 months at 31 March): annual health outcomes. */
export interface Oc2Outcome {
  readonly id: string;
  readonly childId: string;
  /** Collection year `2021-22`. */
  readonly year: string;
  readonly healthCheck: boolean | null;
  readonly teethCheck: boolean | null;
  readonly immunisations: boolean | null;
  readonly healthAssessment: boolean | null;
  readonly sdqScore: number | null;
  readonly convicted: boolean | null;
  readonly substanceMisuse: boolean | null;
  readonly source: SourceRef;
}

/** SSDA903 OC3 row (care leavers at their 17th–21st birthday): IN_TOUCH, ACTIV, ACCOM. */
export interface Oc3Outcome {
  readonly id: string;
  readonly childId: string;
  readonly year: string;
  readonly dob: IsoDate | null;
  readonly inTouch: string | null;
  readonly activ: string | null;
  readonly accom: string | null;
  readonly source: SourceRef;
}
