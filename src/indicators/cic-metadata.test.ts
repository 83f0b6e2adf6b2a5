import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indicator as count } from './cic-count.js';
import { indicator as allocated } from './cic-allocated-sw.js';
import { indicator as qualified } from './cic-allocated-qualified-sw.js';
import { indicator as placements } from './cic-placements-3plus.js';
import { indicator as stability } from './cic-long-term-stability.js';
import { indicator as distance } from './cic-placed-20-miles.js';
import { indicator as missing } from './cic-missing.js';
import { indicator as neet } from './care-leavers-neet.js';
import { indicator as accommodation } from './care-leavers-suitable-accommodation.js';
import type { IndicatorDefinition } from './types.js';

const FILES: Record<string, IndicatorDefinition> = {
  'cic-count': count,
  'cic-allocated-sw': allocated,
  'cic-allocated-qualified-sw': qualified,
  'cic-placements-3plus': placements,
  'cic-long-term-stability': stability,
  'cic-placed-20-miles': distance,
  'cic-missing': missing,
  'care-leavers-neet': neet,
  'care-leavers-suitable-accommodation': accommodation,
};

const SPEC = (() => {
  try {
    return readFileSync('/work/shared/spec/indicators.md', 'utf8');
  } catch {
    return null;
  }
})();

/** The Title row of an indicator's table in indicators.md §2. */
function specTitle(id: string): string | null {
  if (SPEC === null) return null;
  const at = SPEC.indexOf(`### ${id}\n`);
  if (at < 0) return null;
  const m = /\| Title \| (.+?) \|/.exec(SPEC.slice(at));
  return m ? m[1] : null;
}

test('each file exports the indicator of its name, with complete metadata', () => {
  for (const [file, d] of Object.entries(FILES)) {
    assert.equal(d.id, file);
    assert.ok(d.sources.length > 0, file);
    assert.ok(d.bases.includes(d.basis), file);
    for (const [k, v] of Object.entries(d.definition)) assert.ok(v.length > 20, `${file} definition.${k}`);
    assert.equal(d.directionComparator, file === 'cic-count' ? 'last-year' : 'previous', file);
    assert.equal(d.serviceArea, file.startsWith('care-leavers') ? 'care-leavers' : 'children-in-care');
    assert.equal(d.polarity === 'none', d.unit === 'count', file);
    assert.equal(d.target === null, d.unit === 'count', file);
  }
});

test('titles are the catalogue titles', { skip: SPEC === null ? 'spec not readable' : false }, () => {
  for (const [file, d] of Object.entries(FILES)) assert.equal(d.title, specTitle(file), file);
});

test('narrative phrases use only the report placeholders and known abbreviations', () => {
  const allowed = /^\{(when|when:none|value|subject|endMonth|quarter|period)\}$/;
  for (const [file, d] of Object.entries(FILES)) {
    for (const phrase of [d.narrative.subject, d.narrative.lead ?? '', d.narrative.zeroPhrase ?? '']) {
      for (const p of phrase.match(/\{[^}]*\}/g) ?? []) assert.match(p, allowed, file);
      for (const a of phrase.match(/\[\[[^\]]*\]\]/g) ?? []) assert.match(a, /^\[\[(CiC|NEET)\]\]$/, file);
    }
    assert.ok(d.narrative.zeroPhrase, file);
  }
  assert.equal(allocated.narrative.narrativeGroup, 'allocation');
});

test('England benchmarks (report.md §3): † marks the not like-for-like ones', () => {
  const expected: Record<string, [number, boolean] | null> = {
    'cic-count': [82170, true],
    'cic-allocated-sw': null,
    'cic-allocated-qualified-sw': null,
    'cic-placements-3plus': [10, true],
    'cic-long-term-stability': [71, true],
    'cic-placed-20-miles': [17, false],
    'cic-missing': [11, false],
    'care-leavers-neet': [38, true],
    'care-leavers-suitable-accommodation': [88, true],
  };
  for (const [file, d] of Object.entries(FILES)) {
    const e = expected[file];
    assert.deepEqual(d.england === null ? null : [d.england.value, d.england.likeForLike], e, file);
  }
});
