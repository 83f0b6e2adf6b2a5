import type { IsoDate } from '../../calendar/iso-date.js';
import type { StagedTables } from '../../ingest/staged.js';
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
  readonly seq: number;
  readonly tables: StagedTables;
}

/** Oldest first: by collection year, then as-at date, then import order (the later one wins a key). */
export function byAge(a: SubmissionRecords, b: SubmissionRecords): number {
  const ya = a.collectionYear ?? '';
  const yb = b.collectionYear ?? '';
  if (ya !== yb) return ya < yb ? -1 : 1;
  const aa = a.asAt ?? '';
  const ab = b.asAt ?? '';
  if (aa !== ab) return aa < ab ? -1 : 1;
  return a.seq - b.seq;
}
