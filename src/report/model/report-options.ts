import type { Commentary } from '../commentary/commentary.js';
import type { SuppressionRule } from '../public/suppression.js';
import type { Restatement } from '../edition/restatement.js';
import type { EarlierRestatement } from '../edition/earlier-restatements.js';
import type { HubBenchmarks } from './hub-benchmarks.js';
import type { MembersQuestionsFigures } from './members-questions-figures.js';
import { NO_MEMBERS_QUESTIONS_FIGURES } from './members-questions-figures.js';

/** Per-source import details for the data notes (report.md §2 item 7). */
export interface DatasetSource {
  readonly source: string;
  readonly importedAt: string;
  readonly extractDate: string | null;
}

/** How to build the report: audience, committee details, commentary and edition. */
export interface ReportOptions {
  /** The public version (report.md §6). */
  readonly public: boolean;
  readonly laName: string;
  readonly committee: string;
  /** ISO date of the meeting, or null. */
  readonly meetingDate: string | null;
  /** "Report of the Assistant Director of Children's Services". */
  readonly authorLine: string;
  /** Who agreed the indicator set (summary). */
  readonly agreedBy: string;
  /** Add "and to scrutinise areas where expected levels of performance are not being met". */
  readonly scrutinyLimb: boolean;
  readonly commentary: Commentary;
  /** Edition id when re-rendering or publishing; null for a draft. */
  readonly edition: string | null;
  /** ISO timestamp: now for a draft, the publication time for an edition. */
  readonly generatedAt: string;
  readonly softwareVersion: string;
  readonly suppression: SuppressionRule;
  /** The "in line with" band in points (default 0.5). */
  readonly inLineBand: number;
  /**
   * Key of the statistical-neighbour average in `comparators`, and its label; the scorecard's column adds
   * the period of the figures averaged ("SN average (Q3 2021/22)", report.md §3).
   */
  readonly snKey: string;
  readonly snLabel: string;
  /** Join narrative sentences with semicolons (the minutes style). */
  readonly minutesStyle: boolean;
  readonly datasetSources: readonly DatasetSource[];
  /** Restatements against a published edition (report.md §8). */
  readonly restatements: readonly Restatement[];
  /** Figures for earlier periods that differ from their published editions (marked "r", report.md §8). */
  readonly earlierRestatements: readonly EarlierRestatement[];
  /** Benchmarks between the LAs loaded on a hub (issue 7); null without other LAs' figures. */
  readonly hubBenchmarks: HubBenchmarks | null;
  /** Appendix B's figures beyond the headline report (last year's sources, both timeliness bases, missing). */
  readonly membersQuestions: MembersQuestionsFigures;
}

/** Defaults: a full-version draft for "the council", Darlington's wording. */
export function defaultReportOptions(overrides: Partial<ReportOptions> = {}): ReportOptions {
  return {
    public: false,
    laName: 'the council',
    committee: 'Children and Young People Scrutiny Committee',
    meetingDate: null,
    authorLine: "Report of the Assistant Director of Children's Services",
    agreedBy: 'the Monitoring and Co-ordination Group and subsequently by each individual Scrutiny Committee',
    scrutinyLimb: false,
    commentary: { author: null, entries: {} },
    edition: null,
    generatedAt: '1970-01-01T00:00:00Z',
    softwareVersion: '0.0.0',
    suppression: { k: 5, complement: true },
    inLineBand: 0.5,
    snKey: 'statistical-neighbours',
    snLabel: 'SN average',
    minutesStyle: false,
    datasetSources: [],
    restatements: [],
    earlierRestatements: [],
    hubBenchmarks: null,
    membersQuestions: NO_MEMBERS_QUESTIONS_FIGURES,
    ...overrides,
  };
}
