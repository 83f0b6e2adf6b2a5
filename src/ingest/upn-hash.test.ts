import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
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

test('pinned vectors: the stored hash of a UPN under a short and a longer-than-a-block key', () => {
  assert.equal(upnHash('A123456789012', 'cspi-upn:841'), '207d100474a0aab14a9426d3179f266f');
  assert.equal(upnHash('b987654321098', 'k'.repeat(100)), '44c221a1ad3f49661dfcd982f254d2b5');
});

/** The formula written out with Node's Hmac object, as the hash was first computed. */
function reference(upn: string, key: string): string {
  return createHmac('sha256', key).update(upn.toUpperCase()).digest().toString('hex', 0, 16);
}

const keyArb = fc.oneof(
  fc.constant(''),
  fc.string({ minLength: 64, maxLength: 64 }), // exactly one block (ASCII)
  fc.constantFrom('é'.repeat(31) + 'a', 'é'.repeat(32), 'é'.repeat(32) + 'a'), // 63, 64, 65 bytes of UTF-8
  fc.string({ minLength: 65, maxLength: 300 }), // longer than a block: hashed first
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

const upnArb = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z]\d{11}[\dA-Za-z]$/),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 70 }), // around the 64-unit limit: some go through createHmac
    fc.string({ unit: 'binary', minLength: 60, maxLength: 200 }),
    // '€' is 3 bytes of UTF-8: 64 of them fill the buffer exactly, 65 go through createHmac.
    fc.constantFrom(
      'ß1234567890',
      '€'.repeat(64),
      '€'.repeat(65),
      'é'.repeat(65),
      '\u{1F600}'.repeat(32),
      '\ud800A1',
      'a\udfff',
    ),
  )
  .filter((upn) => !/^UN[1-5]$/i.test(upn.trim()));

test('upnHash equals HMAC-SHA-256 by createHmac for any key and UPN-like text (property)', () => {
  fc.assert(
    fc.property(keyArb, fc.array(upnArb, { minLength: 1, maxLength: 8 }), (key, upns) => {
      // Several UPNs per key: the prepared buffer is reused, a short UPN after a long one included.
      for (const upn of upns) assert.equal(upnHash(upn, key), reference(upn, key));
    }),
    { numRuns: 500 },
  );
});

test('a UPN too long for the prepared buffer still gets the same hash', () => {
  const long = 'A'.repeat(1000) + 'é'.repeat(100);
  for (const key of ['', 'cspi-upn:841', 'x'.repeat(200)]) {
    assert.equal(upnHash(long, key), reference(long, key));
    // And a UPN through the prepared buffer after it:
    assert.equal(upnHash('A123456789012', key), reference('A123456789012', key));
  }
});
