import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { internCode, internCodeAt } from './intern-code.js';

test('internCode is toUpperCase, for any cell, however many distinct cells were seen', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 8 }), (cell) => {
      assert.equal(internCode(cell), cell.toUpperCase());
    }),
    { numRuns: 2000 },
  );
  for (const cell of ['c2', 'C2', 'ß', 'SS', 'ﬀ', 'é1']) assert.equal(internCode(cell), cell.toUpperCase());
  // Past the cap new cells are still upper-cased, just not kept.
  for (let i = 0; i < 60_000; i++) assert.equal(internCode(`x${i}`), `X${i}`);
  assert.equal(internCode('k2'), 'K2');
});

test('internCodeAt gives what internCode gives for the cell trimmed (blank = null), in place in any text (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), fc.nat(12), fc.nat(12), (text, x, y) => {
      const start = Math.min(x, y, text.length);
      const end = Math.min(Math.max(x, y), text.length);
      const t = text.slice(start, end).trim();
      assert.equal(internCodeAt(text, start, end), t === '' ? null : internCode(t));
    }),
    { numRuns: 3000 },
  );
  const cells = ['k9', 'K9', ' k9', 'k9 ', '\u00e9', 'AB1 2CD'];
  const codes = cells.map((c) => internCodeAt(`,${c},`, 1, c.length + 1));
  assert.deepEqual(codes, ['K9', 'K9', 'K9', 'K9', '\u00c9', 'AB1 2CD']);
  assert.ok(Object.is(codes[0], codes[1]) && Object.is(codes[0], codes[2]));
  // Past the cap new cells are still upper-cased, just not kept.
  for (let i = 0; i < 60_000; i++) assert.equal(internCodeAt(`,y${i},`, 1, `y${i}`.length + 1), `Y${i}`);
  assert.equal(internCodeAt('q7', 0, 2), 'Q7');
});
