import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { percentTenths, ratePer10000, roundTenth, roundedPercent } from './rounding.js';

test('percentages round half up to one decimal (indicators.md §1.7)', () => {
  assert.equal(roundedPercent(2, 4), 50);
  assert.equal(roundedPercent(1, 8), 12.5); // exactly 12.5
  assert.equal(roundedPercent(1, 16), 6.3); // 6.25 → 6.3 (half up)
  assert.equal(roundedPercent(1, 80), 1.3); // 1.25 → 1.3
  assert.equal(roundedPercent(1, 3), 33.3);
  assert.equal(roundedPercent(2, 3), 66.7);
  assert.equal(roundedPercent(1, 2000), 0.1); // 0.05 → 0.1
  assert.equal(roundedPercent(1, 2001), 0); // 0.04998 → 0.0
  assert.equal(roundedPercent(160, 200), 80);
  assert.equal(roundedPercent(164, 192), 85.4);
  assert.equal(roundedPercent(0, 5), 0);
  assert.equal(roundedPercent(5, 5), 100);
});

test('a zero denominator has no value (never 0% or 100%)', () => {
  assert.equal(roundedPercent(0, 0), null);
  assert.equal(percentTenths(0, 0), null);
});

test('tenths = floor((2000·num + den) / (2·den)) matches exact rational rounding (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.nat(), (den, k) => {
      const num = k % (den + 1);
      const t = percentTenths(num, den)!;
      // Exact: t is the integer with (t − ½)·den ≤ 1000·num < (t + ½)·den, i.e. 2·1000·num ∈ [(2t−1)den, (2t+1)den).
      const twice = BigInt(2000 * num);
      const D = BigInt(den);
      const T = BigInt(t);
      return (2n * T - 1n) * D <= twice && twice < (2n * T + 1n) * D;
    }),
  );
});

test('rates per 10,000 round half up to whole numbers', () => {
  assert.equal(ratePer10000(271, 22435), 121); // 120.79…
  assert.equal(ratePer10000(1, 20000), 1); // 0.5 → 1
  assert.equal(ratePer10000(1, 20001), 0);
  assert.equal(ratePer10000(5, null), null);
});

test('roundTenth rounds decimals half away from zero', () => {
  assert.equal(roundTenth(1.45), 1.5);
  assert.equal(roundTenth(-34.94), -34.9);
  assert.equal(roundTenth(-0.04), 0);
  assert.equal(roundTenth(16.55), 16.6);
});
