import type { FileSink } from '../file-sink.js';
import type { IngestLimits } from '../limits.js';
import type { TextEncoding } from '../checked-decoder.js';
import { RowFields } from '../row-fields.js';
import { streamXml } from '../xml/stream-xml.js';
import { xmlPosition, type XmlNode } from '../xml/xml-schema.js';
import { SSDA903_XML_SCHEMA } from './ssda903-xml-schema.js';
import { codesOf, map903Row, type CellGetter } from './map-903-row.js';
import { COLUMN, SSDA903_COLUMN_NAMES, type Ssda903Table } from './tables.js';

/** HEADER fields of the AD1 table: any one set gives an AD1 row. */
const AD1_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];

export interface Read903XmlOptions {
  readonly path: string;
  readonly encoding: TextEncoding;
  readonly limits: IngestLimits;
  onChunk?(chunk: Buffer): void;
}

/**
 * Streams an SSDA903 XML return (inputs.md §2.1 "XML form") into the same tables as the CSV form, one CHILD at
 * a time: HEADER → Header (plus a UASC row when UASC=1 or DUC is set, an OC3 or AD1 row when any of its fields is set),
 * AREVIEW → Reviews, AMISSING → Missing, OC2, PERMANENCE → PrevPerm, AD_PLACED → PlacedAdoption, EPISODE →
 * Episodes (PL = PLACE). DOB is copied from HEADER; self-closed elements are null. Rows are counted per element
 * type, except the UASC, OC3 and AD1 rows of a HEADER, counted under those tables (inputs.md §6).
 * @example await read903Xml(sink, { path, encoding: 'utf-8', limits })
 */
export async function read903Xml(sink: FileSink, o: Read903XmlOptions): Promise<void> {
  const opts = { dateStyle: 'dmy-or-iso' as const };
  /**
   * Maps one element to a row of `table`. The UASC, OC3 and AD1 records a HEADER also gives are counted and
   * reported under their own table (`shared`), so one of them rejected leaves the HEADER's Header row loaded.
   */
  const map = (
    table: Ssda903Table,
    node: XmlNode,
    get: CellGetter,
    childId: string | null,
    shared = false,
  ): void => {
    const label = shared ? table : node.name;
    sink.read(label);
    const f = new RowFields(
      sink,
      label,
      xmlPosition(node),
      childId,
      `${sink.file} ${node.path} (line ${node.line})`,
      shared ? `its ${table} record` : `this ${node.name}`,
    );
    map903Row(table, get, codesOf(get), f, sink, opts);
  };
  await streamXml({
    path: o.path,
    file: sink.file,
    encoding: o.encoding,
    limits: o.limits,
    schema: SSDA903_XML_SCHEMA,
    root: 'EXPSSDA903',
    sourceName: 'SSDA903',
    recordElements: new Set(['CHILD']),
    onChunk: o.onChunk,
    onRecord: (child) => {
      const header = child.children['HEADER']?.[0];
      const h = header?.leaves ?? {};
      const childId = h['CHILDID'] ?? null;
      const dob = h['DOB'] ?? null;
      const withChild =
        (leaves: Record<string, string | null>): CellGetter =>
        (c) =>
          c === COLUMN.CHILD
            ? childId
            : c === COLUMN.DOB && !('DOB' in leaves)
              ? dob
              : (leaves[SSDA903_COLUMN_NAMES[c]!] ?? null);
      if (header) {
        map('Header', header, withChild(h), childId);
        if (h['UASC'] === '1' || h['DUC']) map('UASC', header, withChild(h), childId, true);
        if (h['IN_TOUCH'] || h['ACTIV'] || h['ACCOM']) map('OC3', header, withChild(h), childId, true);
        if (AD1_FIELDS.some((c) => h[c])) map('AD1', header, withChild(h), childId, true);
        for (const n of header.children['AREVIEW'] ?? []) map('Reviews', n, withChild(n.leaves), childId);
        for (const n of header.children['AMISSING'] ?? []) map('Missing', n, withChild(n.leaves), childId);
        for (const n of header.children['OC2'] ?? []) map('OC2', n, withChild(n.leaves), childId);
        for (const n of header.children['PERMANENCE'] ?? []) map('PrevPerm', n, withChild(n.leaves), childId);
        for (const n of header.children['AD_PLACED'] ?? [])
          map('PlacedAdoption', n, withChild(n.leaves), childId);
      } else {
        sink.read('CHILD');
        sink.issue({
          code: 'GEN-REQUIRED',
          severity: 'error',
          table: 'CHILD',
          position: xmlPosition(child),
          message: `${sink.file} ${child.path} (line ${child.line}): the CHILD has no HEADER; this CHILD was not loaded.`,
        });
      }
      for (const n of child.children['EPISODE'] ?? []) {
        map(
          'Episodes',
          n,
          (c) =>
            c === COLUMN.CHILD
              ? childId
              : c === COLUMN.PLACE
                ? (n.leaves['PL'] ?? null)
                : (n.leaves[SSDA903_COLUMN_NAMES[c]!] ?? null),
          childId,
        );
      }
    },
  });
}
