/**
 * A validation report entry (inputs.md §6): what was wrong, where, and what happened to the row.
 * Issues are values: readers and rules return them; `cli` maps them to exit codes and `web` to an error summary.
 */

/** error = row not loaded; warning = loaded and flagged; query = loaded unchanged, unusual; structural = import refused. */
export type Severity = 'error' | 'warning' | 'query' | 'structural';

export interface ValidationIssue {
  /** Stable rule code, e.g. `S-ENCODING`, `GEN-DATE`, `903-EP-ORDER`, `CIN-S47-ICPC`. */
  readonly code: string;
  readonly severity: Severity;
  /** File name as given (no directory); null for dataset checks across files. */
  readonly file: string | null;
  /** Table or XML element type, e.g. `episodes`, `CINdetails`. */
  readonly table: string | null;
  /** `line 12`, `/Message/Children/Child[37]/CINdetails[2] line 881:14`, `List 3!B7`. */
  readonly position: string | null;
  readonly childId: string | null;
  readonly field: string | null;
  /** The offending value, at most 200 characters. */
  readonly value: string | null;
  /** DfE rule number where one exists. */
  readonly dfeRule: string | null;
  /** Plain-English message naming what to fix. */
  readonly message: string;
}

/** Per file and table: read = loaded + rejected, plus warnings and queries (inputs.md §6). */
export interface RowCount {
  readonly file: string;
  readonly table: string;
  read: number;
  loaded: number;
  rejected: number;
  warnings: number;
  queries: number;
}
