import { open, type FileHandle } from 'node:fs/promises';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { IngestLimits } from './limits.js';
import { formatBytes, type TextEncoding } from './checked-decoder.js';
import { recogniseCsvHeader, type CsvHeaderMatch } from './recognise-csv-header.js';
import { type ZipDirectory, checkZipDirectory } from './zip-directory.js';
import { structuralIssue } from './refusal.js';
import type { ValidationIssue } from '../validate/issue.js';

/** What a file holds, decided from its content, never its name (inputs.md §1 "Sniffing"). */
export type SniffResult =
  | { readonly kind: 'xlsx'; readonly zip: ZipDirectory }
  | { readonly kind: 'ssda903-xml'; readonly encoding: TextEncoding }
  | { readonly kind: 'cin-xml'; readonly encoding: TextEncoding }
  | { readonly kind: 'csv'; readonly match: Exclude<CsvHeaderMatch, { kind: 'refused' }> }
  | { readonly kind: 'refused'; readonly issue: ValidationIssue };

const HEAD = 64 * 1024;

/** The end of a refusal of a file that is no input (a document or image left in the folder). */
const NOT_AN_INPUT =
  'not one of the formats cspi imports (SSDA903 CSV or XML, CIN census XML, Annex A .xlsx, local extract CSV): move it out of the folder and re-import.';

/** What an Office zip other than a workbook is ("a Word document"), from its entries, or null. */
function officeDocumentOf(entries: readonly { readonly name: string }[]): string | null {
  if (entries.some((e) => e.name.startsWith('word/'))) return 'a Word document';
  if (entries.some((e) => e.name.startsWith('ppt/'))) return 'a PowerPoint presentation';
  return null;
}

/**
 * A PDF or an image, from its first bytes, or null. (Any other file with NUL bytes, once UTF-16 and UTF-32 are
 * ruled out, is no text either: no CSV or XML input holds one.)
 */
function documentKindOf(head: Buffer): string | null {
  const magic = head.subarray(0, 8).toString('latin1');
  if (magic.startsWith('%PDF-')) return 'a PDF document';
  if (magic.startsWith('\x89PNG') || magic.startsWith('GIF8') || magic.startsWith('\xff\xd8\xff'))
    return 'an image';
  return null;
}

/**
 * Sniffs a file: refuses it by size before reading (`S-TOO-LARGE`), then looks at its first bytes:
 * `PK\x03\x04` → xlsx (zip directory checked, nothing inflated); a UTF-16/32 byte-order mark →
 * `S-ENCODING`; first non-blank `<` → XML (root `EXPSSDA903` or `Message`; any DOCTYPE refused);
 * otherwise a CSV recognised by its header row.
 * @example await sniffFile('/data/episodes.csv', 'episodes.csv', 1024, DEFAULT_LIMITS) //=> { kind: 'csv', … }
 */
export async function sniffFile(
  path: string,
  name: string,
  size: number,
  limits: IngestLimits,
): Promise<SniffResult> {
  const refused = (code: string, message: string, position: string | null = null): SniffResult => ({
    kind: 'refused',
    issue: structuralIssue(code, name, position, message),
  });
  if (size > limits.maxFileBytes) {
    return refused(
      'S-TOO-LARGE',
      `${name} is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit per file; split the data (e.g. one file per year) and re-import.`,
    );
  }
  if (size === 0)
    return refused('S-EMPTY', `${name} is empty (0 bytes): export the data again and re-import.`);
  const lower = name.toLowerCase();
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, HEAD));
    await handle.read(head, 0, head.length, 0);

    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
      const zip = await checkZipDirectory(handle, size, name, limits);
      if (zip.kind === 'refused') return zip;
      if (zip.zipKind === 'xlsx')
        return { kind: 'xlsx', zip: { entries: zip.entries, directoryOffset: zip.directoryOffset } };
      if (zip.zipKind === 'xlsb')
        return refused(
          'S-UNRECOGNISED',
          `${name} is an Excel binary workbook (.xlsb): save it as .xlsx (Excel Workbook) and re-import.`,
        );
      if (zip.zipKind === 'ods')
        return refused(
          'S-UNRECOGNISED',
          `${name} is an OpenDocument spreadsheet (.ods): save it as .xlsx and re-import.`,
        );
      const office = officeDocumentOf(zip.entries);
      if (office) return refused('S-UNRECOGNISED', `${name} is ${office}, ${NOT_AN_INPUT}`);
      if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm'))
        return refused(
          'S-UNRECOGNISED',
          `${name} is named like an Excel workbook but is a plain zip archive: open the workbook in Excel and save it as .xlsx (Excel Workbook), or, if it is an archive of data files, unzip it and import the files inside.`,
        );
      return refused('S-UNRECOGNISED', `${name} is a zip archive: unzip it and import the files inside.`);
    }
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      const probe = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
      await handle.read(probe, 0, probe.length, 0);
      if (probe.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
        return refused(
          'S-XLSX-ENCRYPTED',
          `${name} is a password-protected workbook: remove the password in Excel (File › Info › Protect Workbook) and re-import.`,
        );
      }
      return refused(
        'S-UNRECOGNISED',
        `${name} is an old Excel workbook (.xls): save it as .xlsx (Excel Workbook) and re-import.`,
      );
    }
    if (
      lower.endsWith('.xls') ||
      lower.endsWith('.xlsb') ||
      lower.endsWith('.ods') ||
      lower.endsWith('.zip')
    ) {
      return refused(
        'S-UNRECOGNISED',
        `${name} is not a workbook cspi can read: save it as .xlsx (Annex A) or CSV UTF-8 and re-import.`,
      );
    }
    if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
      return refused(
        'S-UNRECOGNISED',
        `${name} is named like an Excel workbook but is not one (it is not a zip file): open it in Excel, save it as .xlsx and re-import.`,
      );
    }
    const document = documentKindOf(head);
    if (document) return refused('S-UNRECOGNISED', `${name} is ${document}, ${NOT_AN_INPUT}`);
    const bom = encodingFromBom(head);
    if (bom) {
      const csvish = lower.endsWith('.csv') ? "save as 'CSV UTF-8'" : 'save it as UTF-8';
      return refused('S-ENCODING', `${name} is ${bom}: ${csvish} and re-import.`, 'line 1');
    }
    if (looksLikeUtf16WithoutBom(head)) {
      return refused(
        'S-ENCODING',
        `${name} is UTF-16 (no byte-order mark): save as 'CSV UTF-8' and re-import.`,
        'line 1',
      );
    }
    if (head.includes(0))
      return refused('S-UNRECOGNISED', `${name} is not a text file (it holds binary data), ${NOT_AN_INPUT}`);
    let start = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (start < head.length && isBlank(head[start]!)) start++;
    if (start >= head.length) {
      if (size <= head.length)
        return refused('S-EMPTY', `${name} holds only blank space: export the data again and re-import.`);
      return refused(
        'S-UNRECOGNISED',
        `${name} starts with ${formatBytes(head.length)} of blank space: it is not a data file cspi knows.`,
      );
    }
    if (head[start] === 0x7b) {
      // `{`: JSON, which no input format is (a CSV header never starts with a brace).
      const text = head.toString('utf8', start);
      if (/^\{\s*"generator"\s*:\s*"cspi synth"/.test(text)) {
        return refused(
          'S-UNRECOGNISED',
          `${name} is the manifest \`cspi synth\` writes beside the LA folders, not data: import an LA's folder (e.g. out/synth/841), not the folder above it.`,
        );
      }
      return refused(
        'S-UNRECOGNISED',
        `${name} is a JSON file, not one of the formats cspi imports (SSDA903 CSV or XML, CIN census XML, Annex A .xlsx, local extract CSV): leave it out of the import.`,
      );
    }
    if (head[start] === 0x3c) {
      // The root element is almost always within the head; a long comment before it can outrun the head:
      // then look at up to 1 MiB of prolog (read and decoded only then: it costs more than the rest).
      let text = head.toString('latin1', start);
      if (size > head.length && !rootWithin(text)) {
        const xmlHead = Buffer.alloc(Math.min(size, 1024 * 1024));
        await handle.read(xmlHead, 0, xmlHead.length, 0);
        text = xmlHead.toString('latin1', start);
      }
      return sniffXml(name, text, refused);
    }
    return await sniffCsv(handle, name, size, head, start, limits, refused);
  } finally {
    await handle.close();
  }
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function encodingFromBom(b: Buffer): string | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)))
    return 'UTF-16';
  return null;
}

function looksLikeUtf16WithoutBom(b: Buffer): boolean {
  const n = Math.min(b.length, 512);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return n >= 4 && zeros >= n / 4;
}

/** The root element's name (with any prefix) at the start of the text after the prolog. */
const ROOT = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;

/** The text from the first thing that is not the declaration, a comment, a processing instruction or blank. */
function afterProlog(text: string): string {
  let rest = text;
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end === -1) break;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end === -1) break;
      rest = rest.slice(end + 3);
    } else break;
  }
  return rest;
}

/**
 * True when the text, a file's start, reaches past its prolog to a DOCTYPE or a whole root element name (the
 * name followed by more text), so a longer look at the file could not change what {@link sniffXml} says.
 */
function rootWithin(text: string): boolean {
  const rest = afterProlog(text);
  if (rest.length < 10) return false;
  if (/^<!DOCTYPE/i.test(rest)) return true;
  const root = ROOT.exec(rest);
  return root !== null && root[0].length < rest.length;
}

function sniffXml(
  name: string,
  text: string,
  refused: (code: string, message: string, position?: string | null) => SniffResult,
): SniffResult {
  const decl = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(text);
  const declared = decl ? decl[1]!.toLowerCase() : 'utf-8';
  let encoding: TextEncoding;
  if (declared === 'utf-8' || declared === 'utf8') encoding = 'utf-8';
  else if (['iso-8859-1', 'latin1', 'latin-1', 'iso8859-1'].includes(declared)) encoding = 'latin1';
  else if (declared === 'us-ascii' || declared === 'ascii') encoding = 'us-ascii';
  else
    return refused(
      'S-ENCODING',
      `${name} declares encoding ${decl![1]}: save it as UTF-8 and re-import.`,
      'line 1',
    );
  const rest = afterProlog(text);
  if (/^<!DOCTYPE/i.test(rest)) {
    const line = text.slice(0, text.length - rest.length).split('\n').length;
    return refused(
      'S-XML-DTD',
      `${name} line ${line}: the file has a DOCTYPE declaration; cspi never reads DTDs or entities (they can be used to attack the server). Export the file without a DOCTYPE and re-import.`,
      `line ${line}`,
    );
  }
  const root = ROOT.exec(rest);
  if (!root)
    return refused(
      'S-MALFORMED-XML',
      `${name}: no root element found at the start of the file; it is not well-formed XML.`,
      'line 1',
    );
  if (root[2] === 'EXPSSDA903') return { kind: 'ssda903-xml', encoding };
  if (root[2] === 'Message') return { kind: 'cin-xml', encoding };
  return refused(
    'S-XML-UNKNOWN',
    `${name}: root element <${root[2]}> is neither an SSDA903 return (<EXPSSDA903>) nor a CIN census (<Message>); check this is the right file.`,
    'line 1',
  );
}

async function sniffCsv(
  handle: FileHandle,
  name: string,
  size: number,
  head: Buffer,
  start: number,
  limits: IngestLimits,
  refused: (code: string, message: string, position?: string | null) => SniffResult,
): Promise<SniffResult> {
  let buf = head;
  let nl = buf.indexOf(10, start);
  if (nl === -1 && size > buf.length) {
    const more = Buffer.alloc(Math.min(size, limits.maxLineBytes + 1));
    const { bytesRead } = await handle.read(more, 0, more.length, 0);
    buf = more.subarray(0, bytesRead);
    nl = buf.indexOf(10, start);
    if (nl === -1 && bytesRead > limits.maxLineBytes) {
      return refused(
        'S-LINE-TOO-LONG',
        `${name} line 1 is longer than ${formatBytes(limits.maxLineBytes)}: this is not a CSV header row; check the file is the right one.`,
        'line 1',
      );
    }
  }
  const bomStart = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const lineBytes = buf.subarray(bomStart, nl === -1 ? buf.length : nl);
  let line: string;
  try {
    line = new TextDecoder('utf-8', { fatal: true }).decode(lineBytes);
  } catch {
    return refused(
      'S-ENCODING',
      `${name} line 1 is not UTF-8 (the file looks like Latin-1 / Windows-1252): save as 'CSV UTF-8' and re-import.`,
      'line 1',
    );
  }
  let header: string[];
  try {
    const rows = parseCsvSync(line.replace(/\r$/, ''), { relax_column_count: true }) as string[][];
    header = rows[0] ?? [];
  } catch {
    return refused(
      'S-UNRECOGNISED',
      `${name} line 1: the header row is not valid CSV (check quotes); cspi reads comma-separated UTF-8 files with the column names first.`,
      'line 1',
    );
  }
  if (header.length <= 1 && (line.includes(';') || line.includes('\t'))) {
    return refused(
      'S-UNRECOGNISED',
      `${name} line 1: the columns are separated by ${line.includes(';') ? 'semicolons' : 'tabs'}; save it as comma-separated 'CSV UTF-8' and re-import.`,
      'line 1',
    );
  }
  const match = recogniseCsvHeader(name, header);
  if (match.kind === 'refused') return match;
  return { kind: 'csv', match };
}
