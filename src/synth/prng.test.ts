import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from './prng.js';
import { upnFor } from './people.js';
import { collectionYears } from './collection-years.js';
import { day } from './day-calendar.js';

test('the same seed gives the same stream, another seed another', () => {
  const a = new Rng('1:841');
  const b = new Rng('1:841');
  const c = new Rng('2:841');
  const xs = Array.from({ length: 20 }, () => a.next());
  assert.deepEqual(
    xs,
    Array.from({ length: 20 }, () => b.next()),
  );
  assert.notDeepEqual(
    xs,
    Array.from({ length: 20 }, () => c.next()),
  );
  for (const x of xs) assert.ok(x >= 0 && x < 1);
});

test('int stays within bounds and weighted follows weights', () => {
  const r = new Rng('w');
  let ones = 0;
  for (let i = 0; i < 10000; i++) {
    const n = r.int(3, 5);
    assert.ok(n >= 3 && n <= 5);
    if (
      r.weighted([
        ['a', 1],
        ['b', 3],
      ] as const) === 'b'
    )
      ones++;
  }
  assert.ok(ones > 7200 && ones < 7800, `${ones}`);
});

test('UPNs carry the DfE check letter', () => {
  // Check letter: sum of digit × weight (2..13) over the 12 digits, modulo 23, as a letter.
  const upn = upnFor('841', 4001, 15, 123);
  assert.match(upn, /^[A-Z]\d{12}$/);
  const body = upn.slice(1);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  assert.equal(upn[0], 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]);
});

test('collection years end with the one containing the extract date', () => {
  assert.deepEqual(
    collectionYears(day('2022-03-31'), 2).map((y) => y.label),
    ['2020-21', '2021-22'],
  );
  const ys = collectionYears(day('2022-12-31'), 1);
  assert.equal(ys[0]!.label, '2022-23');
  assert.equal(ys[0]!.refDate, day('2022-12-31'));
});
