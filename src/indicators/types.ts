import type { IsoDate } from '../calendar/iso-date.js';
import type { Basis, Period } from '../calendar/period.js';
import type { WorkingDayCount } from '../calendar/working-days.js';
import type { CareHistory } from '../model/care-history.js';
import type { Child } from '../model/child.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { TableName } from '../model/source.js';
import type { RatingBounds } from './targets.js';

/** "percent" for proportions, "count" for counts (indicators.md §1.7). */
export type Unit = 'percent' | 'count';
/** Which way is good: higher, lower, or none (counts without judgement). */
export type Polarity = 'higher' | 'lower' | 'none';
/** Scorecard groups (report.md §3). */
export type ServiceArea =
  'front-door' | 'assessment' | 'child-protection' | 'children-in-care' | 'care-leavers';
/** Outcome of computing one indicator for one period. */
export type IndicatorStatus = 'ok' | 'not-available' | 'annual-only' | 'no-eligible-cases';
export type Rag = 'green' | 'amber' | 'red';
export type Direction = 'improved' | 'worsened' | 'no-significant-change' | 'no-change' | 'up' | 'down';

/** A flag or count attached to a figure, e.g. `invalidDates` (3), `provisional`, `historyIncomplete`. */
export interface Note {
  readonly code: string;
  readonly count?: number;
  readonly detail?: string;
}

/**
 * One child-level row behind a figure: a member of the denominator (and maybe the numerator).
 * For occurrence measures (referrals, dues) one row per occurrence, so the child id may repeat.
 */
export interface Member {
  readonly childId: string;
  /** Ids of the records that decided it (referral, plan, episode, visit, …). */
  readonly recordIds: readonly string[];
  /** The dates that decided it, by name (e.g. `{ s47Start, icpcDate }`). */
  readonly dates: Readonly<Record<string, IsoDate | null>>;
  readonly inNumerator: boolean;
  /** Short reason, e.g. "ICPC 16 working days after S47 start". */
  readonly reason: string;
}

/** A breakdown of the figure (referral source, timeliness band, age band, sex, …). */
export interface BreakdownRow {
  readonly key: string;
  readonly label: string;
  readonly numerator: number;
  readonly denominator: number | null;
  /** Rounded display value (one decimal for percentages), null when the denominator is 0. */
  readonly value: number | null;
}

/** What an indicator's pure compute function returns for one period. */
export interface Computation {
  readonly status: 'ok' | 'not-available' | 'annual-only';
  /** Count for count indicators; numerator for percentages. */
  readonly numerator: number;
  /** null for counts without a denominator (cic-count). */
  readonly denominator: number | null;
  readonly members: readonly Member[];
  readonly notes: readonly Note[];
  readonly breakdowns?: Readonly<Record<string, readonly BreakdownRow[]>>;
  /** Further named figures (e.g. cic-missing `episodes`, `away`; cic-count `rate`, `countYearAgo`). */
  readonly extra?: Readonly<Record<string, number | null>>;
  /** For not-available: the tables or files that are missing. */
  readonly missing?: readonly string[];
}

/** Settings of indicators.md (`excludeUasc`, `workingDays.count`, `<id>.basis`, variants), per LA. */
export interface IndicatorSettings {
  readonly workingDays: WorkingDayCount;
  readonly excludeUasc: boolean;
  /** Headline basis per indicator id, overriding the catalogue default. */
  readonly basis: Readonly<Record<string, Basis>>;
  /** Variant settings by their spec names, e.g. `{ 'cpVisits.interval': 15, 'icpc.anchor': 'strategy' }`. */
  readonly variants: Readonly<Record<string, string | number | boolean>>;
}

/** Shared, precomputed views of a dataset (built once per dataset, reused by every indicator and period). */
export interface IndicatorInput {
  readonly data: LaDataset;
  readonly childrenById: ReadonlyMap<string, Child>;
  /** Care histories (periods of care, placements) of children with episodes, short breaks removed. */
  readonly careHistories: ReadonlyMap<string, CareHistory>;
}

/** Everything a compute function may read besides the data: the period, its windows, the settings. */
export interface ComputeContext {
  readonly period: Period;
  /** The basis being computed (headline or a comparison basis). */
  readonly basis: Basis;
  readonly settings: IndicatorSettings;
  /**
   * false = the caller needs only the figures (comparison and trend periods): a compute may then return
   * `members: []` and leave out the breakdowns it draws from its members (age band, sex, ethnicity,
   * team); status, numerator, denominator, notes, extra figures and the other breakdowns are the same
   * (Appendix B reads referrals-by-source, referrals-decided-1wd and cic-missing breakdowns so). Default true.
   */
  readonly members?: boolean;
  /**
   * false = the caller needs only the headline figures (`headlineFigures`, the hub's figures-only results,
   * comparison and trend periods, comparator means): a compute may leave out every breakdown, and the
   * engine drops any it returns; status, numerator, denominator, notes and extra figures are the same, and
   * so is the member list when `members` is not false. Default true.
   */
  readonly breakdowns?: boolean;
}

/** England benchmark shipped with the catalogue (report.md §3). */
export interface Benchmark {
  readonly value: number;
  readonly text: string;
  readonly year: string;
  readonly publisher: string;
  /** false = not like-for-like (shown with †, not used in narrative). */
  readonly likeForLike: boolean;
  /**
   * The England figure's own unit where it is not the indicator's headline unit: cic-missing's England
   * figure is 11% of children looked after (indicators.md §2 cic-missing), beside a count of children, so
   * a view that formats `value` must say "11%", never "11" (11 children). Absent: the indicator's unit.
   */
  readonly unit?: Unit;
}

/** Narrative phrases (report.md §5). */
export interface NarrativePhrases {
  /** e.g. "of the children referred {when} had been re-referred to Children's Social Care within 12 months of a previous referral". */
  readonly subject: string;
  readonly lead?: string;
  readonly zeroPhrase?: string;
  readonly narrativeGroup?: string;
  /**
   * The noun the narrative gives a local target where the committee's own words differ from the default
   * "internal target" (report.md §5: the catalogue supplies the target noun), e.g. plain "target" for CiC
   * visits ("in line with the target of 90 per cent", as the minutes say). A national target is always "target".
   */
  readonly targetNoun?: string;
}

/** Definition text, used for the report's definitions appendix and the dashboard. */
export interface DefinitionText {
  readonly summary: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly exclusions: string;
  readonly why: string;
  readonly comparability: string;
}

/**
 * How an indicator is computed from Ofsted Annex A when its primary source is absent (inputs.md §4: the
 * fallback, and the report says so). The engine uses it only when a table of `sources` of the indicator
 * is missing and every table of the fallback's `sources` is present.
 */
export interface AnnexAFallback {
  /** The Annex A tables it reads (e.g. `annex-a-cic`). */
  readonly sources: readonly TableName[];
  /** Pure, like the indicator's own compute; it adds the `annexA` note naming the list and its date. */
  compute(input: IndicatorInput, ctx: ComputeContext): Computation;
}

/** One catalogue entry: metadata plus a pure compute function (one file per indicator). */
export interface IndicatorDefinition {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly polarity: Polarity;
  readonly serviceArea: ServiceArea;
  /** Default headline basis. */
  readonly basis: Basis;
  /** Bases it can be computed on. */
  readonly bases: readonly Basis[];
  readonly frequency: 'quarterly' | 'annual';
  readonly specSection: string;
  readonly definitionVersion: string;
  readonly definition: DefinitionText;
  /** Tables it needs: without them it is "not available". */
  readonly sources: readonly TableName[];
  /**
   * Tables it needs under these settings, when a variant reads other tables than `sources` (e.g. the
   * care leavers' OC3 cohort reads OC3, not care_leavers.csv); the engine uses them in place of `sources`.
   */
  readonly sourcesUnder?: (settings: IndicatorSettings) => readonly TableName[];
  /**
   * Its title under these settings, when a variant changes a figure the title states (CP visits every 15
   * working days are not "within 10 working days"); results, the scorecard and the indicator page show it.
   */
  readonly titleUnder?: (settings: IndicatorSettings) => string;
  /**
   * Its definition text under these settings, when a variant changes what the text states (CP visits every
   * 15 working days are not due "10 working days after" the last); the report's Appendix C, the indicator
   * page and the API show it (`definitionTextUnder`). Under the default settings it gives `definition`.
   */
  readonly definitionUnder?: (settings: IndicatorSettings) => DefinitionText;
  /**
   * Default target (percent points or count) and whether it is national or local; null = no target.
   * Every shipped target is `local` (the committee's targets or project defaults, indicators.md §1.7:
   * England sets none for these indicators); an LA's own targets file sets the kind of its own targets.
   */
  readonly target: { readonly value: number; readonly kind: 'national' | 'local' } | null;
  readonly england: Benchmark | null;
  /** Direction-of-travel comparator (report.md §4). */
  readonly directionComparator: 'previous' | 'last-year';
  readonly narrative: NarrativePhrases;
  compute(input: IndicatorInput, ctx: ComputeContext): Computation;
  /** The Annex A fallback, for indicators Annex A can answer when their primary source is absent. */
  readonly annexA?: AnnexAFallback;
  /**
   * The published indicator whose figure holds this one's, so that a reader can subtract them (report.md §6
   * "differences a reader could work out"; the public version checks the difference as a small number,
   * `planCohortDifference`): suitable accommodation's cohort is NEET's less young people abroad, deported or
   * whose residence is not known (`by: 'denominator'`), and long-term stability's is the children in care
   * at the period end less those in care under 30 months or aged 16 or over; children allocated a qualified
   * social worker are some of those allocated one, of the same children (`by: 'numerator'`); referrals
   * decided in over 3 working days are some of those not decided within 1 (`by: 'complement'`).
   */
  readonly nestedIn?: Nesting;
  /**
   * The published indicator whose cohort lies within this one's, where that other figure is the one to keep
   * (report.md §6, as `nestedIn`, the other way round): children looked after during the period
   * (cic-missing's denominator) hold the children in care at the period end, whom five indicators publish
   * (their count, allocations, placements, distance). The public version checks the difference, the children
   * who left care in the period, as a small number, and hides this figure, not the other. An indicator has
   * `nestedIn` or `holds`, not both.
   */
  readonly holds?: Holding;
}

/** Whose cohort an indicator's cohort holds (`IndicatorDefinition.holds`): by denominator only. */
export interface Holding {
  /** The other indicator's id. */
  readonly indicator: string;
  readonly by: 'denominator';
}

/** How one indicator's figure lies within another's (`IndicatorDefinition.nestedIn`). */
export interface Nesting {
  /** The other indicator's id. */
  readonly indicator: string;
  /**
   * `denominator`: this cohort is the other's less some exclusions; `numerator`: the same cohort, and this
   * numerator is part of the other's; `complement`: the same cohort, and this numerator is part of those not
   * in the other's (referrals decided in over 3 working days are some of those not decided within 1).
   */
  readonly by: 'denominator' | 'numerator' | 'complement';
}

/** A comparison figure (previous quarter, same period last year, a trend point). */
export interface ComparisonFigure {
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly status: IndicatorStatus;
}

/**
 * One indicator's result as `cspi indicators --json` prints it (issue 4's stable JSON contract).
 * `value` is the rounded display value (one decimal for percentages).
 */
export interface IndicatorResult {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly polarity: Polarity;
  readonly basis: Basis;
  readonly serviceArea: ServiceArea;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly target: number | null;
  readonly targetKind: 'national' | 'local' | null;
  readonly tolerance: number | null;
  readonly rag: Rag | null;
  readonly direction: Direction | null;
  readonly previous: ComparisonFigure | null;
  readonly lastYear: ComparisonFigure | null;
  readonly trend: readonly ComparisonFigure[];
  readonly england: Benchmark | null;
  /** Mean of the other LAs loaded in the same store (and named groups), when any. */
  readonly comparators: Readonly<Record<string, number | null>>;
  readonly status: IndicatorStatus;
  readonly notes: readonly Note[];
  readonly breakdowns: Readonly<Record<string, readonly BreakdownRow[]>>;
  readonly extra: Readonly<Record<string, number | null>>;
  /**
   * The `thresholds` scheme's amber and red bounds the figure was rated against (report.md §4); present
   * only under that scheme (then `tolerance` is null), so every other result's JSON is unchanged.
   */
  readonly bounds?: RatingBounds;
  /** The LA's own "in line with" band for this indicator, in points; present only when its targets set one. */
  readonly inLineBand?: number;
}

/** The whole `cspi indicators --json` document. */
export interface IndicatorReport {
  readonly la: string;
  readonly period: { readonly id: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly dataset: { readonly id: string; readonly hash: string; readonly asAt: IsoDate | null };
  readonly settings: IndicatorSettings;
  readonly indicators: readonly IndicatorResult[];
}
