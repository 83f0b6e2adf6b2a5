import type { Day } from './day-calendar.js';

/**
 * The simulated truth for one LA: children and everything that happened to them, dated in day numbers.
 * Writers cut it per collection year and format it as each source would be exported. Dates that lie
 * after the extract date are possible here; writers never show them.
 */
export interface SimLa {
  readonly children: SimChild[];
  readonly workers: SimWorker[];
  /** Every postcode used (home and placement), with grid reference and laua. */
  readonly postcodes: Map<string, SimPostcode>;
}

export interface SimPostcode {
  readonly pcd: string;
  readonly easting: number | null;
  readonly northing: number | null;
  readonly laua: string;
  /** False for the few placement postcodes deliberately left out of postcodes.csv (distance unknown). */
  readonly listed: boolean;
}

export interface SimWorker {
  readonly id: string;
  readonly qualified: boolean;
  readonly swe: string | null;
  readonly team: string;
}

/** The event lists of a child: each starts as {@link NO_EVENTS} and gets its own array on the first event. */
export type EventList =
  | 'contacts'
  | 'referrals'
  | 'strategies'
  | 'cpVisits'
  | 'periods'
  | 'shortBreaks'
  | 'claVisits'
  | 'health'
  | 'reviews'
  | 'missing'
  | 'leaver'
  | 'allocations';

/**
 * The one empty list every new child's event lists share (frozen, so a stray push fails loudly): most
 * children (contacts only) never have most kinds of event, and fourteen empty arrays each cost time
 * and memory at national scale. Add events with {@link addEvent}.
 */
export const NO_EVENTS: never[] = Object.freeze([]) as unknown as never[];

/**
 * Appends an event to one of a child's lists (giving the child its own array on the first).
 * @example addEvent(child, 'reviews', { date, code: 'PN1' })
 */
export function addEvent<K extends EventList>(child: SimChild, list: K, item: SimChild[K][number]): void {
  const l = child[list] as SimChild[K][number][];
  if (l === NO_EVENTS) child[list] = [item] as SimChild[K];
  else l.push(item);
}

export interface SimChild {
  readonly id: string;
  readonly upn: string | null;
  readonly dob: Day;
  readonly sex: 'M' | 'F';
  readonly ethnicity: string;
  readonly disabilities: string[];
  death: Day | null;
  /** Home postcode (HOME_POST), given when the child is first looked after; '' until then. */
  homePost: string;
  /** Unaccompanied asylum-seeking child: DUC (18th birthday). */
  uasc: { duc: Day } | null;
  /** Girls who became mothers while looked after: their baby's date of birth. */
  motherOf: Day | null;
  contacts: SimContact[];
  referrals: SimReferral[];
  strategies: SimStrategy[];
  cpVisits: SimVisit[];
  periods: SimPeriod[];
  /** Short-break (LS V3/V4) episodes, outside any period of care. */
  shortBreaks: SimEpisode[];
  claVisits: SimVisit[];
  health: SimHealthCheck[];
  reviews: SimReview[];
  missing: SimMissing[];
  leaver: SimLeaverStatus[];
  allocations: SimAllocation[];
}

export interface SimContact {
  /** Serial number (contact_id `CT` + 7 digits). */
  readonly id: number;
  /** Minutes since the epoch day 0 00:00 local time. */
  readonly received: number;
  readonly decided: number;
  readonly outcome: 'referral' | 'nfa' | 'early-help' | 'other';
  readonly source: string;
}

export interface SimReferral {
  readonly date: Day;
  readonly source: string;
  readonly need: string;
  readonly nfa: boolean;
  closure: Day | null;
  reason: string | null;
  /** ICPC held without a Section47 of this LA (e.g. transfer-in): DateOfInitialCPC at CINdetails level. */
  icpcOnDetails: Day | null;
  readonly assessments: SimAssessment[];
  readonly cinPlans: { start: Day; end: Day | null }[];
  readonly s47s: SimS47[];
  readonly cpPlans: SimCpPlan[];
}

export interface SimAssessment {
  readonly start: Day;
  readonly auth: Day;
  readonly factors: string[];
}

export interface SimS47 {
  readonly start: Day;
  /** InitialCPCtarget: 15 working days after the start. */
  readonly target: Day;
  /** The S47's conclusion (ICPC date or the day it closed without one). */
  readonly end: Day;
  readonly icpc: Day | null;
  readonly notRequired: boolean;
}

export interface SimCpPlan {
  readonly start: Day;
  end: Day | null;
  readonly initialCategory: string;
  readonly latestCategory: string;
  readonly previousPlans: number;
  readonly reviews: Day[];
}

export interface SimStrategy {
  readonly date: Day;
  /** The S47 it began, or null when the file leaves it blank. */
  readonly s47Start: Day | null;
}

export interface SimVisit {
  readonly date: Day;
  /** Minutes after midnight. */
  readonly minute: number;
  readonly seen: boolean;
  readonly seenAlone: boolean | null;
  /** Serial number (visit_id `V` + 8 digits). */
  readonly id: number;
}

export interface SimEpisode {
  readonly decom: Day;
  readonly rne: string;
  readonly ls: string;
  readonly cin: string;
  readonly place: string;
  readonly provider: string;
  dec: Day | null;
  rec: string | null;
  reasonChange: string | null;
  readonly plPost: string;
  readonly urn: string;
  /** Which placement (indicators.md §1.4) the episode belongs to; -1 for short breaks. */
  readonly placementKey: number;
}

/** A period of care (episodes joined by X1) with the extra facts the 903 tables need. */
export interface SimPeriod {
  readonly start: Day;
  end: Day | null;
  readonly episodes: SimEpisode[];
  /** Placements agreed as long-term: first DECOM and long_term_from. */
  readonly longTerm: { placementStart: Day; from: Day }[];
  /** PrevPerm answer for this period. */
  readonly prevPerm: { code: string; la: string | null; date: Day | null };
  /** Adoption facts (decision, match, placed) when the child was on an adoption track. */
  adoption: SimAdoption | null;
}

export interface SimAdoption {
  readonly decision: Day;
  readonly match: Day | null;
  readonly placedCeased: Day | null;
  readonly placedCeasedReason: string | null;
  readonly fosterCare: boolean;
  readonly adopters: { nb: number; sex: string; ls: string };
}

export interface SimHealthCheck {
  readonly type: 'IHA' | 'RHA' | 'DENTAL';
  readonly date: Day;
  readonly completed: boolean;
}

export interface SimReview {
  readonly date: Day;
  readonly code: string;
}

export interface SimMissing {
  readonly kind: 'M' | 'A';
  readonly start: Day;
  readonly end: Day | null;
}

export interface SimLeaverStatus {
  readonly date: Day;
  readonly inTouch: string;
  readonly activity: string;
  readonly accommodation: string;
  readonly eligibility: string;
}

export interface SimAllocation {
  readonly workerId: string;
  readonly start: Day;
  readonly end: Day | null;
  readonly role: 'social-worker' | 'other';
  readonly team: string;
}
