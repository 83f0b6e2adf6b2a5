import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trendAltText } from './figure-view.js';

const points = (values: readonly (number | null)[]) =>
  values.map((value, i) => ({ period: ['2021-22-Q1', '2021-22-Q2', '2021-22-Q3', '2021-22-Q4'][i]!, value }));

test("the dashboard's trend alt text is the report's (report.md §3): a rise or fall names both ends", () => {
  assert.equal(
    trendAltText('percent', points([71.2, 75, 80])),
    'Rose from 71.2% in Q1 2021/22 to 80.0% in Q3 2021/22',
  );
  assert.equal(
    trendAltText('count', points([284, 280, 271])),
    'Fell from 284 in Q1 2021/22 to 271 in Q3 2021/22',
  );
});

test('the dashboard does not call a trend that moved and came back "Unchanged": it gives the range', () => {
  assert.equal(
    trendAltText('count', points([271, 300, null, 271])),
    'Ended where it began, at 271 in Q1 2021/22 and Q4 2021/22, having ranged from 271 to 300',
  );
  assert.equal(
    trendAltText('count', points([271, 271, 271])),
    'Unchanged at 271 from Q1 2021/22 to Q3 2021/22',
  );
});
