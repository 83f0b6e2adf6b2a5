import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { INDICATORS } from './registry.js';
import { parseSettings } from './settings-file.js';
import { VARIANTS, checkVariant } from './variant-catalogue.js';

const IDS = INDICATORS.map((d) => d.id);

test('a settings file takes the variants the catalogue knows, as the indicators read them', () => {
  const r = parseSettings(
    JSON.stringify({
      'icpc.anchor': 'strategy',
      'cpVisits.interval': '15',
      'cpVisits.seenAlone': 'yes',
      variants: {
        cpDuration: 'elapsed',
        'distance.laua': 'E06000005, E06000047',
        'careLeavers.ages': '17-18',
      },
    }),
    'settings.json',
    IDS,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value.variants, {
    'careLeavers.ages': '17-18',
    'cpVisits.interval': 15,
    'cpVisits.seenAlone': true,
    cpDuration: 'elapsed',
    'distance.laua': 'E06000005, E06000047',
    'icpc.anchor': 'strategy',
  });
});

test('a mistyped variant name or value is a CFG-SETTING problem, never the default definition', () => {
  const r = parseSettings(
    JSON.stringify({
      'icpc.anchor': 'Strategy',
      'rereferral.window': '365 days',
      'icpc.ancor': 'strategy',
      'cpVisits.interval': 12,
    }),
    'settings.json',
    IDS,
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.issues.map((i) => [i.code, i.position, i.message.split(' (')[0]]),
    [
      ['CFG-SETTING', 'icpc.anchor', 'must be one of s47, strategy'],
      ['CFG-SETTING', 'rereferral.window', 'must be one of 12months, 365days'],
      ['CFG-SETTING', 'icpc.ancor', 'unknown variant setting'],
      ['CFG-SETTING', 'cpVisits.interval', 'must be one of 10, 15'],
    ],
  );
});

/** The variant names the code reads (`variant(settings, 'name', …)`, `flagSetting(settings, 'name')`). */
function variantsRead(): Set<string> {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const names = new Set<string>();
  for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) continue;
    const text = readFileSync(join(e.parentPath, e.name), 'utf8');
    for (const m of text.matchAll(/\b(?:variant(?:<[^>]*>)?|flagSetting)\(\s*[\w.]+,\s*'([^']+)'/g))
      names.add(m[1]!);
  }
  return names;
}

test('every variant the code reads is in the catalogue, and each choice defaults to its first value', () => {
  const read = variantsRead();
  assert.ok(read.has('icpc.anchor') && read.has('cpVisits.seenAlone'), 'the scan finds the variants read');
  for (const name of read) assert.ok(VARIANTS[name], `${name} is read but not in the variant catalogue`);
  assert.deepEqual(checkVariant('distance.outsideLaOnly', 'n'), { ok: true, value: false });
  assert.deepEqual(checkVariant('cpVisits.seenalone', true), {
    ok: false,
    message: 'unknown variant setting: did you mean cpVisits.seenAlone?',
  });
  assert.equal(checkVariant('careLeavers.ages', '17 to 18').ok, false);
  assert.equal(checkVariant('distance.laua', 'Darlington').ok, false);
  for (const [name, rule] of Object.entries(VARIANTS)) {
    if (rule.kind !== 'choice') continue;
    assert.deepEqual(checkVariant(name, rule.values[0]!), { ok: true, value: rule.values[0] }, name);
  }
});
