import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { refuse } from '../refusal.js';

/** What an Annex A workbook says about itself: the range of its key dates. */
export interface AnnexAFacts {
  range: { start: IsoDate; end: IsoDate } | null;
}

export interface ReadAnnexAOptions {
  readonly path: string;
  readonly limits: IngestLimits;
  onChunk?(chunk: Buffer): void;
}

/** Annex A reading is not in this build yet: a workbook is refused with a plain message. */
export async function readAnnexA(sink: FileSink, _o: ReadAnnexAOptions): Promise<AnnexAFacts> {
  return refuse(
    'S-UNRECOGNISED',
    sink.file,
    null,
    `${sink.file} is an Excel workbook (Ofsted Annex A); reading Annex A is not available in this version of cspi yet.`,
  );
}
