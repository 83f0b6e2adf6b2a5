import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatTenths, normalisePostcode, roundToTenths, tenthsBetween } from './distance.js';

test('half-up rounding to 0.1 mile matches integer arithmetic on hundredths', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999 }), (hundredths) => {
      assert.equal(roundToTenths(hundredths / 100), Math.floor((hundredths + 5) / 10));
    }),
  );
});

test('distance is symmetric and never shrinks as the points move apart', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 700_000 }), fc.integer({ min: 0, max: 100_000 }), (n, extra) => {
      const a = { easting: 400_000, northing: 0 };
      const b = { easting: 400_000, northing: n };
      const c = { easting: 400_000, northing: n + extra };
      assert.equal(tenthsBetween(a, b), tenthsBetween(b, a));
      assert.ok(tenthsBetween(a, c) >= tenthsBetween(a, b));
    }),
  );
});

test('postcodes compare without spaces or case; formatting', () => {
  assert.equal(normalisePostcode(' dl3 6qq'), 'DL36QQ');
  assert.equal(normalisePostcode('   '), null);
  assert.equal(formatTenths(201), '20.1 miles');
  assert.equal(formatTenths(5), '0.5 miles');
});
