import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keyRepeats, repeatsByKey } from './dup-keys.js';
import type { StagedTableKey } from '../rule.js';

const childIds = fc.constantFrom('C1', 'C2', 'C10', 'C1/2', 'A', 'A/B');
const parts = fc.constantFrom('2021-04-01', '2021-05-01', 'B/C', 'C', '');

test('keyRepeats finds the same repeats, in file order, as one map of every key', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(childIds, parts, fc.boolean()), { maxLength: 60 }),
      fc.constantFrom<StagedTableKey>('episodes', 'children', 'referrals'),
      (rows, table) => {
        const records = rows.map(([childId, part, bare], i) => ({
          childId,
          id: bare ? childId : `${childId}/${part}`,
          n: i,
        }));
        assert.deepEqual(keyRepeats(table, records), repeatsByKey(table, records));
        // Each child's records together (as a CIN return lists them): found run by run, same answer.
        const together = [...records].sort((a, b) =>
          a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0,
        );
        assert.deepEqual(keyRepeats(table, together), repeatsByKey(table, together));
      },
    ),
    { numRuns: 500 },
  );
});

test('keyRepeats within one child: the first record of a key is named, also past 32 records a child', () => {
  const many = Array.from({ length: 40 }, (_, i) => ({ childId: 'C1', id: `C1/${i % 30}` }));
  const records = [{ childId: 'C2', id: 'C2/0' }, ...many, { childId: 'C2', id: 'C2/0' }];
  const got = keyRepeats('episodes', records);
  assert.deepEqual(
    got.map((r) => [records.indexOf(r.first as never), records.indexOf(r.record as never)]),
    [...Array.from({ length: 10 }, (_, i) => [1 + i, 31 + i]), [0, 41]],
  );
});
