import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { upnHash } from './upn-hash.js';

test('a UPN hashes to 32 hex characters, case-insensitively, and depends on the key', () => {
  const h = upnHash('A123456789012', 'k1');
  assert.match(h!, /^[0-9a-f]{32}$/);
  assert.equal(upnHash('a123456789012', 'k1'), h);
  assert.notEqual(upnHash('A123456789012', 'k2'), h);
});

test('no UPN and the unknown-UPN reasons UN1–UN5 give null (never matched across children)', () => {
  assert.equal(upnHash(null, 'k'), null);
  for (const code of ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'un2', ' UN4 '])
    assert.equal(upnHash(code, 'k'), null);
  assert.notEqual(upnHash('UN6', 'k'), null);
});

test('the hash is the first 32 hex characters of HMAC-SHA-256 of the upper-cased UPN', () => {
  // Stored hashes must not change between versions: checked against the formula written out in full.
  for (const upn of ['A123456789012', 'b987654321098', 'X00000000000A']) {
    const want = createHmac('sha256', 'cspi-upn:841').update(upn.toUpperCase()).digest('hex').slice(0, 32);
    assert.equal(upnHash(upn, 'cspi-upn:841'), want);
  }
});
