import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dfeLaCode } from './la-code.js';

test('dfeLaCode: a DfE number as it is, an ONS code by the LA table, else null', () => {
  assert.equal(dfeLaCode('841'), '841');
  assert.equal(dfeLaCode(' e06000005 '), '841');
  assert.equal(dfeLaCode('E06000047'), '840');
  assert.equal(dfeLaCode('E99999999'), null);
});
