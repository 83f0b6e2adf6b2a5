import type { IsoDate } from '../../calendar/iso-date.js';
import type { RecordTables } from '../../ingest/staged.js';
import type { SourceKind } from '../../model/source.js';

/**
 * One stored (or staged) submission's records, as the merge takes them (inputs.md §1.1). `seq` orders
 * imports within an LA: among submissions of the same collection year, the later import wins.
 */
export interface SubmissionRecords {
  readonly id: string;
  readonly source: SourceKind;
  readonly collectionYear: string | null;
  readonly asAt: IsoDate | null;
  readonly dateRange: { readonly start: IsoDate; readonly end: IsoDate } | null;
  /** Import order within the LA; the submissions of one import have consecutive numbers. */
  readonly seq: number;
  /**
   * The import that stored it (`imports.id`). Absent for submissions merged without a store (one reading:
   * `readAsImport`, the merge's unit tests), which count as one import.
   */
  readonly importId?: string;
  readonly tables: RecordTables;
}

/**
 * Oldest first: by collection year, then as-at date, then import order (the later one wins a key). The
 * order across sources and, within SSDA903, CIN and Annex A (an Annex A workbook's as-at date is the date
 * it states: the latest workbook wins). Local extract files are ordered by {@link localByAge}.
 */
export function byAge(a: SubmissionRecords, b: SubmissionRecords): number {
  const ya = a.collectionYear ?? '';
  const yb = b.collectionYear ?? '';
  if (ya !== yb) return ya < yb ? -1 : 1;
  const aa = a.asAt ?? '';
  const ab = b.asAt ?? '';
  if (aa !== ab) return aa < ab ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * Local extract files oldest first (the "newer file" of inputs.md §5 that replaces earlier rows in its date
 * range): by collection year, then by import — the later import of the same year is the newer file, whatever
 * date its rows end on — and only within one import by as-at date, then file order.
 *
 * Reading (§1.1 "the later collection year wins, then the later import"; §5 "a newer file replaces earlier
 * rows whose key date lies in its date range"): a local file's as-at date is only the date of its last row,
 * not when it was extracted, so an LA re-sending a corrected extract of part of a year (contacts April to
 * October, after a whole-year file) sends a file that ends earlier. Ordered by as-at date, the whole-year
 * file would stay "newer" and silently override the correction; ordered by import, the correction replaces
 * the earlier rows in its range (deletions take effect) and the rows outside its range stay. Within one
 * import there is no later import, so the file ending later is the newer one.
 * @example [wholeYear, correctionImportedLater].sort(localByAge) //=> [wholeYear, correctionImportedLater]
 */
export function localByAge(a: SubmissionRecords, b: SubmissionRecords): number {
  const ya = a.collectionYear ?? '';
  const yb = b.collectionYear ?? '';
  if (ya !== yb) return ya < yb ? -1 : 1;
  // The submissions of one import have consecutive seqs, so across imports seq is the import order.
  if (a.importId !== b.importId) return a.seq - b.seq;
  return byAge(a, b);
}
