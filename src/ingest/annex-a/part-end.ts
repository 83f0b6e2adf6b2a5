import { Readable } from 'node:stream';

/**
 * Characters of a part's end kept: enough for the closing tag, or a whole empty root (`<sst xmlns="…"
 * count="0"/>`, its namespaces and all), and the white space an XML writer puts after it.
 */
const TAIL = 1024;

/** What exceljs's streaming WorksheetReader reads a sheet's XML from (set when it meets the sheet). */
export interface PartSource {
  iterator: AsyncIterable<Buffer | Uint8Array | string>;
}

/** Whether a part's XML reached its end. */
export interface PartEnd {
  complete(): boolean;
}

/**
 * Watches a workbook part's XML as exceljs reads it, to tell whether it reached the end of its root element
 * (`worksheet`, `sst`; with any namespace prefix, and only white space after it; an empty root `<sst …/>`
 * too). exceljs's streaming reader
 * never closes its XML parser, so a part whose XML stops part-way (inside an otherwise sound zip: a workbook
 * saved by a crashed program, or a part cut short and zipped again) reads as what came before the cut, with no
 * error. Only the last bytes are kept; nothing is parsed twice. Call before the part is read.
 * @example const end = watchPartEnd(ws, 'worksheet'); for await (const row of ws) {…}; end.complete() //=> true
 */
export function watchPartEnd(part: PartSource, root: string): PartEnd {
  const name = `(?:[A-Za-z_][\\w.-]*:)?${root}`;
  const closed = new RegExp(`(?:</${name}\\s*>|<${name}\\s[^<]*/>|<${name}/>)\\s*$`);
  const source = part.iterator;
  let tail = '';
  let done = false;
  part.iterator = (async function* () {
    for await (const chunk of source) {
      const end =
        typeof chunk === 'string'
          ? chunk.slice(-TAIL)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(
              'latin1',
              Math.max(0, chunk.byteLength - TAIL),
            );
      tail = (tail + end).slice(-TAIL);
      yield chunk;
    }
    done = true;
  })();
  return { complete: () => done && closed.test(tail) };
}

/**
 * Watches a worksheet's XML (see {@link watchPartEnd}): a list sheet cut short loses its rows after the cut.
 * @example const end = watchSheetEnd(ws); for await (const row of ws) {…}; end.complete() //=> true
 */
export function watchSheetEnd(sheet: PartSource): PartEnd {
  return watchPartEnd(sheet, 'worksheet');
}

/**
 * Watches the shared strings part (`xl/sharedStrings.xml`, the text of the cells) as exceljs's streaming
 * `WorkbookReader` reads it: cut short, every cell whose text lies after the cut reads as blank (a child id, a
 * label, a header cell), with no error. exceljs hands the part to its `_parseSharedStrings`, which is wrapped
 * here to see its bytes pass (exceljs 4.4; it has no public hook). Returns whether the part, if the workbook
 * has one, reached its end; call before reading the workbook.
 * @example const strings = watchSharedStringsEnd(reader); for await (const ws of reader) {…}; strings.complete()
 */
export function watchSharedStringsEnd(reader: object): PartEnd {
  const r = reader as { _parseSharedStrings?: (entry: AsyncIterable<Buffer>) => AsyncGenerator<unknown> };
  const parse = r._parseSharedStrings;
  if (typeof parse !== 'function') throw new Error('exceljs WorkbookReader has no _parseSharedStrings');
  let end: PartEnd | null = null;
  r._parseSharedStrings = function (this: unknown, entry: AsyncIterable<Buffer>) {
    const part: PartSource = { iterator: entry };
    end = watchPartEnd(part, 'sst');
    return parse.call(this, Readable.from(part.iterator, { objectMode: false }));
  };
  // A workbook of inline strings only has no shared strings part: nothing to cut short.
  return { complete: () => end === null || end.complete() };
}
