import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INDICATORS } from './registry.js';

/** The 24 ids of indicators.md §2, in the spec's order. */
const SPEC_IDS = [
  'referrals-rereferral-12m',
  'referrals-decided-1wd',
  'referrals-decided-over-3wd',
  'referrals-by-source',
  'assessments-45wd',
  'icpc-15wd',
  'cp-allocated-sw',
  'cp-visits-10wd',
  'cp-ceased-2y-plus',
  'cp-repeat-2y',
  'cp-repeat-any',
  'cic-count',
  'cic-allocated-sw',
  'cic-allocated-qualified-sw',
  'cic-reviews-in-time',
  'cic-visits-in-time',
  'cic-placements-3plus',
  'cic-long-term-stability',
  'cic-placed-20-miles',
  'cic-health-assessments',
  'cic-dental-checks',
  'cic-missing',
  'care-leavers-neet',
  'care-leavers-suitable-accommodation',
];

test('the spec lists exactly these 24 ids (indicators.md §2 headings)', () => {
  let spec: string | null = null;
  try {
    // The shared spec sits beside the checkout (../shared), on developer machines and in CI.
    spec = readFileSync(new URL('../../../shared/spec/indicators.md', import.meta.url), 'utf8');
  } catch {
    // Without the shared folder, the list above is its copy.
  }
  if (spec !== null) {
    const section2 = spec.slice(spec.indexOf('## 2 Indicators'), spec.indexOf('## 3 '));
    const ids = [...section2.matchAll(/^### ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]);
    assert.deepEqual(ids, SPEC_IDS);
  }
  assert.equal(SPEC_IDS.length, 24);
});

test('the registry lists all 24 spec ids once, in spec order', () => {
  assert.deepEqual(
    INDICATORS.map((d) => d.id),
    SPEC_IDS,
  );
});

test('every definition carries full metadata', () => {
  for (const d of INDICATORS) {
    assert.ok(d.title.length > 10, d.id);
    assert.ok(d.bases.includes(d.basis), `${d.id}: headline basis not among bases`);
    assert.ok(d.specSection.includes(`§2 ${d.id}`), `${d.id}: specSection cites indicators.md §2`);
    assert.ok(d.definitionVersion, d.id);
    for (const k of ['summary', 'numerator', 'denominator', 'exclusions', 'why', 'comparability'] as const) {
      assert.ok(d.definition[k].length > 3, `${d.id}: definition.${k}`);
    }
    assert.ok(d.sources.length > 0, d.id);
    assert.ok(d.narrative.subject.length > 0, d.id);
    if (d.polarity === 'none') assert.equal(d.target, null, `${d.id}: no polarity means no target`);
  }
});
