import { test } from 'node:test';
import assert from 'node:assert/strict';
import { includesZero, newcombe, type DifferenceInterval } from './newcombe.js';
import { wilson } from './wilson.js';

const pts = (r: DifferenceInterval) => [r.lower, r.upper].map((v) => Math.round(v * 1000) / 10);
const significantChange = (x1: number, n1: number, x2: number, n2: number): boolean =>
  !includesZero(newcombe(x1, n1, x2, n2)!);

test('16/20 → 14/20 gives −34.9 to +16.6 points (report.md §4)', () => {
  assert.deepEqual(pts(newcombe(16, 20, 14, 20)!), [-34.9, 16.6]);
  assert.equal(significantChange(16, 20, 14, 20), false);
});

test('assessments 164/192 last year against 160/200 now gives −12.9 to +2.1 points (report.md §5 example 6)', () => {
  assert.deepEqual(pts(newcombe(164, 192, 160, 200)!), [-12.9, 2.1]);
});

test('at around 410 per period the same fall is significant ("lower than")', () => {
  assert.equal(significantChange(350, 410, 328, 410), true);
});

test('the Wilson interval stays inside [0, 1] at 0 and 100 per cent', () => {
  const { lower: lo0, upper: hi0 } = wilson(0, 5)!;
  const { lower: lo1, upper: hi1 } = wilson(5, 5)!;
  assert.equal(lo0, 0);
  assert.ok(hi0 > 0 && hi0 < 1);
  assert.ok(lo1 > 0 && Math.abs(hi1 - 1) < 1e-12);
});
