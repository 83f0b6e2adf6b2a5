import type { FileHandle } from 'node:fs/promises';
import type { IngestLimits } from './limits.js';
import { formatBytes } from './checked-decoder.js';
import { structuralIssue } from './refusal.js';
import type { ValidationIssue } from '../validate/issue.js';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly encrypted: boolean;
  /** Where its local header starts in the file. */
  readonly offset: number;
}

/** A zip's entries as its central directory lists them, and where that directory starts. */
export interface ZipDirectory {
  /** In the directory's order. */
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts (the end of the last entry's data). */
  readonly directoryOffset: number;
}

/** What the central directory says the zip is. */
export type ZipKind = 'xlsx' | 'xlsb' | 'ods' | 'zip';

export type ZipCheck =
  | ({ readonly kind: 'ok'; readonly zipKind: ZipKind } & ZipDirectory)
  | { readonly kind: 'refused'; readonly issue: ValidationIssue };

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
/** Entries smaller than this cannot be a bomb whatever their ratio (tiny XML parts compress very well). */
const RATIO_FLOOR = 1024 * 1024;

/**
 * Reads a zip's central directory, without inflating anything, and checks it against the xlsx limits
 * (inputs.md §6): entry count, total uncompressed size, compression ratio per entry (entries of 1 MiB or
 * more), encrypted entries, absolute or `..` paths. A missing directory is `S-TRUNCATED`.
 * @example await checkZipDirectory(handle, size, 'annex-a.xlsx', DEFAULT_LIMITS) //=> { kind: 'ok', zipKind: 'xlsx', … }
 */
export async function checkZipDirectory(
  handle: FileHandle,
  size: number,
  file: string,
  limits: IngestLimits,
): Promise<ZipCheck> {
  const refused = (code: string, message: string): ZipCheck => ({
    kind: 'refused',
    issue: structuralIssue(code, file, null, message),
  });
  const tailSize = Math.min(size, 22 + 65535);
  const tail = Buffer.alloc(tailSize);
  await handle.read(tail, 0, tailSize, size - tailSize);
  let eocd = -1;
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) {
    return refused(
      'S-TRUNCATED',
      `${file} is cut short: its zip directory is missing (the file was not completely copied or saved); save the workbook again and re-import.`,
    );
  }
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return refused(
      'S-XLSX-BOMB',
      `${file} is a ZIP64 archive, larger than a workbook can be here (limit ${formatBytes(limits.maxXlsxUncompressed)} uncompressed).`,
    );
  }
  if (count > limits.maxXlsxEntries) {
    return refused(
      'S-XLSX-BOMB',
      `${file} holds ${count} zip entries (limit ${limits.maxXlsxEntries}): this is not an ordinary workbook, so it was not opened.`,
    );
  }
  if (cdOffset + cdSize > size) {
    return refused(
      'S-TRUNCATED',
      `${file} is cut short: its zip directory points past the end of the file; save the workbook again and re-import.`,
    );
  }
  const cd = Buffer.alloc(cdSize);
  await handle.read(cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) {
      return refused(
        'S-TRUNCATED',
        `${file}: the zip directory is damaged at entry ${i + 1}; save the workbook again and re-import.`,
      );
    }
    const flags = cd.readUInt16LE(p + 8);
    const compressedSize = cd.readUInt32LE(p + 20);
    const uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const offset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const entry: ZipEntry = {
      name,
      compressedSize,
      uncompressedSize,
      encrypted: (flags & 1) === 1,
      offset,
    };
    entries.push(entry);
    if (entry.encrypted) {
      return refused(
        'S-XLSX-ENCRYPTED',
        `${file} is password-protected: remove the password in Excel (File › Info › Protect Workbook) and re-import.`,
      );
    }
    if (
      name.startsWith('/') ||
      name.startsWith('\\') ||
      /^[A-Za-z]:/.test(name) ||
      name.split(/[\\/]/).includes('..')
    ) {
      return refused(
        'S-XLSX-BOMB',
        `${file} holds a zip entry with an unsafe path (${name.slice(0, 80)}); it was not opened.`,
      );
    }
    total += uncompressedSize;
    if (total > limits.maxXlsxUncompressed) {
      return refused(
        'S-XLSX-BOMB',
        `${file} would expand to more than ${formatBytes(limits.maxXlsxUncompressed)}: this is not an ordinary workbook, so it was not opened.`,
      );
    }
    if (
      uncompressedSize >= RATIO_FLOOR &&
      uncompressedSize > limits.maxXlsxRatio * Math.max(compressedSize, 1)
    ) {
      return refused(
        'S-XLSX-BOMB',
        `${file}: entry ${name.slice(0, 80)} expands ${Math.round(uncompressedSize / Math.max(compressedSize, 1))}:1 (limit ${limits.maxXlsxRatio}:1), the mark of a zip bomb; it was not opened.`,
      );
    }
  }
  const names = new Set(entries.map((e) => e.name));
  const zipKind: ZipKind = names.has('xl/workbook.xml')
    ? 'xlsx'
    : names.has('xl/workbook.bin')
      ? 'xlsb'
      : names.has('mimetype') && names.has('content.xml')
        ? 'ods'
        : 'zip';
  return { kind: 'ok', zipKind, entries, directoryOffset: cdOffset };
}
