import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyChunks, copyValue } from './pg-copy.js';

test('COPY text escapes backslash, tab, newline and carriage return, and writes null as \\N', () => {
  assert.equal(copyValue('plain'), 'plain');
  assert.equal(copyValue('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
  assert.equal(copyValue('\\N'), '\\\\N');
  assert.equal(copyValue(null), '\\N');
  assert.equal(copyValue(undefined), '\\N');
  assert.equal(copyValue(''), '');
  assert.equal(copyValue(-2.5), '-2.5');
  assert.equal(copyValue(12n), '12');
  assert.equal(copyValue(true), '1');
  assert.equal(copyValue(false), '0');
  assert.equal(copyValue(new Date('2022-03-31T10:00:00Z')), '2022-03-31T10:00:00.000Z');
  assert.equal(copyValue(Buffer.from('x')), undefined);
});

test('rows become tab-separated lines in chunks, none split; a value COPY cannot carry gives undefined', () => {
  const rows = Array.from({ length: 10 }, (_, i) => [i, `v${i}`, null]);
  const chunks = copyChunks(rows, 3, 20)!;
  assert.ok(chunks.length > 1);
  assert.ok(chunks.every((c) => c.endsWith('\n')));
  assert.equal(chunks.join(''), rows.map((r) => `${r[0]}\t${r[1]}\t\\N\n`).join(''));
  assert.equal(copyChunks([[1, { a: 1 }]], 2), undefined);
  assert.throws(() => copyChunks([[1]], 2), RangeError);
});
