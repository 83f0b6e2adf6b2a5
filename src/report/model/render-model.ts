import type { Rag } from '../../indicators/types.js';

/**
 * The render model: everything a councillor reads, already worded and formatted, so HTML, PDF, DOCX,
 * CSV and JSON show identical text and numbers (report.md §7). Pure data; renderers only lay it out.
 */

/** A sparkline of the last 8 quarters (report.md §3 "Trend"). */
export interface Sparkline {
  /** Values in quarter order; null = no point (missing or suppressed). */
  readonly values: readonly (number | null)[];
  readonly target: number | null;
  /** Alt text, e.g. "Rose from 71.2% in Q4 2019/20 to 80.0% in Q3 2021/22". */
  readonly alt: string;
}

/** One table cell. */
export interface Cell {
  readonly text: string;
  /** Numbers are right-aligned. */
  readonly numeric?: boolean;
  /** A row header (`<th scope="row">`). */
  readonly rowHeader?: boolean;
  /** RAG cells are shaded and labelled. */
  readonly rag?: Rag;
  readonly sparkline?: Sparkline;
}

export interface Column {
  readonly label: string;
  readonly numeric?: boolean;
  /** Relative width (DOCX and print); optional. */
  readonly width?: number;
}

/** A data table: caption, header row, body rows, footnotes. No merged or nested cells. */
export interface Table {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  readonly footnotes: readonly string[];
  /** Optional group header rows (the scorecard's service areas): a label shown before row `start`. */
  readonly groups?: readonly { readonly label: string; readonly start: number }[];
}

/** A trend chart: 8 quarters, target line, England benchmark (one definition for SVG and PNG). */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: 'percent' | 'count';
  readonly points: readonly { readonly label: string; readonly value: number | null }[];
  readonly target: number | null;
  readonly england: { readonly value: number; readonly label: string } | null;
  /** Alt text / description for screen readers and the DOCX image. */
  readonly alt: string;
}

/** An officer's action on an area for focus (report.md §2). */
export interface Action {
  readonly what: string;
  readonly who: string;
  readonly byWhen: string;
}

/** A narrative item: a generated (or officer-edited) sentence with its commentary, action and chart. */
export interface NarrativeBlock {
  readonly kind: 'narrative';
  readonly ids: readonly string[];
  readonly text: string;
  /** The generated sentence when an officer replaced it (kept for the edition history). */
  readonly generated: string | null;
  readonly commentary: string | null;
  readonly action: Action | null;
  readonly outsideControl: boolean;
  readonly chart: ChartSpec | null;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | {
      readonly kind: 'list';
      readonly items: readonly string[];
      /**
       * The scorecard's key to symbols: printed in one piece, never split across pages (its heading kept
       * with it), and without bullets (each item starts with its own symbol).
       */
      readonly key?: true;
    }
  | {
      readonly kind: 'definitions';
      readonly items: readonly { readonly term: string; readonly text: string }[];
    }
  | { readonly kind: 'table'; readonly table: Table }
  | NarrativeBlock;

/** A top-level section (cover report parts, the two narrative sections, each appendix). */
export interface Section {
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
  /** Appendices start on a new page. */
  readonly newPage: boolean;
  /** The scorecard prints landscape. */
  readonly landscape: boolean;
}

/** One row of the CSV/JSON output (report.md §7): indicator × period × breakdown cell. */
export interface DataRow {
  readonly la: string;
  readonly indicator: string;
  readonly title: string;
  readonly period: string;
  readonly basis: string;
  readonly breakdown: string;
  readonly cell: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly unit: string;
  readonly target: number | null;
  readonly tolerance: number | null;
  readonly rating: string | null;
  readonly direction: string | null;
  readonly previous: number | null;
  readonly lastYear: number | null;
  /** The published England figure, a number in {@link DataRow.englandUnit}. */
  readonly england: number | null;
  /**
   * The England figure's unit, `percent` or `count`: the indicator's `unit` unless the figure is of another
   * (cic-missing counts children, and its England figure 11 is 11% of children looked after, which the
   * `unit` column alone would give as 11 children); null without an England figure.
   */
  readonly englandUnit: 'percent' | 'count' | null;
  readonly snAverage: number | null;
  /** An earlier quarter's figure that differs from what its edition published (marked "r"). */
  readonly restated: boolean;
  /** Benchmarks between the LAs loaded (headline rows, when other LAs' figures are held): their mean and this LA's place. */
  readonly lasLoadedMean: number | null;
  readonly rankAmongLas: number | null;
  readonly lasRanked: number | null;
  readonly quartileAmongLas: number | null;
  /**
   * Of the other LAs whose stored figures the benchmarks between LAs use, how many are from an earlier
   * dataset version than their current one (the count the benchmarks footnote gives as "N of the M LAs'
   * figures …"; never which LAs): 0 when none is (and in editions frozen before this was counted); null
   * where `lasLoadedMean` has no benchmarks to qualify (not a headline row, no other LA's figures, or "Not
   * comparable").
   */
  readonly lasFromEarlierVersion: number | null;
  readonly suppressed: boolean;
  readonly status: string;
  readonly datasetVersion: string;
  readonly definitionVersion: string;
}

export interface ReportMeta {
  /** "Performance Indicators Quarter 3 2021/22". */
  readonly title: string;
  readonly periodId: string;
  /** "Quarter 3 2021/22". */
  readonly periodLabel: string;
  readonly la: string;
  readonly laName: string;
  readonly committee: string;
  readonly meetingDate: string | null;
  readonly authorLine: string;
  readonly public: boolean;
  /** "PUBLIC" or "EXEMPT". */
  readonly marking: 'PUBLIC' | 'EXEMPT';
  /** The full version's heading on every page (report.md §6), null in the public version. */
  readonly exemptLine: string | null;
  readonly edition: string | null;
  /** ISO timestamp of generation (the publication time for an edition). */
  readonly generatedAt: string;
  readonly datasetVersion: string;
  readonly softwareVersion: string;
}

/** The final narrative text, for the JSON output and the edition record. */
export interface NarrativeText {
  readonly performingWell: readonly {
    readonly ids: readonly string[];
    readonly text: string;
    readonly generated: string | null;
  }[];
  readonly areasForFocus: readonly {
    readonly ids: readonly string[];
    readonly text: string;
    readonly generated: string | null;
  }[];
  readonly unpublished: readonly string[];
  readonly annual: string | null;
}

export interface RenderModel {
  readonly meta: ReportMeta;
  readonly sections: readonly Section[];
  readonly rows: readonly DataRow[];
  readonly narrative: NarrativeText;
}

/** The exempt-information line of the full version (report.md §6). */
export const EXEMPT_LINE =
  'NOT FOR PUBLICATION: exempt information under paragraphs 1 and 2 of Part 1 of Schedule 12A to the Local Government Act 1972';
