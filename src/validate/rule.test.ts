import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  byChild,
  childRuns,
  childRunsApart,
  childSpans,
  childSpansByDate,
  childrenById,
  runHeads,
  childRunOrder,
  type ChildSpans,
} from './rule.js';

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

test('childRuns ends each run of consecutive records with one child id, once per table (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('A', 'B', 'C', ''), { maxLength: 60 }), (ids) => {
      const records = ids.map((childId) => ({ childId }));
      const want: number[] = [];
      for (let i = 1; i <= ids.length; i++) if (i === ids.length || ids[i] !== ids[i - 1]) want.push(i);
      const got = childRuns(records);
      assert.deepEqual([...got], want);
      assert.equal(childRuns(records), got, 'computed once per table array');
    }),
  );
  assert.deepEqual(
    [...childRuns([{ childId: 'A' }, { childId: 'A' }, { childId: 'B' }, { childId: 'A' }])],
    [2, 3, 4],
  );
});

test('childRunsApart is true exactly when a child id comes back after another, sorted or not (property)', () => {
  const id = fc.constantFrom('1', '2', '9', '10', '11', '100', 'A', '');
  fc.assert(
    fc.property(fc.array(id, { maxLength: 40 }), fc.constantFrom('file', 'text', 'number'), (ids, order) => {
      const sorted =
        order === 'text'
          ? [...ids].sort()
          : order === 'number'
            ? [...ids].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
            : ids;
      const records = sorted.map((childId) => ({ childId }));
      const runIds = sorted.filter((x, i) => i === 0 || sorted[i - 1] !== x);
      const want = new Set(runIds).size !== runIds.length;
      assert.equal(childRunsApart(records), want);
      if (order !== 'file') assert.equal(want, false);
    }),
    { numRuns: 500 },
  );
  assert.equal(childRunsApart([{ childId: '2' }, { childId: '10' }, { childId: '2' }]), true);
  assert.equal(childRunsApart([{ childId: '2' }, { childId: '10' }, { childId: '9' }]), false);
});

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

/** The spans as one list per child. */
function spanLists<T>({ records, ends }: ChildSpans<T>): T[][] {
  const out: T[][] = [];
  let from = 0;
  for (const to of ends) {
    out.push(records.slice(from, to));
    from = to;
  }
  return out;
}

test('childSpans are the byChild groups one after another; a table whose children are together is kept (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('A', 'B', 'C', '10', '9'), { maxLength: 60 }),
      fc.boolean(),
      (ids, sort) => {
        const records = (sort ? [...ids].sort() : ids).map((childId, i) => ({ childId, i }));
        const spans = childSpans(records);
        assert.deepEqual(spanLists(spans), [...byChild(records).values()]);
        if (!childRunsApart(records)) assert.equal(spans.records, records, 'the table itself, not a copy');
        assert.equal(childSpans(records), spans, 'computed once per table');
      },
    ),
    { numRuns: 300 },
  );
  assert.deepEqual(spanLists(childSpans(undefined)), []);
});

test('childSpansByDate orders each child by the field, stably; in-order spans are shared (property)', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          childId: fc.constantFrom('A', 'B', 'C'),
          d: fc.constantFrom('2021-01', '2021-02', '2021-03'),
        }),
        {
          maxLength: 40,
        },
      ),
      (rows) => {
        const records = rows.map((r, i) => ({ ...r, i }));
        const got = childSpansByDate(records, 'd');
        const want = [...byChild(records).values()].map((list) =>
          [...list].sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i)),
        );
        assert.deepEqual(spanLists(got), want);
        const inOrder = want.every((l, k) => l.every((r, i) => r === spanLists(childSpans(records))[k]![i]));
        if (inOrder) assert.equal(got, childSpans(records), 'the file-order spans, not a copy');
        assert.equal(childSpansByDate(records, 'd'), got, 'computed once per table and field');
        assert.deepEqual(
          records.map((r) => r.i),
          rows.map((_, i) => i),
          'the table is left alone',
        );
      },
    ),
  );
});

/** The ids in file order, sorted as text, or sorted as numbers (shorter first). */
function ordered(ids: readonly string[], order: 'file' | 'text' | 'number'): string[] {
  if (order === 'text') return [...ids].sort();
  if (order === 'number') return [...ids].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return [...ids];
}

test('runHeads gives each run the child record childrenById finds, once per table and children array (property)', () => {
  const id = fc.constantFrom('1', '2', '9', '10', '11', 'A');
  const order = fc.constantFrom('file', 'text', 'number') as fc.Arbitrary<'file' | 'text' | 'number'>;
  fc.assert(
    fc.property(
      fc.array(id, { maxLength: 30 }),
      order,
      fc.array(id, { maxLength: 6 }),
      order,
      fc.boolean(),
      (ids, idOrder, heads, headOrder, unique) => {
        const records = ordered(ids, idOrder).map((childId) => ({ childId }));
        const headIds = ordered(unique ? [...new Set(heads)] : heads, headOrder);
        const children = headIds.map((childId, n) => ({ childId, n }));
        const got = runHeads(records, children);
        const byId = childrenById(children);
        const starts = [0, ...childRuns(records)].slice(0, -1);
        assert.deepEqual(
          got,
          starts.map((i) => byId.get(records[i]!.childId)),
        );
        assert.equal(runHeads(records, children), got, 'computed once');
        const other = [...children].reverse();
        assert.deepEqual(
          runHeads(records, other),
          starts.map((i) => childrenById(other).get(records[i]!.childId)),
          'another children array is looked up afresh',
        );
      },
    ),
    { numRuns: 1000 },
  );
});

test('childRunOrder names the orders the run ids strictly increase in', () => {
  const order = (...ids: string[]) => childRunOrder(ids.map((childId) => ({ childId })));
  assert.equal(order('1', '1', '2', '3'), 3);
  assert.equal(order('9', '10', '11'), 2);
  assert.equal(order('10', '9'), 1);
  assert.equal(order('2', '10', '2'), 0);
  assert.equal(order(), 3);
});
