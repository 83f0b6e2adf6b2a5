import type { IsoDate } from '../calendar/iso-date.js';
import type { Child, UascStatus } from '../model/child.js';
import type { Assessment, CinPlan, CpPlan, Referral, Section47, StrategyDiscussion } from '../model/cin.js';
import type {
  CicReview,
  Episode,
  MissingEpisode,
  Oc2Outcome,
  Oc3Outcome,
  SwEpisode,
} from '../model/episode.js';
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
} from '../model/local.js';
import type { SourceKind } from '../model/source.js';
import type { Ad1Record, DoLoRecord, PlacedAdoptionRecord, PrevPermRecord } from '../model/adoption.js';
import type { AnnexACic, AnnexACp, AnnexARow } from '../model/annex-a.js';
import type { RowCount, ValidationIssue } from '../validate/issue.js';
import type { EpisodeTable } from './episode-table.js';
import type { CinTable } from './cin/cin-table.js';

/** A file read by an import: never the raw content, only what identifies it (inputs.md §7). */
export interface FileInfo {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** `ssda903-csv`, `ssda903-xml`, `cin-xml`, `annex-a`, `local-csv`. */
  readonly format: string;
  /** Tables the file filled, e.g. ['episodes']. */
  readonly tables: readonly string[];
}

/**
 * The records of one submission, by table, as the store reads them back and merges them; a table key is present
 * only when the submission holds that table.
 */
export interface RecordTables {
  children?: Child[];
  uasc?: UascStatus[];
  referrals?: Referral[];
  assessments?: Assessment[];
  cinPlans?: CinPlan[];
  section47s?: Section47[];
  cpPlans?: CpPlan[];
  episodes?: Episode[];
  cicReviews?: CicReview[];
  missingEpisodes?: MissingEpisode[];
  swEpisodes?: SwEpisode[];
  oc2?: Oc2Outcome[];
  oc3?: Oc3Outcome[];
  ad1?: Ad1Record[];
  placedAdoption?: PlacedAdoptionRecord[];
  prevPerm?: PrevPermRecord[];
  dolo?: DoLoRecord[];
  /** Annex A List 8 (children in care). */
  annexACic?: AnnexACic[];
  /** Annex A List 7 (CP plans with their allocated worker). */
  annexACp?: AnnexACp[];
  /** Annex A lists stored, unused (10 Adoption, 11 Adopters). */
  annexARows?: AnnexARow[];
  contacts?: Contact[];
  strategyDiscussions?: StrategyDiscussion[];
  cpVisits?: Visit[];
  claVisits?: Visit[];
  allocations?: Allocation[];
  workers?: Worker[];
  healthChecks?: HealthCheck[];
  careLeavers?: CareLeaverStatus[];
  placementsLongTerm?: LongTermPlacement[];
  postcodes?: Postcode[];
  population?: Population[];
}

/**
 * The records of one submission as read, by table: as {@link RecordTables}, except that SSDA903 episodes are
 * held by column ({@link EpisodeTable}: no object per row while reading, checking and storing), and so are the
 * CIN census's referrals, assessments, CIN plans, Section 47s and CP plans ({@link CinTable}) when a census
 * staged them; another source's (Annex A's) are records.
 */
export type StagedTables = Omit<
  RecordTables,
  'episodes' | 'referrals' | 'assessments' | 'cinPlans' | 'section47s' | 'cpPlans'
> & {
  episodes?: EpisodeTable;
  referrals?: Referral[] | CinTable<Referral>;
  assessments?: Assessment[] | CinTable<Assessment>;
  cinPlans?: CinPlan[] | CinTable<CinPlan>;
  section47s?: Section47[] | CinTable<Section47>;
  cpPlans?: CpPlan[] | CinTable<CpPlan>;
};

/**
 * A submission (inputs.md §1.1): one LA's data for one source and collection year (local and Annex A files
 * also by as-at date). Re-importing the same source and year replaces the submission whole.
 */
export interface StagedSubmission {
  readonly source: SourceKind;
  /** Collection year `2021-22`; null for undated local reference tables (workers, postcodes, population, placements_long_term). */
  readonly collectionYear: string | null;
  /** Latest event date (CIN: Source/DateTime if present). */
  readonly asAt: IsoDate | null;
  /** Date range a local event file covers (a newer file replaces earlier rows whose key date lies in it). */
  readonly dateRange: { readonly start: IsoDate; readonly end: IsoDate } | null;
  readonly files: readonly FileInfo[];
  readonly tables: StagedTables;
}

/** What reading and validating a set of input paths produced, before anything is stored. */
export interface IngestResult {
  /** LA code found in the files (CIN LEA) or given with --la; null if none could be determined. */
  readonly la: string | null;
  /** The files read (a file refused before or while reading is in `unreadFiles` instead). */
  readonly files: readonly FileInfo[];
  /** Names of the files given that were refused before or while reading (their issues say why). */
  readonly unreadFiles?: readonly string[];
  readonly submissions: readonly StagedSubmission[];
  readonly issues: readonly ValidationIssue[];
  readonly counts: readonly RowCount[];
  /** True when any structural (`S-`) issue refuses the whole import. */
  readonly refused: boolean;
}
