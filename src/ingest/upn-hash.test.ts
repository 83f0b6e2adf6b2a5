import { test } from 'node:test';
import assert from 'node:assert/strict';
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
