import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { type Fig, makeResult } from '../fixtures/make-result.js';
import { noSuppression } from '../public/suppression.js';
import type { IndicatorView } from './indicator-view.js';
import { sparklineOf } from './sparkline.js';

/** The scorecard view of ICPC timeliness in Q3 2021/22 with this 8-quarter trend (Q4 2019/20 first). */
function view(trend: readonly Fig[]): IndicatorView {
  const entry = FAKE_CATALOGUE.find((e) => e.id === 'icpc-15wd')!;
  const result = makeResult(entry, '2021-22-Q3', { current: trend[7]!, previous: trend[6]!, trend });
  return { ref: 1, entry, result, plan: noSuppression(result), commentary: null, restated: new Map() };
}

test('trend alt text (report.md §3): a rise names both ends', () => {
  const alt = sparklineOf(
    view([
      [712, 1000],
      [72, 100],
      [73, 100],
      [74, 100],
      [75, 100],
      [76, 100],
      [78, 100],
      [80, 100],
    ]),
  ).alt;
  assert.equal(alt, 'Rose from 71.2% in Q4 2019/20 to 80.0% in Q3 2021/22');
});

test('trend alt text: a trend that ends where it began but moved between says so, with its range', () => {
  // 80% in Q4 2019/20 and in Q3 2021/22, 65% to 90% between: not "Unchanged".
  const alt = sparklineOf(
    view([
      [80, 100],
      [90, 100],
      [85, 100],
      [65, 100],
      [70, 100],
      [75, 100],
      [78, 100],
      [80, 100],
    ]),
  ).alt;
  assert.equal(
    alt,
    'Ended where it began, at 80.0% in Q4 2019/20 and Q3 2021/22, having ranged from 65.0% to 90.0%',
  );
});

test('trend alt text: "Unchanged" only when every quarter shown had the same figure', () => {
  const flat: Fig[] = Array.from({ length: 8 }, () => [80, 100] as const);
  assert.equal(sparklineOf(view(flat)).alt, 'Unchanged at 80.0% from Q4 2019/20 to Q3 2021/22');
});
