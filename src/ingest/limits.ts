/**
 * Size limits that keep hostile or broken input from exhausting memory (inputs.md §6 "Huge or hostile input").
 * Every limit is configurable; the defaults are the spec's.
 */
export interface IngestLimits {
  /** Largest file accepted, in bytes (refused by size before reading: `S-TOO-LARGE`). */
  readonly maxFileBytes: number;
  /** Longest CSV line, in bytes (`S-LINE-TOO-LONG`). */
  readonly maxLineBytes: number;
  /** Most fields in a CSV row. */
  readonly maxFields: number;
  /** Deepest XML element nesting. */
  readonly maxXmlDepth: number;
  /** Longest XML text node, in characters. */
  readonly maxXmlText: number;
  /** Largest total uncompressed size of an xlsx, in bytes (`S-XLSX-BOMB`). */
  readonly maxXlsxUncompressed: number;
  /** Highest compression ratio of one xlsx entry. */
  readonly maxXlsxRatio: number;
  /** Most entries in an xlsx zip. */
  readonly maxXlsxEntries: number;
  /** Share of a table's rows that may be rejected before the import is refused (`S-ERROR-RATE`). */
  readonly maxRejectRate: number;
  /**
   * Fewest rejected rows of a table for `maxRejectRate` to apply: fewer are a handful of bad rows, each named
   * by its row error, not a systematically wrong export (see `errorRateIssues`).
   */
  readonly minRejectedRows: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxLineBytes: 1024 ** 2,
  maxFields: 500,
  maxXmlDepth: 32,
  maxXmlText: 1024 ** 2,
  maxXlsxUncompressed: 1024 ** 3,
  maxXlsxRatio: 100,
  maxXlsxEntries: 10_000,
  maxRejectRate: 0.2,
  minRejectedRows: 10,
};

/** The defaults with some limits overridden. */
export function resolveLimits(overrides?: Partial<IngestLimits>): IngestLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}
