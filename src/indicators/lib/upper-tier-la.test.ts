import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadLaTable } from '../../synth/la-table.js';
import { UPPER_TIER_FILE, responsibleLa, upperTierLa } from './upper-tier-la.js';

test('upperTierLa: a district gives its county, a unitary itself, other nations WAL/SCO/NIR', () => {
  assert.equal(upperTierLa('E07000223'), 'E10000032'); // Adur → West Sussex
  assert.equal(upperTierLa(' e07000094 '), 'E10000014'); // Winchester → Hampshire
  assert.equal(upperTierLa('E06000005'), 'E06000005'); // Darlington
  assert.equal(upperTierLa('E09000033'), 'E09000033'); // Westminster
  assert.equal(upperTierLa('E08000021'), 'E08000021'); // Newcastle upon Tyne
  assert.equal(upperTierLa('W06000015'), 'WAL');
  assert.equal(upperTierLa('S12000036'), 'SCO');
  assert.equal(upperTierLa('N09000003'), 'NIR');
  assert.equal(upperTierLa('L99999999'), 'L99999999'); // Channel Islands: outside England
});

test('upperTierLa: codes replaced by reorganisations give the authority now covering them', () => {
  assert.equal(upperTierLa('E07000163'), 'E06000065'); // Craven → North Yorkshire (2023)
  assert.equal(upperTierLa('E07000027'), 'E06000064'); // Barrow-in-Furness → Westmorland and Furness
  assert.equal(upperTierLa('E07000026'), 'E06000063'); // Allerdale → Cumberland
  assert.equal(upperTierLa('E07000150'), 'E06000061'); // Corby → North Northamptonshire (2021)
  assert.equal(upperTierLa('E07000205'), 'E10000029'); // Suffolk Coastal → (East Suffolk) Suffolk (2019)
  assert.equal(upperTierLa('E10000023'), null); // North Yorkshire County Council: no longer an LA
});

test('upperTierLa: an unknown English code or a blank one is not known', () => {
  assert.equal(upperTierLa('E99999999'), null);
  assert.equal(upperTierLa(''), null);
  assert.equal(upperTierLa(null), null);
});

test('the lookup covers every county of the LA table and points only at LAs in it', () => {
  const las = new Set(loadLaTable().map((la) => la.ons));
  const rows = parse(readFileSync(UPPER_TIER_FILE, 'utf8'), { columns: true }) as Record<string, string>[];
  const current = rows.filter((r) => r['replaced_on'] === '');
  assert.equal(current.length, 164, 'the 164 two-tier districts of England since April 2023');
  for (const r of rows) {
    assert.ok(las.has(r['upper_tier_code']!), `${r['lad_code']} → ${r['upper_tier_code']} is an LA`);
    assert.ok(!las.has(r['lad_code']!), `${r['lad_code']} is not itself an LA`);
  }
  const counties = [...las].filter((c) => c.startsWith('E10'));
  assert.equal(counties.length, 21);
  for (const c of counties)
    assert.ok(
      current.some((r) => r['upper_tier_code'] === c),
      `${c} has districts`,
    );
  for (const r of current) assert.ok(r['lad_code']!.startsWith('E07'), r['lad_code']);
});

test('responsibleLa: by DfE number or ONS code', () => {
  assert.deepEqual(responsibleLa('841'), { ons: 'E06000005', name: 'Darlington' });
  assert.deepEqual(responsibleLa('e10000014'), { ons: 'E10000014', name: 'Hampshire' });
  assert.equal(responsibleLa('999'), null);
});
