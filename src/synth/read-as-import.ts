import type { IsoDate } from '../calendar/iso-date.js';
import { readInputs } from '../ingest/read-inputs.js';
import { recordTablesOf } from '../ingest/episode-table.js';
import type { IngestResult } from '../ingest/staged.js';
import { type AssembledDataset, assembleDataset } from '../store/assemble/assemble-dataset.js';
import type { SubmissionRecords } from '../store/assemble/submission-records.js';

/**
 * Reads an LA's files and merges them as `cspi import` does, without a store: `readInputs` (format
 * detection, row rules), then `assembleDataset` (stitching and the dataset checks), each submission taken
 * in the order read. For checking and measuring generated data (the synth tests, scripts/calibration.ts).
 * @example const { read, assembled } = await readAsImport(dir, '841', '2022-04-01' as IsoDate); assembled.dataset
 */
export async function readAsImport(
  dir: string,
  la: string,
  today: IsoDate,
): Promise<{ read: IngestResult; assembled: AssembledDataset }> {
  const read = await readInputs([dir], { la, today });
  const subs: SubmissionRecords[] = read.submissions.map((s, i) => ({
    id: `s${i}`,
    source: s.source,
    collectionYear: s.collectionYear,
    asAt: s.asAt,
    dateRange: s.dateRange,
    seq: i,
    tables: recordTablesOf(s.tables),
  }));
  return { read, assembled: assembleDataset(la, subs) };
}
