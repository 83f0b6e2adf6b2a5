import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentPoints, wilson } from './wilson.js';
import { includesZero, newcombe } from './newcombe.js';

const close = (a: number, b: number, eps = 5e-5) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test('Wilson 95% interval: published values', () => {
  // 16/20: 0.5840 to 0.9193 (Newcombe 1998 style worked values).
  const a = wilson(16, 20)!;
  close(a.lower, 0.584);
  close(a.upper, 0.9193);
  // 0/10 stays inside [0, 1]: 0 to 0.2775.
  const z = wilson(0, 10)!;
  assert.equal(z.lower, 0);
  close(z.upper, 0.2775);
  const f = wilson(10, 10)!;
  close(f.lower, 0.7225);
  assert.equal(f.upper, 1);
  assert.equal(wilson(0, 0), null);
});

test('report.md §4: 16/20 → 14/20 gives −34.9 to +16.6 points, no significant change', () => {
  const c = newcombe(16, 20, 14, 20)!;
  assert.equal(Math.round(c.lower * 1000) / 10, -34.9);
  assert.equal(Math.round(c.upper * 1000) / 10, 16.6);
  assert.ok(includesZero(c));
});

test('report.md §5 example 6: 164/192 → 160/200 gives −12.9 to +2.1 points', () => {
  const c = newcombe(164, 192, 160, 200)!;
  assert.equal(Math.round(c.lower * 1000) / 10, -12.9);
  assert.equal(Math.round(c.upper * 1000) / 10, 2.1);
  assert.ok(includesZero(c));
  // At about 410 per period the same proportions differ significantly ("lower than").
  const big = newcombe(350, 410, 328, 410)!;
  assert.ok(!includesZero(big));
});

test('percentPoints: each end in percentage points to one decimal place, the ends of 0/n and n/n exact', () => {
  assert.deepEqual(percentPoints(wilson(16, 20)!), [58.4, 91.9]);
  assert.deepEqual(percentPoints(wilson(160, 200)!), [73.9, 85]);
  assert.deepEqual(percentPoints(wilson(0, 11)!), [0, 25.9]);
  assert.deepEqual(percentPoints(wilson(31, 31)!), [89, 100]);
});
