import { isUtf8 } from 'node:buffer';
import { refuse } from './refusal.js';

/** Which bytes-to-text decoding a file uses: UTF-8 (the rule) or, for XML declaring it, Latin-1 / US-ASCII. */
export type TextEncoding = 'utf-8' | 'latin1' | 'us-ascii';

export interface CheckedDecoderOptions {
  readonly file: string;
  readonly encoding: TextEncoding;
  /** Longest line allowed in bytes (CSV); Infinity for none (XML). */
  readonly maxLineBytes: number;
  /** What the file is, for how a refusal says to fix it (default CSV: "save it as 'CSV UTF-8'"). */
  readonly form?: 'csv' | 'xml';
}

/**
 * Turns a file's byte chunks into text while checking it (inputs.md §6 `S-ENCODING`, `S-LINE-TOO-LONG`):
 * invalid UTF-8 is refused naming the line, and so is a line longer than the limit. Lines are counted
 * as it goes, so memory stays flat whatever the file size.
 */
export class CheckedDecoder {
  private line = 1;
  private lineBytes = 0;
  /** Bytes of a UTF-8 sequence cut by the chunk boundary, kept for the next chunk. */
  private carry: Buffer | null = null;
  private first = true;

  constructor(private readonly options: CheckedDecoderOptions) {}

  /** Decodes one chunk (a trailing partial UTF-8 sequence is kept for the next). */
  write(chunk: Buffer): string {
    this.countLines(chunk);
    if (this.options.encoding !== 'utf-8') return this.decodeSingleByte(chunk);
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeLength(buf);
    const body = cut === buf.length ? buf : buf.subarray(0, cut);
    this.carry = cut === buf.length ? null : Buffer.from(buf.subarray(cut));
    // Node's native validator and decoder: several times faster than a fatal TextDecoder.
    if (!isUtf8(body)) return this.failUtf8(body);
    let text = body.toString('utf8');
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }

  /** Ends the input (a cut-off UTF-8 sequence is an encoding error). */
  end(): string {
    if (this.carry === null) return '';
    return refuse(
      'S-ENCODING',
      this.options.file,
      `line ${this.line}`,
      `${this.options.file} line ${this.line}: the file ends inside a character, so it is not valid UTF-8: save it as UTF-8 and re-import.`,
    );
  }

  /** Current line number (1-based) after the bytes written so far. */
  get currentLine(): number {
    return this.line;
  }

  private countLines(chunk: Buffer): void {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const end = nl === -1 ? chunk.length : nl;
      this.lineBytes += end - from;
      if (this.lineBytes > this.options.maxLineBytes) {
        refuse(
          'S-LINE-TOO-LONG',
          this.options.file,
          `line ${this.line}`,
          `${this.options.file} line ${this.line} is longer than ${formatBytes(this.options.maxLineBytes)}: this is not a data row; check the file is the right one and re-export it.`,
        );
      }
      if (nl === -1) return;
      this.line += 1;
      this.lineBytes = 0;
      from = nl + 1;
    }
  }

  private decodeSingleByte(chunk: Buffer): string {
    if (this.options.encoding === 'us-ascii') {
      const bad = chunk.findIndex((b) => b > 127);
      if (bad !== -1) {
        refuse(
          'S-ENCODING',
          this.options.file,
          null,
          `${this.options.file} declares US-ASCII but holds byte 0x${chunk[bad]!.toString(16)}: save it as UTF-8 and re-import.`,
        );
      }
    }
    return chunk.toString('latin1');
  }

  private failUtf8(chunk: Buffer): never {
    const at = firstInvalidUtf8(chunk);
    const line = this.lineAt(chunk, at);
    return refuse(
      'S-ENCODING',
      this.options.file,
      `line ${line}`,
      `${this.options.file} line ${line} is not UTF-8 (byte 0x${(chunk[at] ?? 0).toString(16)}; the file looks like Latin-1 / Windows-1252): ${
        this.options.form === 'xml'
          ? 'export it again as UTF-8, or declare its encoding in its first line (<?xml version="1.0" encoding="ISO-8859-1"?>), and re-import.'
          : "save it as 'CSV UTF-8' and re-import."
      }`,
    );
  }

  /** Line number of a byte offset of the chunk just counted. */
  private lineAt(chunk: Buffer, at: number): number {
    let after = 0;
    for (let i = Math.max(0, at); i < chunk.length; i++) if (chunk[i] === 10) after++;
    return this.line - after;
  }
}

/** Bytes read from disk at a time: large reads cost fewer system calls. */
export const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Bytes decoded into one string at a time. V8 puts a string over ~128 KiB in its large-object space, which
 * costs far more per byte to allocate and free than the 64 KiB pieces (measured ~170 MB/s against GB/s).
 */
export const TEXT_PIECE_BYTES = 64 * 1024;

/**
 * Decodes a chunk read from disk as pieces of at most {@link TEXT_PIECE_BYTES}, handing each to `take`.
 * @example decodePieces(decoder, chunk, (text) => reader.push(text))
 */
export function decodePieces(decoder: CheckedDecoder, chunk: Buffer, take: (text: string) => void): void {
  if (chunk.length <= TEXT_PIECE_BYTES) {
    take(decoder.write(chunk));
    return;
  }
  for (let at = 0; at < chunk.length; at += TEXT_PIECE_BYTES)
    take(decoder.write(chunk.subarray(at, at + TEXT_PIECE_BYTES)));
}

/** Length of the buffer up to the end of its last complete UTF-8 sequence. */
function completeLength(b: Buffer): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 4; i--) {
    const c = b[i]!;
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return b.length - i < need ? i : b.length;
    }
  }
  return b.length;
}

/** Offset of the first byte that breaks UTF-8 in a chunk (a sequence cut off at the end counts as valid). */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return Math.min(i, b.length - 1);
      const cc = b[i + k]!;
      if (cc < 0x80 || cc > 0xbf) return i;
    }
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

/** `1 MiB`, `2 GiB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
