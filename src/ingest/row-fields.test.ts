import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cell } from './row-fields.js';

/** The cell as first written: trimmed, blank = null. */
function trimmed(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const t = raw.trim();
  return t === '' ? null : t;
}

test('cell trims (Unicode white space too) and reads blank as null, like trim()', () => {
  const chars = fc.constantFrom(
    'a',
    'Z',
    '1',
    '~',
    '!',
    ' ',
    '\t',
    '\r',
    '\u00a0',
    '\u2003',
    '\ufeff',
    'é',
    '/',
  );
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 6 }), (cs) => {
      const raw = cs.join('');
      assert.equal(cell(raw), trimmed(raw));
    }),
    { numRuns: 3000 },
  );
  for (const raw of [undefined, '', ' ', 'C2', ' C2', 'C2\u00a0', '\u2003x\u2003'])
    assert.equal(cell(raw), trimmed(raw));
});
