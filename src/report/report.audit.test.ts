import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTargets } from '../indicators/targets-file.js';
import { INDICATORS } from '../indicators/registry.js';

// Audit of report.md §2–§8 against src/report: gaps found, each a test of what the spec asks.

const IDS = INDICATORS.map((d) => d.id);
const CATALOGUE = new Map(INDICATORS.map((d) => [d.id, { polarity: d.polarity, unit: d.unit }]));

test('audit: the thresholds rating scheme (report.md §4 "thresholds (explicit amber/red bounds)") is accepted', () => {
  const csv =
    'indicator,target,tolerance,tolerance_unit,kind,scheme,amber,red\nicpc-15wd,90,,percent,local,thresholds,85,75\n';
  const parsed = parseTargets(csv, 't.csv', IDS, CATALOGUE);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.overrides[0]!.bounds, { amber: 85, red: 75 });
});

test('audit: the "in line with" band is set per indicator (report.md §4 "Options per indicator: … in-line band")', () => {
  const csv = 'indicator,target,tolerance,tolerance_unit,kind,in_line\nicpc-15wd,90,,percent,local,1\n';
  const parsed = parseTargets(csv, 't.csv', IDS, CATALOGUE);
  assert.ok(parsed.ok);
  assert.equal(parsed.value.overrides[0]!.inLineBand, 1);
});
