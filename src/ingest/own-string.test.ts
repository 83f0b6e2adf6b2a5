import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownString } from './own-string.js';
import { cell } from './row-fields.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes still held by what `keep` returns from 200 texts of 64 KiB, each cut to a 14-character value. */
function heldAfterCutting(keep: (value: string) => string | null): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: (string | null)[] = [];
  for (let i = 0; i < 200; i++) {
    const text = `${String(i).padStart(6, '0')}${'x'.repeat(65536)}`;
    kept.push(keep(text.slice(6, 20)));
  }
  gc();
  const held = process.memoryUsage().heapUsed - before;
  assert.equal(kept[199], 'x'.repeat(14));
  return held;
}

describe('ownString', () => {
  it('gives the same text', () => {
    assert.equal(ownString('A123456789012'), 'A123456789012');
    assert.equal(ownString('short'), 'short');
    assert.equal(ownString(''), '');
  });

  it('lets the text a long value was cut from go (200 × 64 KiB texts, 14 characters kept from each)', () => {
    // Views into the texts would hold about 13 MB; 200 strings of their own are a few kilobytes.
    const held = heldAfterCutting(ownString);
    assert.ok(held < 1_000_000, `${held} bytes held`);
  });

  it('is what a CSV cell is (blank → null, trimmed, then a string of its own)', () => {
    assert.equal(cell('  '), null);
    assert.equal(cell(' A123456789012 '), 'A123456789012');
    const held = heldAfterCutting(cell);
    assert.ok(held < 1_000_000, `${held} bytes held`);
  });
});
