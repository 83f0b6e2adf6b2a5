import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linePath } from './chart.js';

const values = (...vs: (number | null)[]) => vs.map((value) => ({ value }));
const path = (...vs: (number | null)[]) =>
  linePath(
    values(...vs),
    (i) => 10 * i,
    (v) => v / 3,
  );

test('a chart line joins the points with a value and breaks at a missing one, never bridging it', () => {
  assert.equal(path(3, 6, 9), 'M0 1L10 2L20 3');
  assert.equal(path(3, null, 9, 12), 'M0 1M20 3L30 4');
  assert.equal(path(null, 3, null), 'M10 1');
  assert.equal(path(null, null), '');
  assert.equal(path(), '');
});

test('a chart line rounds its coordinates to one decimal place', () => {
  assert.equal(path(1, 2), 'M0 0.3L10 0.7');
});
