import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import type { TextEncoding } from '../checked-decoder.js';
import { streamXml } from '../xml/stream-xml.js';
import { CIN_SCHEMA } from './cin-schema.js';
import { mapCinChild, type CinChildDates } from './map-cin-child.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { parseIsoDate } from '../../calendar/iso-date.js';
import { londonDate } from '../../calendar/london-date.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';

/** What the CIN Header says, and the latest event date in the file. */
export interface CinFileFacts {
  /** CollectionDetails/Year as written (`2022`). */
  year: string | null;
  referenceDate: IsoDate | null;
  lea: string | null;
  /** Source/DateTime as a London date. */
  sourceDate: IsoDate | null;
  latestEvent: IsoDate | null;
}

export interface ReadCinXmlOptions {
  readonly path: string;
  readonly encoding: TextEncoding;
  readonly limits: IngestLimits;
  /**
   * Today: event dates after it (rejected typos, GEN-FUTURE) do not count as the census's latest event, nor do
   * those before the bank-holiday table (GEN-PAST).
   */
  readonly today: IsoDate;
  onChunk?(chunk: Buffer): void;
}

/** The CIN census tables a file's row counts list, in the schema's order (`CIN_SCHEMA`). */
const CIN_TABLES = [
  'Child',
  'CINdetails',
  'Assessments',
  'CINPlanDates',
  'Section47',
  'ChildProtectionPlans',
];

/**
 * Streams a CIN census XML file (inputs.md §3) into the sink, one Child at a time (memory does not grow with
 * file size beyond the records kept), and returns what its Header says.
 * @example const facts = await readCinXml(sink, { path, encoding: 'utf-8', limits, today })
 */
export async function readCinXml(sink: FileSink, o: ReadCinXmlOptions): Promise<CinFileFacts> {
  const facts: CinFileFacts = {
    year: null,
    referenceDate: null,
    lea: null,
    sourceDate: null,
    latestEvent: null,
  };
  const dates: CinChildDates = { latest: null, until: o.today, since: firstCountableDate() };
  let tablesNoted = false;
  await streamXml({
    path: o.path,
    file: sink.file,
    encoding: o.encoding,
    limits: o.limits,
    schema: CIN_SCHEMA,
    root: 'Message',
    sourceName: 'CIN census',
    recordElements: new Set(['Header', 'Child']),
    onChunk: o.onChunk,
    onRecord: (node) => {
      if (node.name === 'Header') {
        const cd = node.children['CollectionDetails']?.[0];
        const src = node.children['Source']?.[0];
        facts.year = cd?.leaves['Year'] ?? null;
        facts.referenceDate = cd?.leaves['ReferenceDate'] ? parseIsoDate(cd.leaves['ReferenceDate']) : null;
        facts.lea = src?.leaves['LEA'] ?? null;
        facts.sourceDate = src?.leaves['DateTime'] ? londonDate(src.leaves['DateTime']) : null;
        return;
      }
      // The tables in the census's own order (Child, CINdetails and its groups, as the schema nests them),
      // whichever the first child happens to hold, so every file's counts read alike; one a census has no
      // element of is counted as read 0.
      if (!tablesNoted) for (const label of CIN_TABLES) sink.holds(label);
      tablesNoted = true;
      mapCinChild(node, sink, dates);
    },
  });
  facts.latestEvent = dates.latest;
  return facts;
}
