import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CheckedDecoder, TEXT_PIECE_BYTES, decodePieces, firstInvalidUtf8 } from './checked-decoder.js';
import { Refusal } from './refusal.js';

function decodeInChunks(bytes: Buffer, size: number): string {
  const d = new CheckedDecoder({ file: 'x.csv', encoding: 'utf-8', maxLineBytes: 1000 });
  let out = '';
  for (let i = 0; i < bytes.length; i += size) out += d.write(bytes.subarray(i, i + size));
  return out + d.end();
}

describe('CheckedDecoder', () => {
  it('decodes multi-byte characters split across chunks of any size', () => {
    const text = 'Renée, Zoë — 😀 café\n'.repeat(5);
    for (const size of [1, 2, 3, 5, 7, 64]) assert.equal(decodeInChunks(Buffer.from(text), size), text);
  });

  it('decodes a large chunk as pieces of at most 64 KiB, characters cut at a piece boundary kept whole', () => {
    // 'é' is 2 bytes: with an odd prefix, one straddles every 64 KiB boundary.
    const text = 'x' + 'é'.repeat(TEXT_PIECE_BYTES * 1.5) + '\n';
    const d = new CheckedDecoder({ file: 'x.xml', encoding: 'utf-8', maxLineBytes: Infinity });
    const pieces: string[] = [];
    decodePieces(d, Buffer.from(text), (t) => pieces.push(t));
    assert.equal(pieces.join('') + d.end(), text);
    assert.equal(pieces.length, Math.ceil(Buffer.byteLength(text) / TEXT_PIECE_BYTES));
    for (const p of pieces) assert.ok(Buffer.byteLength(p) <= TEXT_PIECE_BYTES);
  });

  it("tells an XML file's reader how to fix Windows-1252 bytes in XML terms, a CSV's in CSV terms", () => {
    // A newcomer with a CIN census XML was told to save it as 'CSV UTF-8'.
    const bytes = Buffer.from('<Message>\n<LEA>Ren\xe9e</LEA>\n', 'latin1');
    const message = (file: string, form?: 'xml'): string => {
      const d = new CheckedDecoder({
        file,
        encoding: 'utf-8',
        maxLineBytes: Infinity,
        ...(form ? { form } : {}),
      });
      try {
        d.write(bytes);
      } catch (e) {
        if (e instanceof Refusal) return e.issue.message;
      }
      return 'not refused';
    };
    assert.equal(
      message('cin.xml', 'xml'),
      'cin.xml line 2 is not UTF-8 (byte 0xe9; the file looks like Latin-1 / Windows-1252): export it again as UTF-8, or declare its encoding in its first line (<?xml version="1.0" encoding="ISO-8859-1"?>), and re-import.',
    );
    assert.equal(
      message('x.csv'),
      "x.csv line 2 is not UTF-8 (byte 0xe9; the file looks like Latin-1 / Windows-1252): save it as 'CSV UTF-8' and re-import.",
    );
  });

  it('names the right line of bad UTF-8 in a later piece of a chunk', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `row ${i}`);
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from('Ren\xe9e\n', 'latin1')]);
    const d = new CheckedDecoder({ file: 'x.csv', encoding: 'utf-8', maxLineBytes: 1000 });
    assert.ok(bytes.length > 2 * TEXT_PIECE_BYTES);
    assert.throws(
      () => decodePieces(d, bytes, () => {}),
      (e: unknown) => e instanceof Refusal && /^x\.csv line 20001 is not UTF-8/.test(e.issue.message),
    );
  });

  it('drops a leading byte-order mark', () => {
    assert.equal(decodeInChunks(Buffer.from('\ufeffCHILD\n'), 2), 'CHILD\n');
  });

  it('refuses Latin-1 bytes naming the line', () => {
    const bytes = Buffer.from('a\nb\nRen\xe9e\n', 'latin1');
    assert.throws(
      () => decodeInChunks(bytes, 4),
      (e: unknown) =>
        e instanceof Refusal &&
        e.issue.code === 'S-ENCODING' &&
        /^x\.csv line 3 is not UTF-8/.test(e.issue.message),
    );
  });

  it('refuses a file ending inside a character', () => {
    assert.throws(
      () => decodeInChunks(Buffer.from([0x61, 0xc3]), 8),
      (e: unknown) => e instanceof Refusal && /ends inside a character/.test(e.issue.message),
    );
  });

  it('refuses a line over the limit', () => {
    const d = new CheckedDecoder({ file: 'x.csv', encoding: 'utf-8', maxLineBytes: 10 });
    assert.throws(
      () => d.write(Buffer.from('short\n0123456789ABC\n')),
      (e: unknown) =>
        e instanceof Refusal && e.issue.code === 'S-LINE-TOO-LONG' && e.issue.position === 'line 2',
    );
  });

  it('finds the first invalid byte', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('ab\xe9cd', 'latin1')), 2);
  });
});
