import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byChild } from './rule.js';

/** The plain grouping byChild must equal: one look-up and one push per record. */
function naiveByChild<T extends { readonly childId: string }>(records: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of records) {
    let list = m.get(r.childId);
    if (!list) m.set(r.childId, (list = []));
    list.push(r);
  }
  return m;
}

test('byChild groups by child id in file order, children in order of first appearance', () => {
  const a1 = { childId: 'A', n: 1 };
  const a2 = { childId: 'A', n: 2 };
  const b1 = { childId: 'B', n: 3 };
  const a3 = { childId: 'A', n: 4 };
  const groups = byChild([a1, a2, b1, a3]);
  assert.deepEqual([...groups.keys()], ['A', 'B']);
  assert.deepEqual(groups.get('A'), [a1, a2, a3]);
  assert.ok(groups.get('A')![0] === a1 && groups.get('A')![2] === a3, 'the records themselves, not copies');
  assert.deepEqual(groups.get('B'), [b1]);
  assert.equal(byChild(undefined).size, 0);
  assert.equal(byChild([]).size, 0);
});

test('byChild equals the record-by-record grouping, runs or not (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D', ''), { maxLength: 60 }), (ids) => {
      const records = ids.map((childId, i) => ({ childId, i }));
      const got = byChild(records);
      const want = naiveByChild(records);
      assert.deepEqual([...got.keys()], [...want.keys()]);
      for (const [k, list] of want) assert.deepEqual(got.get(k), list);
      // Each group is an array of its own: changing one leaves the input alone.
      for (const list of got.values()) list.reverse();
      assert.deepEqual(
        records.map((r) => r.i),
        ids.map((_, i) => i),
      );
    }),
  );
});
