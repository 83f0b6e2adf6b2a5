import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cell, RowFields } from './row-fields.js';
import { FileSink } from './file-sink.js';

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

test('a RowFields moved on to the next row names that row and starts it unrejected, with no child', () => {
  const sink = new FileSink('episodes.csv', new WeakMap());
  const f = new RowFields(sink, 'Episodes', 'line 2', null, null);
  f.childId = '1001';
  f.date('DECOM', '31/02/2021', 'dmy', { required: true });
  assert.equal(f.rejected, true);
  assert.equal(f.nextRow('line 3'), f);
  assert.deepEqual([f.position, f.childId, f.rejected], ['line 3', null, false]);
  f.required('RNE', null);
  assert.deepEqual(
    sink.issues.map((i) => [i.position, i.childId, i.message]),
    [
      [
        'line 2',
        '1001',
        "episodes.csv line 2: DECOM '31/02/2021' is not a real date; this row was not loaded.",
      ],
      ['line 3', null, 'episodes.csv line 3: RNE is blank but required; this row was not loaded.'],
    ],
  );
});
