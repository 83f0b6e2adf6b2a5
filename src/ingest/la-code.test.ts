import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dfeLaCode, laCode } from './la-code.js';

test('dfeLaCode: a DfE number as it is, an ONS code by the LA table, else null', () => {
  assert.equal(dfeLaCode('841'), '841');
  assert.equal(dfeLaCode(' e06000005 '), '841');
  assert.equal(dfeLaCode('E06000047'), '840');
  assert.equal(dfeLaCode('E99999999'), null);
});

test('laCode: an ONS code is stored as the DfE number; an unknown code is kept as given, trimmed', () => {
  assert.equal(laCode('E06000005'), '841');
  assert.equal(laCode(' 841 '), '841');
  assert.equal(laCode(' Z99 '), 'Z99');
});
