import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartScale, linePath, trendChart } from './chart.js';

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

test('a chart axis runs between round numbers with round ticks, thousands separated', () => {
  assert.deepEqual(chartScale('percent', [72.9, 90]), { lo: 60, hi: 100, ticks: [60, 70, 80, 90, 100] });
  assert.deepEqual(chartScale('percent', [3.1, 12.6]), { lo: 0, hi: 20, ticks: [0, 5, 10, 15, 20] });
  assert.deepEqual(chartScale('percent', [40, 60]).ticks, [30, 40, 50, 60, 70]);
  // Children missing from care, 15 to 26 a quarter: round ticks (not 8, 12, 16, 21, 25, 29), from zero.
  assert.deepEqual(chartScale('count', [15, 26]), { lo: 0, hi: 30, ticks: [0, 10, 20, 30] });
  assert.deepEqual(chartScale('count', [0, 0]).ticks, [0, 1]);
  assert.deepEqual(chartScale('count', [2, 3]).ticks, [0, 1, 2, 3, 4]);
  // Every value lies on the axis.
  const cases = [
    ['percent', [0.4, 99.6]],
    ['percent', [12, 13]],
    ['percent', [50, 50]],
    ['count', [0, 1234]],
    ['count', [12, 13]],
    ['count', [82170, 82170]],
  ] as const;
  for (const [unit, vs] of cases) {
    const s = chartScale(unit, vs);
    assert.ok(s.lo <= Math.min(...vs) && s.hi >= Math.max(...vs), `${unit} ${vs}`);
    if (unit === 'count') assert.equal(s.lo, 0, `a count's axis starts at zero: ${vs}`);
    assert.ok(s.ticks.length >= 2 && s.ticks.length <= 7, `${unit} ${vs}: ${s.ticks}`);
    assert.equal(s.ticks[0], s.lo);
    assert.equal(s.ticks.at(-1), s.hi);
  }
  const svg = trendChart(
    'count',
    [{ period: '2021-22-Q4', value: 1234, ci95: null, target: null, tolerance: null }],
    null,
    'none',
    'x',
  );
  assert.match(svg, />1,000</, 'a tick of a thousand or more has its separator');
});

// Children in care moving between 285 and 305 were drawn on an axis from 280 to 310, so a change of 20 children
// (7%) filled the chart's height. A count's axis starts at zero; a percentage's stays near its values.
test("a count's trend chart starts its axis at zero, so a small change is not drawn as a large one", () => {
  assert.deepEqual(chartScale('count', [285, 305]), { lo: 0, hi: 400, ticks: [0, 100, 200, 300, 400] });
  const points = [285, 291, 298, 305].map((value, i) => ({
    period: `2021-22-Q${i + 1}`,
    value,
    ci95: null,
    target: null,
    tolerance: null,
  }));
  const svg = trendChart('count', points, null, 'none', 'Children in care');
  const ticks = [...svg.matchAll(/class="app-chart__tick">([\d,]+)</g)].map((m) => m[1]);
  assert.equal(ticks[0], '0');
  // The line's height is 20 children of the axis's 400: a twentieth of the plot, not all of it.
  const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
  const plot = 300 - 16 - 40;
  assert.ok((Math.max(...ys) - Math.min(...ys)) / plot < 0.06, `${ys}`);
  // A percentage keeps an axis near its values (its tolerance band and labels give the size of a change).
  assert.deepEqual(chartScale('percent', [72.9, 90]).lo, 60);
});
