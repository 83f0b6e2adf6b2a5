/**
 * Where a record came from, so any figure can be traced back to the input line (inputs.md §1.1, §6).
 * `position` is written as the validation report writes it: `line 12` for CSV (header = line 1),
 * an XML path such as `/Message/Children/Child[37]/CINdetails[2]` (optionally `… line 881:14`),
 * or `List 3!B7` for Annex A.
 */
export interface SourceRef {
  /** File name as given to the import (no directory). */
  readonly file: string;
  readonly position: string;
  /** Submission id in the store, when loaded from one. */
  readonly submissionId?: string;
}

/** The statutory and local sources a dataset can hold. */
export type SourceKind = 'cin' | 'ssda903' | 'annex-a' | 'local';

/** Every table of the case model, by the names the specs use. */
export type TableName =
  // CIN census
  | 'cin-child'
  | 'cin-details'
  | 'assessments'
  | 'cin-plans'
  | 'section47'
  | 'cp-plans'
  | 'cp-reviews'
  // SSDA903
  | 'header'
  | 'episodes'
  | 'reviews'
  | 'uasc'
  | 'oc2'
  | 'oc3'
  | 'ad1'
  | 'placed-adoption'
  | 'prev-perm'
  | 'missing'
  | 'sw-episodes'
  | 'dolo'
  // Ofsted Annex A (only what no statutory or local table holds)
  | 'annex-a-cic'
  | 'annex-a-cp'
  | 'annex-a-adoption'
  // local extract
  | 'contacts'
  | 'cp-visits'
  | 'cla-visits'
  | 'allocations'
  | 'workers'
  | 'cla-health'
  | 'care-leavers'
  | 'placements-long-term'
  | 'postcodes'
  | 'strategy-discussions'
  | 'population';
