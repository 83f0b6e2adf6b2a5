import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ZipDirectory, ZipEntry } from '../zip-directory.js';

/** The parts exceljs's streaming reader must have read before it meets a worksheet. */
const WORKBOOK_PARTS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** One entry's bytes in the file: its local header, data and any data descriptor. */
interface Span {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The entries' byte spans in the order a streaming reader needs them (the workbook parts, then the rest as
 * they are), or null when the file already has them so. Spans run from an entry's local header to the next
 * entry's (or the central directory), so a data descriptor travels with its entry.
 * @example workbookPartsFirst(entries, 900)?.map((s) => s.name) //=> ['xl/workbook.xml', …, 'xl/worksheets/sheet1.xml']
 */
export function workbookPartsFirst(entries: readonly ZipEntry[], directoryOffset: number): Span[] | null {
  const inFile = [...entries].sort((a, b) => a.offset - b.offset);
  const spans = inFile.map((e, i) => ({
    name: e.name,
    start: e.offset,
    end: inFile[i + 1]?.offset ?? directoryOffset,
  }));
  const firstSheet = spans.findIndex((s) => WORKSHEET.test(s.name));
  const lastPart = spans.reduce((at, s, i) => (WORKBOOK_PARTS.includes(s.name) ? i : at), -1);
  if (firstSheet === -1 || lastPart < firstSheet) return null;
  const isPart = (s: Span): boolean => WORKBOOK_PARTS.includes(s.name);
  return [...spans.filter(isPart), ...spans.filter((s) => !isPart(s))];
}

/**
 * What to give exceljs's streaming `WorkbookReader` for an xlsx file: its path when its workbook parts come
 * before its worksheets, as Excel writes them; otherwise the same entries re-sent with those parts first.
 * exceljs 4.4 reads a worksheet's name and the workbook's date system from `xl/workbook.xml` when it meets the
 * worksheet; a zip holding that part later (exceljs's own writer varies the order under load) made it fail
 * with a TypeError, and a worksheet it set aside to read later lost the entries after it. The bytes are only
 * reordered, never inflated here (the zip's directory was checked before the file was opened).
 * `zip` is the directory the sniff read and checked.
 * @example const reader = new ExcelJS.stream.xlsx.WorkbookReader(await workbookInput(path, sniff.zip), options)
 */
export async function workbookInput(path: string, zip: ZipDirectory): Promise<string | Readable> {
  const spans = workbookPartsFirst(zip.entries, zip.directoryOffset);
  if (!spans) return path;
  // The central directory and its end record follow, as the reader expects them to end the entries.
  const order = [...spans, { name: '', start: zip.directoryOffset, end: (await stat(path)).size }];
  return Readable.from(
    (async function* () {
      const file = await open(path, 'r');
      try {
        for (const s of order) {
          for (let at = s.start; at < s.end;) {
            const size = Math.min(1 << 20, s.end - at);
            const { buffer, bytesRead } = await file.read(Buffer.alloc(size), 0, size, at);
            if (bytesRead === 0) return;
            yield buffer.subarray(0, bytesRead);
            at += bytesRead;
          }
        }
      } finally {
        await file.close();
      }
    })(),
  );
}
