import type { PartSource } from './part-end.js';

/** A range of merged cells (1-based rows and columns), as its sheet's `<mergeCell ref="A3:A4"/>` gives it. */
export interface MergedRange {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const MERGE = Buffer.from('mergeCell', 'latin1');
/** The longest `<mergeCell …/>` element looked at whole; a longer one is no merge Excel writes. */
const LONGEST = 256;

/**
 * The 1-based column number of column letters.
 * @example columnNumber('AA') //=> 27
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The merged range a `<mergeCell …>` element's text names, or null.
 * @example mergedRange('<mergeCell ref="A3:B4"/>') //=> { ref: 'A3:B4', top: 3, left: 1, bottom: 4, right: 2 }
 */
export function mergedRange(element: string): MergedRange | null {
  const m = /\bref\s*=\s*["']([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)["']/.exec(element);
  if (!m) return null;
  return {
    ref: `${m[1]}${m[2]}:${m[3]}${m[4]}`,
    top: Number(m[2]),
    left: columnNumber(m[1]!),
    bottom: Number(m[4]),
    right: columnNumber(m[3]!),
  };
}

/**
 * Watches a worksheet's XML as exceljs reads it for its merged cells, which exceljs's streaming reader skips:
 * Excel keeps a merged range's value in its first cell only, so the others read as blank. The ranges come
 * after the sheet's rows, so they are known once the sheet is read. Only the bytes near each `mergeCell` are
 * decoded. Call before the sheet's rows are read.
 * @example const merges = watchMergedCells(ws); for await (const row of ws) {…}; merges.ranges() //=> [{ ref: 'A3:A4', … }]
 */
export function watchMergedCells(part: PartSource): { ranges(): readonly MergedRange[] } {
  const source = part.iterator;
  const found: MergedRange[] = [];
  let carry = Buffer.alloc(0);
  part.iterator = (async function* () {
    for await (const chunk of source) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const buf = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      let at = buf.indexOf(MERGE);
      let keepFrom = Math.max(0, buf.length - MERGE.length);
      while (at !== -1) {
        const close = buf.indexOf(0x3e /* > */, at);
        if (close === -1) {
          // The element runs on into the next chunk: kept, unless it is longer than any Excel writes.
          keepFrom = buf.length - at <= LONGEST ? at : buf.length;
          break;
        }
        const range = mergedRange(buf.toString('latin1', at, close + 1));
        if (range) found.push(range);
        at = buf.indexOf(MERGE, close);
      }
      carry = Buffer.from(buf.subarray(keepFrom));
      yield chunk;
    }
  })();
  return { ranges: () => found };
}
