/** A worksheet's root closed, with any namespace prefix (`</x:worksheet>`), and only white space after it. */
const ROOT_CLOSED = /<\/(?:[A-Za-z_][\w.-]*:)?worksheet\s*>\s*$/;
/** Bytes of a part's end kept: enough for the closing tag and the white space an XML writer puts after it. */
const TAIL = 256;

/** What exceljs's streaming WorksheetReader reads a sheet's XML from (set when it meets the sheet). */
export interface SheetSource {
  iterator: AsyncIterable<Buffer | Uint8Array | string>;
}

/**
 * Watches a worksheet's XML as exceljs reads it, to tell whether it reached its end. exceljs's streaming reader
 * never closes its XML parser, so a sheet whose XML stops part-way (inside an otherwise sound zip: a
 * workbook saved by a crashed program, or a part cut short and zipped again) reads as the rows before the cut,
 * with no error. Its rows after the cut would then be lost without a word, against inputs.md §6 (every row
 * read is loaded or listed): the caller refuses such a workbook (`S-TRUNCATED`, as for an unclosed XML root).
 * Only the last bytes are kept; nothing is parsed twice. Call before the sheet's rows are read.
 * @example const end = watchSheetEnd(ws); for await (const row of ws) {…}; end.complete() //=> true
 */
export function watchSheetEnd(sheet: SheetSource): { complete(): boolean } {
  const source = sheet.iterator;
  let tail = '';
  let done = false;
  sheet.iterator = (async function* () {
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
  return { complete: () => done && ROOT_CLOSED.test(tail) };
}
