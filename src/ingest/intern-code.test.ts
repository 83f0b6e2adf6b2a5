import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { internCode } from './intern-code.js';

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
