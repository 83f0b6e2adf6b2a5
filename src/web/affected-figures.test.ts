import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE_NAMES } from '../store/assemble/assemble-dataset.js';
import { INDICATORS } from '../indicators/registry.js';
import { affectedFigures, issueTables } from './affected-figures.js';

test('every staged table key names the tables the store assembles it into', () => {
  for (const [key, tables] of Object.entries(TABLE_NAMES)) {
    if (tables.length === 0) continue;
    assert.deepEqual(issueTables(key), tables, key);
  }
  assert.deepEqual(issueTables('Episodes'), ['episodes']);
  assert.deepEqual(issueTables('CINdetails'), ['cin-details']);
  assert.deepEqual(issueTables('cin-details'), ['cin-details']);
  assert.deepEqual(issueTables('List 9'), []);
  assert.deepEqual(issueTables(null), []);
});

test('with the real catalogue: an episodes issue affects children-in-care figures, not the front door; a refused import none', () => {
  const ids = affectedFigures({ severity: 'error', table: 'episodes' }, INDICATORS).map((i) => i.id);
  assert.ok(ids.includes('cic-count'), ids.join(','));
  assert.ok(!ids.includes('referrals-rereferral-12m'));
  assert.deepEqual(affectedFigures({ severity: 'structural', table: 'episodes' }, INDICATORS), []);
});
