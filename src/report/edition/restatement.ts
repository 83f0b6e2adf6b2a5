/**
 * A figure as published in an edition against the same figure now (report.md §8). Counts of children moved
 * come from the frozen member lists; the report shows only counts, never who.
 */
export interface Restatement {
  readonly indicator: string;
  readonly period: string;
  readonly edition: string;
  readonly published: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  readonly now: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  /** now − published, in points (percent) or units (count); null when either is null. */
  readonly change: number | null;
  readonly numeratorIn: number;
  readonly numeratorOut: number;
  readonly denominatorIn: number;
  readonly denominatorOut: number;
}
