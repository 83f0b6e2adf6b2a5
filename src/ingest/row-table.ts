/**
 * A staged table held by column, not as records: the SSDA903 episodes (`EpisodeTable`) and the CIN census's
 * element tables (`CinTable`). Each row's record is made only when asked for; a rule's hit on one names its row,
 * and the rules engine drops or repairs rows by number, making a new table.
 */
export interface RowTable<R extends object> {
  readonly length: number;
  childId(i: number): string;
  /** Row i as a record (a new object, or the record itself for a row that was staged as one). */
  record(i: number): R;
  records(): R[];
  sourceFile(i: number): string;
  sourcePosition(i: number): string;
  /** The table without the rows `drop` marks (1), or the same table when it marks none. */
  without(drop: Uint8Array): RowTable<R>;
  /** The table with rows replaced by records, or the same table when there are none. */
  withRepairs(repairs: ReadonlyMap<number, R>): RowTable<R>;
}

/** Whether a staged table is held by column (every other staged table is an array of records). */
export function isRowTable(t: unknown): t is RowTable<object> {
  return (
    t !== undefined && t !== null && !Array.isArray(t) && typeof (t as RowTable<object>).record === 'function'
  );
}

/**
 * A staged table's records, whether it is held by column (made afresh) or as records; none for an absent
 * table. For tests and tools that read what was staged.
 * @example recordsOf(submission.tables.referrals).map((r) => r.referralDate)
 */
export function recordsOf<R extends object>(t: readonly R[] | RowTable<R> | undefined): readonly R[] {
  return t === undefined ? [] : isRowTable(t) ? t.records() : t;
}
