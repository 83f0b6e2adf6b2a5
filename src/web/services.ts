import type { IsoDate } from '../calendar/iso-date.js';
import type { HeadlineFigure } from '../indicators/engine/compute-report.js';
import type { FileInfo } from '../ingest/staged.js';
import type {
  Benchmark,
  DefinitionText,
  IndicatorReport,
  IndicatorSettings,
  Member,
  Polarity,
  ServiceArea,
  Unit,
} from '../indicators/types.js';
import type { Basis } from '../calendar/period.js';
import type { TableName } from '../model/source.js';
import type { TargetSet } from '../indicators/targets.js';
import type { FrozenMembers } from '../report/edition/frozen-members.js';
import type { DatasetIdentifiers } from '../report/public/dataset-identifiers.js';
import type { MembersQuestionsFigures } from '../report/model/members-questions-figures.js';
import type { RowCount, ValidationIssue } from '../validate/issue.js';

/**
 * What the dashboard needs from the rest of cspi: the store (datasets, imports) and the indicator engine
 * (figures and child-level members). Reports are drafted, published and rendered by the report module
 * itself (`reports/`), on the `editions` table. The web layer only
 * talks to this interface, so pages are tested against the in-memory fake (`testing/fake-services.ts`)
 * and served from the real one (`real-services.ts`).
 */
export interface WebServices {
  /** LAs with at least one dataset version. */
  las(): Promise<readonly LaInfo[]>;
  /** Quarters that can be reported for an LA, newest first. */
  periods(la: string): Promise<readonly string[]>;
  /** The indicator catalogue, in scorecard order. */
  catalogue(): readonly IndicatorInfo[];
  /**
   * Every indicator for an LA and period on the current dataset version, computed by the engine with the
   * LA's targets for the period's financial year (`storedTargets`; null = the catalogue's); null = no data.
   */
  scorecard(la: string, period: string, targets: TargetSet | null): Promise<IndicatorReport | null>;
  /**
   * Each indicator's headline figure for an LA and period on the current dataset version (the scorecard's
   * value, numerator and denominator, without its comparisons, targets, breakdowns or members), with the
   * settings computed under; null = no data. What the reports page compares each edition with (restated
   * since). Absent in the test fake, whose scorecard's figures are used.
   */
  headlineFigures?(la: string, period: string): Promise<HeadlineFigures | null>;
  /** The child-level rows behind one figure; null when the indicator or data is unknown. */
  members(la: string, period: string, indicatorId: string): Promise<MemberList | null>;
  /** The id of an LA's current dataset version (cheap: called on every scorecard request, for the cache key). */
  currentDatasetId(la: string): Promise<string | null>;
  /** Dataset versions of an LA, newest first. */
  datasets(la: string): Promise<readonly DatasetVersion[]>;
  /** The validation report of one dataset version; null when unknown. */
  validationIssues(la: string, datasetId: string): Promise<readonly ValidationIssue[] | null>;
  /** Imports uploaded files through the same path as `cspi import`. */
  importFiles(la: string, files: readonly UploadedFile[], by: string): Promise<ImportOutcome>;
  /**
   * What a report needs from the engine beyond the headline figures, as `cspi report` computes it:
   * Appendix B's figures and the children in each numerator and denominator (frozen by publication, never
   * rendered). Absent or null where the engine's input is not at hand (the test fake).
   */
  reportExtras?(la: string, period: string): Promise<ReportExtras | null>;
  /**
   * The LA's indicator settings, as its figures are computed under (the report's `settings`): pages that
   * name an indicator outside a computed report (targets, data) title it under them (`titleTextUnder`).
   */
  settings(la: string): Promise<IndicatorSettings>;
}

/** Each indicator's headline figure for a period, and the settings they were computed under. */
export interface HeadlineFigures {
  readonly indicators: readonly HeadlineFigure[];
  readonly settings: IndicatorSettings;
}

/** Appendix B's figures and the frozen members of a period's report. */
export interface ReportExtras {
  readonly membersQuestions: MembersQuestionsFigures;
  readonly members: FrozenMembers;
  /** The child-level identifiers of the dataset, which a public output must not print (report.md §6). */
  readonly identifiers?: DatasetIdentifiers;
}

export interface LaInfo {
  readonly code: string;
  readonly name: string;
}

/** Catalogue metadata the pages show (a subset of `IndicatorDefinition`, without compute). */
export interface IndicatorInfo {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly polarity: Polarity;
  readonly serviceArea: ServiceArea;
  readonly basis: Basis;
  readonly frequency: 'quarterly' | 'annual';
  readonly specSection: string;
  readonly definitionVersion: string;
  readonly definition: DefinitionText;
  /**
   * Its definition text under the LA's settings (`IndicatorDefinition.definitionUnder`: CP visits every 15
   * working days say 15); the indicator page and the API read it with the report's settings
   * (`definitionTextUnder`). Absent: `definition` holds under every setting.
   */
  readonly definitionUnder?: (settings: IndicatorSettings) => DefinitionText;
  /**
   * Its title under the LA's settings (`IndicatorDefinition.titleUnder`: CP visits every 15 working days say
   * 15), read with `titleTextUnder`. Absent: `title` holds under every setting.
   */
  readonly titleUnder?: (settings: IndicatorSettings) => string;
  readonly target: { readonly value: number; readonly kind: 'national' | 'local' } | null;
  readonly england: Benchmark | null;
  readonly directionComparator: 'previous' | 'last-year';
  /** Tables it reads (its default sources): the data page tells which figures an issue affects. */
  readonly sources: readonly TableName[];
}

/** The children behind a figure, with what is known about each child for identifiable lists. */
export interface MemberList {
  readonly la: string;
  readonly period: string;
  readonly indicatorId: string;
  /** The indicator's title under the LA's settings (`titleUnder`: CP visits every 15 working days say so). */
  readonly title: string;
  readonly datasetId: string;
  readonly members: readonly Member[];
  /** Date of birth and sex by child id (identifiable lists only show these). */
  readonly children: ReadonlyMap<string, { readonly dob: IsoDate | null; readonly sex: string | null }>;
}

/** One dataset version (an atomic import), as the data page lists it. */
export interface DatasetVersion {
  readonly id: string;
  readonly la: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly asAt: IsoDate | null;
  readonly current: boolean;
  readonly files: readonly FileInfo[];
  readonly counts: readonly RowCount[];
  readonly issueCounts: { readonly error: number; readonly warning: number; readonly query: number };
}

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What an upload produced: a new dataset version, or a refusal, with the validation report either way. */
export interface ImportOutcome {
  readonly refused: boolean;
  readonly datasetId: string | null;
  readonly issues: readonly ValidationIssue[];
  readonly counts: readonly RowCount[];
  /** Files skipped as identical to ones already loaded (their row errors are about the stored copy). */
  readonly skippedFiles?: readonly string[];
}
