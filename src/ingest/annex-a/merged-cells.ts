import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ZipDirectory } from '../zip-directory.js';

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
 * Finds the `<mergeCell …>` elements of a worksheet's XML given in chunks, whatever the chunks an element (or
 * the word) is split between. Only the bytes near each `mergeCell` are decoded.
 * @example const scan = mergedCellScanner(); scan.push(xml); scan.ranges() //=> [{ ref: 'A3:A4', … }]
 */
export function mergedCellScanner(): { push(chunk: Buffer): void; ranges(): readonly MergedRange[] } {
  const found: MergedRange[] = [];
  let carry = Buffer.alloc(0);
  return {
    push(bytes: Buffer): void {
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
    },
    ranges: () => found,
  };
}

const LOCAL_HEADER = 0x04034b50;

/**
 * The merged ranges of one worksheet part of an xlsx file (`xl/worksheets/sheet3.xml`), read before exceljs
 * reads its rows: the ranges follow the rows in the sheet's XML, and exceljs's streaming reader skips them,
 * so the merged cells of a row would be known only after it was loaded. The part is inflated here a second
 * time (streamed, never held whole, and no further than the size the checked zip directory gives it). A part
 * that is absent, stored in a way other than stored or deflated, or damaged has no ranges here (exceljs's own
 * read reports the damage).
 * @example await readMergedCells('annex-a.xlsx', sniff.zip, 'xl/worksheets/sheet3.xml') //=> [{ ref: 'G2:G4', … }]
 */
export async function readMergedCells(
  path: string,
  zip: ZipDirectory,
  part: string,
): Promise<readonly MergedRange[]> {
  const entry = zip.entries.find((e) => e.name === part);
  if (!entry || entry.encrypted) return [];
  const scan = mergedCellScanner();
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(30);
    const { bytesRead } = await file.read(header, 0, 30, entry.offset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) return [];
    const method = header.readUInt16LE(8);
    if (method !== 0 && method !== 8) return [];
    const dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const compressed = Readable.from(
      (async function* () {
        for (let at = 0; at < entry.compressedSize;) {
          const size = Math.min(1 << 20, entry.compressedSize - at);
          const chunk = await file.read(Buffer.alloc(size), 0, size, dataStart + at);
          if (chunk.bytesRead === 0) return;
          yield chunk.buffer.subarray(0, chunk.bytesRead);
          at += chunk.bytesRead;
        }
      })(),
    );
    const xml = method === 8 ? compressed.pipe(createInflateRaw()) : compressed;
    let inflated = 0;
    try {
      for await (const chunk of xml as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > entry.uncompressedSize) break;
        scan.push(chunk);
      }
    } catch {
      return [];
    } finally {
      xml.destroy();
      compressed.destroy();
    }
    return scan.ranges();
  } finally {
    await file.close();
  }
}

/**
 * Fills a merged cell's value down the rows of its merge, for the given columns (1-based), as Excel shows it on
 * each row: a value kept in a merged range's first cell only reads as blank in the rows below, so a label
 * (Referral Source, Gender) or a worker merged over a child's rows loaded as unknown there, without a word.
 * Only ranges whose first column is the cell's own are filled (a range merged across columns shows one value,
 * the first column's). Rows are given in order, each after the one holding its range's first cell; a blank
 * cell below a blank first cell stays blank. Returns a function that fills one row's values in place.
 * @example const fill = mergedFill([{ ref: 'G2:G4', top: 2, left: 7, bottom: 4, right: 7 }], [7], isBlank); fill(2, row2); fill(3, row3) // row3[7] = row2[7]
 */
export function mergedFill<T>(
  ranges: readonly MergedRange[],
  columns: readonly number[],
  isBlank: (v: T | undefined) => boolean,
): (row: number, values: (T | undefined)[]) => void {
  const byColumn = new Map<number, MergedRange[]>();
  for (const r of ranges) {
    if (r.bottom <= r.top || !columns.includes(r.left)) continue;
    const list = byColumn.get(r.left) ?? [];
    list.push(r);
    byColumn.set(r.left, list);
  }
  for (const list of byColumn.values()) list.sort((a, b) => a.top - b.top);
  const firstValues = new Map<MergedRange, T>();
  /** The range of `list` covering `row` (ranges do not overlap: the last starting at or above it). */
  const covering = (list: readonly MergedRange[], row: number): MergedRange | null => {
    let lo = 0;
    let hi = list.length - 1;
    let found: MergedRange | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.top <= row) {
        found = list[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found !== null && found.bottom >= row ? found : null;
  };
  return (row, values) => {
    for (const [column, list] of byColumn) {
      const range = covering(list, row);
      if (!range) continue;
      if (row === range.top) {
        if (!isBlank(values[column])) firstValues.set(range, values[column] as T);
        continue;
      }
      const first = firstValues.get(range);
      if (first !== undefined && isBlank(values[column])) values[column] = first;
      if (row === range.bottom) firstValues.delete(range);
    }
  };
}
