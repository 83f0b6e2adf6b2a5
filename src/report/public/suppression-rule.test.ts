import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import { suppressionRuleOf } from './suppression-rule.js';

const withVariants = (variants: Record<string, string | number | boolean>) => ({
  ...DEFAULT_SETTINGS,
  variants,
});

test('the small-number rule defaults to k = 5 with the complement check (report.md §6)', () => {
  assert.deepEqual(suppressionRuleOf(DEFAULT_SETTINGS), { ok: true, rule: { k: 5, complement: true } });
});

test('the settings set k and turn the complement check off', () => {
  assert.deepEqual(
    suppressionRuleOf(withVariants({ 'suppression.k': 10, 'suppression.complement': false })),
    {
      ok: true,
      rule: { k: 10, complement: false },
    },
  );
});

test('an unusable threshold is an issue naming the setting, never a silent default', () => {
  for (const k of [0, -1, 2.5, '5', true]) {
    const r = suppressionRuleOf(withVariants({ 'suppression.k': k }));
    assert.equal(r.ok, false, `k = ${String(k)}`);
    if (!r.ok) assert.equal(r.issue.setting, 'suppression.k');
  }
  const c = suppressionRuleOf(withVariants({ 'suppression.complement': 'no' }));
  assert.equal(c.ok, false);
  if (!c.ok) assert.equal(c.issue.code, 'CFG-SUPPRESSION');
});
