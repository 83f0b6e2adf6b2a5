import type { IsoDate } from '../calendar/iso-date.js';
import type { SourceRef } from './source.js';

/**
 * One CINdetails of the CIN census: one referral (indicators.md §1.3). Natural key LAchildID + CINreferralDate.
 * Contact received/decision times, where an LA records them, come from the local `contacts` table.
 */
export interface Referral {
  readonly id: string;
  readonly childId: string;
  /** CINreferralDate. */
  readonly referralDate: IsoDate;
  /** ReferralSource code (1A … 10), null when blank; `referralSourceRaw` keeps an invalid value. */
  readonly referralSource: string | null;
  readonly referralSourceRaw: string | null;
  readonly primaryNeedCode: string | null;
  readonly closureDate: IsoDate | null;
  readonly reasonForClosure: string | null;
  /** DateOfInitialCPC recorded at CINdetails level (no anchor: `icpcWithoutS47`). */
  readonly dateOfInitialCpc: IsoDate | null;
  readonly referralNfa: boolean | null;
  readonly source: SourceRef;
}

/** A CIN Assessments element (C&F assessment). Key: referral + AssessmentActualStartDate. */
export interface Assessment {
  readonly id: string;
  readonly referralId: string;
  readonly childId: string;
  readonly startDate: IsoDate;
  readonly internalReviewDate: IsoDate | null;
  /** AssessmentAuthorisationDate; null = not authorised (not in the assessments-45wd cohort). */
  readonly authorisationDate: IsoDate | null;
  readonly factors: readonly string[];
  readonly source: SourceRef;
}

/** A CINPlanDates element. */
export interface CinPlan {
  readonly id: string;
  readonly referralId: string;
  readonly childId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly source: SourceRef;
}

/** A Section47 element (S47 enquiry), with its ICPC where one was held. */
export interface Section47 {
  readonly id: string;
  readonly referralId: string;
  readonly childId: string;
  /** S47ActualStartDate. */
  readonly startDate: IsoDate;
  readonly initialCpcTarget: IsoDate | null;
  /** DateOfInitialCPC. */
  readonly dateOfInitialCpc: IsoDate | null;
  readonly icpcNotRequired: boolean;
  readonly source: SourceRef;
}

/** Local `strategy_discussions` row: the strategy meeting that initiated an S47 (icpc-15wd strategy anchor). */
export interface StrategyDiscussion {
  readonly id: string;
  readonly childId: string;
  readonly strategyDate: IsoDate;
  /** The Section47 start it began; null = the next S47 on or after. */
  readonly s47Start: IsoDate | null;
  readonly source: SourceRef;
}

/** A ChildProtectionPlans element. Key: LAchildID + CPPstartDate. */
export interface CpPlan {
  readonly id: string;
  readonly referralId: string;
  readonly childId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly initialCategoryOfAbuse: string | null;
  readonly latestCategoryOfAbuse: string | null;
  readonly numberOfPreviousCpp: number | null;
  /** Every CPPreviewDate, in date order. */
  readonly reviewDates: readonly IsoDate[];
  readonly source: SourceRef;
}
