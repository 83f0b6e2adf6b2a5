import type { IsoDate } from '../calendar/iso-date.js';
import type { Child, UascStatus } from './child.js';
import type { Assessment, CinPlan, CpPlan, Referral, Section47, StrategyDiscussion } from './cin.js';
import type { CicReview, Episode, MissingEpisode, Oc2Outcome, Oc3Outcome, SwEpisode } from './episode.js';
import type {
  Allocation,
  CareLeaverStatus,
  Contact,
  HealthCheck,
  LongTermPlacement,
  Population,
  Postcode,
  Visit,
  Worker,
} from './local.js';
import type { TableName } from './source.js';
import type { Ad1Record, DoLoRecord, PlacedAdoptionRecord, PrevPermRecord } from './adoption.js';
import type { AnnexACic, AnnexACp, AnnexARow } from './annex-a.js';

/**
 * As-at dates of a dataset's sources (indicators.md §1.8): CIN `Source/DateTime` or its latest event;
 * the latest event of the SSDA903 set; each local event file's latest date. Reference files have none.
 */
export interface AsAtDates {
  readonly cin: IsoDate | null;
  readonly ssda903: IsoDate | null;
  readonly local: Readonly<Partial<Record<TableName, IsoDate>>>;
}

/**
 * One LA's merged, stitched case records: what every indicator is computed from. Arrays hold each
 * table's current records (superseded ones already removed). A table absent from the dataset is not in
 * `tables`, so an indicator needing it is "not available", never 0.
 */
export interface LaDataset {
  /** DfE three-digit LA code, e.g. `841`. */
  readonly la: string;
  readonly tables: ReadonlySet<TableName>;
  readonly asAt: AsAtDates;
  /** Earliest date covered by the loaded CIN and SSDA903 history (start of the earliest collection year). */
  readonly historyStart: { readonly cin: IsoDate | null; readonly ssda903: IsoDate | null };
  readonly children: readonly Child[];
  readonly uasc: readonly UascStatus[];
  // CIN census
  readonly referrals: readonly Referral[];
  readonly assessments: readonly Assessment[];
  readonly cinPlans: readonly CinPlan[];
  readonly section47s: readonly Section47[];
  readonly cpPlans: readonly CpPlan[];
  // SSDA903
  readonly episodes: readonly Episode[];
  readonly cicReviews: readonly CicReview[];
  readonly missingEpisodes: readonly MissingEpisode[];
  readonly swEpisodes: readonly SwEpisode[];
  readonly oc2: readonly Oc2Outcome[];
  readonly oc3: readonly Oc3Outcome[];
  /** Stored SSDA903 tables no indicator reads (inputs.md §2.1). */
  readonly ad1: readonly Ad1Record[];
  readonly placedAdoption: readonly PlacedAdoptionRecord[];
  readonly prevPerm: readonly PrevPermRecord[];
  readonly dolo: readonly DoLoRecord[];
  // Ofsted Annex A
  /** List 8 rows (latest workbook wins a child + start date): the children-in-care fallback. */
  readonly annexACic: readonly AnnexACic[];
  /** List 7 rows (latest workbook wins a child + plan start): the CP allocation fallback. */
  readonly annexACp: readonly AnnexACp[];
  /** Lists 10 and 11 (stored, unused), from the latest workbook holding them. */
  readonly annexARows: readonly AnnexARow[];
  /** Tables Ofsted Annex A supplies because no primary source is loaded (the report says so). */
  readonly annexASupplied: ReadonlySet<TableName>;
  // local extract
  readonly contacts: readonly Contact[];
  readonly strategyDiscussions: readonly StrategyDiscussion[];
  readonly cpVisits: readonly Visit[];
  readonly claVisits: readonly Visit[];
  readonly allocations: readonly Allocation[];
  readonly workers: readonly Worker[];
  readonly healthChecks: readonly HealthCheck[];
  readonly careLeavers: readonly CareLeaverStatus[];
  readonly placementsLongTerm: readonly LongTermPlacement[];
  readonly postcodes: readonly Postcode[];
  readonly population: readonly Population[];
}

/** An empty dataset for an LA, for tests and fixtures to spread over. */
export function emptyDataset(la: string): LaDataset {
  return {
    la,
    tables: new Set(),
    asAt: { cin: null, ssda903: null, local: {} },
    historyStart: { cin: null, ssda903: null },
    children: [],
    uasc: [],
    referrals: [],
    assessments: [],
    cinPlans: [],
    section47s: [],
    cpPlans: [],
    episodes: [],
    cicReviews: [],
    missingEpisodes: [],
    swEpisodes: [],
    oc2: [],
    oc3: [],
    ad1: [],
    placedAdoption: [],
    prevPerm: [],
    dolo: [],
    annexACic: [],
    annexACp: [],
    annexARows: [],
    annexASupplied: new Set(),
    contacts: [],
    strategyDiscussions: [],
    cpVisits: [],
    claVisits: [],
    allocations: [],
    workers: [],
    healthChecks: [],
    careLeavers: [],
    placementsLongTerm: [],
    postcodes: [],
    population: [],
  };
}
