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
  const ids = affectedFigures({ severity: 'error', table: 'episodes', field: null }, INDICATORS).map(
    (i) => i.id,
  );
  assert.ok(ids.includes('cic-count'), ids.join(','));
  assert.ok(!ids.includes('referrals-rereferral-12m'));
  assert.deepEqual(
    affectedFigures({ severity: 'structural', table: 'episodes', field: null }, INDICATORS),
    [],
  );
});

test('a loaded row flagged on its placement postcode affects the distance figure only; a rejected one every CiC figure', () => {
  const warned = affectedFigures({ severity: 'warning', table: 'Episodes', field: 'PL_POST' }, INDICATORS);
  assert.deepEqual(
    warned.map((i) => i.id),
    ['cic-placed-20-miles'],
  );
  assert.deepEqual(
    affectedFigures({ severity: 'query', table: 'episodes', field: 'HOME_POST' }, INDICATORS).map(
      (i) => i.id,
    ),
    ['cic-placed-20-miles'],
  );
  const rejected = affectedFigures({ severity: 'error', table: 'episodes', field: 'PL_POST' }, INDICATORS);
  assert.ok(
    rejected.some((i) => i.id === 'cic-count'),
    'the episode is missing from every figure',
  );
  // Another field of the table keeps every figure the table feeds.
  const ls = affectedFigures({ severity: 'warning', table: 'episodes', field: 'LS' }, INDICATORS);
  assert.ok(ls.length > 5 && ls.some((i) => i.id === 'cic-count'));
});
