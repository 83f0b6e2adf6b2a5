import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, STRONG_SCRYPT, verifyPassword } from './password.js';

const P = { N: 1024, r: 8, p: 1 };

test('a hash verifies its own password and no other', async () => {
  const h = await hashPassword('correct horse battery', P);
  assert.match(h, /^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.equal(await verifyPassword('correct horse battery', h), true);
  assert.equal(await verifyPassword('correct horse batterY', h), false);
  assert.equal(await verifyPassword('', h), false);
});

test('each hash has its own salt', async () => {
  const a = await hashPassword('same password!', P);
  const b = await hashPassword('same password!', P);
  assert.notEqual(a, b);
  assert.notEqual(a.split('$')[4], b.split('$')[4]);
});

test('malformed or tampered hashes never match', async () => {
  const h = await hashPassword('pw-pw-pw-pw-pw', P);
  for (const bad of [
    '',
    'plain',
    h.replace('scrypt', 'bcrypt'),
    h.slice(0, -2),
    h.replace('$1024$', '$0$'),
  ]) {
    assert.equal(await verifyPassword('pw-pw-pw-pw-pw', bad), false, bad);
  }
});

test('the production parameters are strong (N ≥ 2^17, r = 8)', () => {
  assert.ok(STRONG_SCRYPT.N >= 2 ** 17);
  assert.equal(STRONG_SCRYPT.r, 8);
});
