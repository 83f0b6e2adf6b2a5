import { test } from 'node:test';
import assert from 'node:assert/strict';
import { laName } from './la-names.js';

test('an LA name with a comma is whole (the table is read as CSV); an unknown code has none', () => {
  assert.equal(laName('841'), 'Darlington');
  assert.equal(laName('810'), 'Kingston upon Hull, City of'); // was cut to 'Kingston upon Hull' by a comma split
  assert.equal(laName('999'), null);
});
