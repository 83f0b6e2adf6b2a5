import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suppressionOf } from './suppression.js';
import { figureCell } from './figure-view.js';

test('counts from 1 to 5 show as fewer than 6; zero and 6 are shown (report.md §6)', () => {
  assert.equal(suppressionOf('count', 0, null), 'none');
  for (let n = 1; n <= 5; n++) assert.equal(suppressionOf('count', n, null), 'fewer-than');
  assert.equal(suppressionOf('count', 6, null), 'none');
  assert.equal(
    figureCell('count', { value: 3, numerator: 3, denominator: null, status: 'ok' }, 'public', false).text,
    '<6',
  );
  assert.equal(
    figureCell('count', { value: 3, numerator: 3, denominator: null, status: 'ok' }, 'full', false).text,
    '3',
  );
});

test('percentages are Small numbers when x, n or n − x is 1 to 5', () => {
  assert.equal(suppressionOf('percent', 3, 40), 'small-numbers', 'numerator');
  assert.equal(suppressionOf('percent', 0, 4), 'small-numbers', 'denominator');
  assert.equal(suppressionOf('percent', 37, 40), 'small-numbers', 'complement 3');
  assert.equal(suppressionOf('percent', 37, 40, { k: 5, complement: false }), 'none', 'complement rule off');
  assert.equal(suppressionOf('percent', 0, 40), 'none', 'zero is shown');
  assert.equal(suppressionOf('percent', 40, 40), 'none', '100%: complement 0 is shown');
  assert.equal(suppressionOf('percent', 160, 200), 'none');
});

test('public cells hide numerator and denominator; full cells show them', () => {
  const f = { value: 80, numerator: 160, denominator: 200, status: 'ok' as const };
  assert.equal(figureCell('percent', f, 'full', true).text, '80.0% (160/200)');
  assert.equal(figureCell('percent', f, 'public', false).text, '80.0%');
  assert.equal(
    figureCell('percent', { value: 75, numerator: 3, denominator: 4, status: 'ok' }, 'public', true).text,
    'Small numbers',
  );
  assert.equal(
    figureCell('percent', { value: null, numerator: 0, denominator: 0, status: 'ok' }, 'full', true).text,
    'No eligible cases',
  );
  assert.equal(
    figureCell(
      'percent',
      { value: null, numerator: null, denominator: null, status: 'annual-only' },
      'full',
      true,
    ).text,
    'Reported annually',
  );
});
