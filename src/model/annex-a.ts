import type { IsoDate } from '../calendar/iso-date.js';
import type { SourceRef } from './source.js';

/**
 * An Ofsted Annex A List 8 row (inputs.md §4): one child in care as the workbook shows them at its as-at
 * date. Natural key Child Unique ID + Date Started to be Looked After; the latest workbook wins a key.
 * Label cells hold the statutory code their label maps to (data/annex-a tables), null when blank or
 * unmapped; an unmapped label's text is kept in `unmapped` under the column's name.
 */
export interface AnnexACic {
  readonly id: string;
  readonly childId: string;
  /** The workbook's as-at date (its latest key date): every "latest"/"last 12 months" field is as at it. */
  readonly asAt: IsoDate;
  /** Date Started to be Looked After (start of the current or last period of care). */
  readonly startDate: IsoDate;
  readonly uasc: boolean | null;
  /** Category of need N1–N8. */
  readonly categoryOfNeed: string | null;
  /** Second or subsequent period of care within 12 months. */
  readonly repeatPeriod: boolean | null;
  /** Legal status code (C1, C2, V2, …). */
  readonly legalStatus: string | null;
  readonly legalStatusStart: IsoDate | null;
  readonly latestReview: IsoDate | null;
  readonly lastSwVisit: IsoDate | null;
  /** Permanence plan as written (no statutory code list). */
  readonly permanencePlan: string | null;
  readonly lastIroVisit: IsoDate | null;
  readonly lastHealthAssessment: IsoDate | null;
  readonly lastDentalCheck: IsoDate | null;
  /** Number of placements in the 12 months to the as-at date (the current one included). */
  readonly placements12m: number | null;
  readonly ceasedDate: IsoDate | null;
  /** Reason ceased, as an SSDA903 REC code (E11, E4A, …). */
  readonly reasonCeased: string | null;
  readonly placementStart: IsoDate | null;
  /** Current placement type as an SSDA903 PLACE code. */
  readonly placementType: string | null;
  /** PLACE_PROVIDER code PR0–PR5. */
  readonly placementProvider: string | null;
  readonly placementPostcode: string | null;
  readonly placementUrn: string | null;
  /** IN or OUT (of the LA boundary). */
  readonly placementLocation: string | null;
  readonly placementLa: string | null;
  readonly missingEpisodes: number | null;
  readonly absences: number | null;
  readonly returnInterviews: number | null;
  readonly team: string | null;
  readonly worker: string | null;
  /** Label cells that mapped to no code: column name → text as written. */
  readonly unmapped: Readonly<Record<string, string>>;
  readonly source: SourceRef;
}

/**
 * An Ofsted Annex A List 7 row (inputs.md §4) as the child-protection allocation fallback: one CP plan as
 * the workbook shows it at its as-at date, with its Allocated Team and Allocated Worker. The plan itself
 * also becomes a CIN `CpPlan` record (used only when no CIN census is loaded); this table is kept whatever
 * else is loaded, as List 8 is, because `allocations.csv` is the primary source of the allocation.
 * Natural key Child Unique ID + Plan Start Date; the latest workbook wins a key.
 */
export interface AnnexACp {
  readonly id: string;
  readonly childId: string;
  /** The workbook's as-at date (its latest event date): the allocation cells are as at it. */
  readonly asAt: IsoDate;
  /** Plan Start Date. */
  readonly startDate: IsoDate;
  /** Plan End Date (blank while the plan is open). */
  readonly endDate: IsoDate | null;
  /** Allocated Team and Allocated Worker as written (a name or an id; blank when none). */
  readonly team: string | null;
  readonly worker: string | null;
  readonly source: SourceRef;
}

/**
 * A row of an Annex A list cspi stores but does not use (List 10 Adoption, List 11 Adopters; inputs.md §4):
 * every cell kept as text under its header, so no input row is lost.
 */
export interface AnnexARow {
  readonly id: string;
  /** The list number (10, 11). */
  readonly list: number;
  /** Child Unique ID where the list has one (List 10), else null. */
  readonly childId: string | null;
  readonly asAt: IsoDate | null;
  /** Header text → cell text (dates as `YYYY-MM-DD`), blank cells left out. */
  readonly cells: Readonly<Record<string, string>>;
  readonly source: SourceRef;
}
