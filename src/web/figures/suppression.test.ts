import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicRuleOf, suppressionOf } from './suppression.js';
import { DEFAULT_SUPPRESSION } from '../../report/public/suppression.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';

const K5 = DEFAULT_SUPPRESSION;
import { figureCell } from './figure-view.js';

test('counts from 1 to 5 show as fewer than 6; zero and 6 are shown (report.md §6)', () => {
  assert.equal(suppressionOf('count', 0, null, K5), 'none');
  for (let n = 1; n <= 5; n++) assert.equal(suppressionOf('count', n, null, K5), 'fewer-than');
  assert.equal(suppressionOf('count', 6, null, K5), 'none');
  assert.equal(
    figureCell('count', { value: 3, numerator: 3, denominator: null, status: 'ok' }, 'public', false, K5)
      .text,
    '<6',
  );
  assert.equal(
    figureCell('count', { value: 3, numerator: 3, denominator: null, status: 'ok' }, 'full', false, K5).text,
    '3',
  );
});

test('percentages are Small numbers when x, n or n − x is 1 to 5', () => {
  assert.equal(suppressionOf('percent', 3, 40, K5), 'small-numbers', 'numerator');
  assert.equal(suppressionOf('percent', 0, 4, K5), 'small-numbers', 'denominator');
  assert.equal(suppressionOf('percent', 37, 40, K5), 'small-numbers', 'complement 3');
  assert.equal(suppressionOf('percent', 37, 40, { k: 5, complement: false }), 'none', 'complement rule off');
  assert.equal(suppressionOf('percent', 0, 40, K5), 'none', 'zero is shown');
  assert.equal(suppressionOf('percent', 40, 40, K5), 'none', '100%: complement 0 is shown');
  assert.equal(suppressionOf('percent', 160, 200, K5), 'none');
});

test('public cells hide numerator and denominator; full cells show them', () => {
  const f = { value: 80, numerator: 160, denominator: 200, status: 'ok' as const };
  assert.equal(figureCell('percent', f, 'full', true, K5).text, '80.0% (160/200)');
  assert.equal(figureCell('percent', f, 'public', false, K5).text, '80.0%');
  assert.equal(
    figureCell('percent', { value: 75, numerator: 3, denominator: 4, status: 'ok' }, 'public', true, K5).text,
    'Small numbers',
  );
  assert.equal(
    figureCell('percent', { value: null, numerator: 0, denominator: 0, status: 'ok' }, 'full', true, K5).text,
    'No eligible cases',
  );
  assert.equal(
    figureCell(
      'percent',
      { value: null, numerator: null, denominator: null, status: 'annual-only' },
      'full',
      true,
      K5,
    ).text,
    'Reported annually',
  );
});

test('the public rule follows the settings: suppression.k and suppression.complement, default k = 5', () => {
  assert.deepEqual(publicRuleOf(DEFAULT_SETTINGS), { k: 5, complement: true });
  const k10 = publicRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.k': 10 } });
  assert.deepEqual(k10, { k: 10, complement: true });
  assert.deepEqual(publicRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.complement': false } }), {
    k: 5,
    complement: false,
  });
  assert.deepEqual(
    publicRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.k': 0 } }),
    { k: 5, complement: true },
    'a rule that cannot be used falls back to the default, as the drafts do',
  );
  const eight = { value: 8, numerator: 8, denominator: null, status: 'ok' as const };
  assert.equal(figureCell('count', eight, 'public', false, K5).text, '8');
  assert.equal(figureCell('count', eight, 'public', false, k10).text, '<11');
});
