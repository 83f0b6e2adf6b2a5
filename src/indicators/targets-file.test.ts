import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTargets } from './targets-file.js';
import { formatIssue } from './config-issue.js';
import { parseSettings } from './settings-file.js';
import { resolveTarget } from './targets.js';
import { referralsRereferral12m } from './referrals-rereferral-12m.js';
import { cpRepeatAny } from './cp-repeat-any.js';

const ids = ['referrals-rereferral-12m', 'icpc-15wd', 'cp-repeat-any'];

test('CSV targets: override, tolerance in points or percent, none, kind', () => {
  const csv = [
    'indicator,target,tolerance,tolerance_unit,kind',
    'referrals-rereferral-12m,20,5,percent,national',
    'icpc-15wd,85,3,points,',
    'cp-repeat-any,15,,,local',
  ].join('\n');
  const r = parseTargets(csv, 'targets.csv', ids);
  assert.ok(r.ok);
  const set = r.value;
  assert.deepEqual(resolveTarget(referralsRereferral12m, set), {
    target: 20,
    kind: 'national',
    tolerance: 1,
    scheme: 'target-tolerance',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
  // cp-repeat-any has no catalogue target: the LA sets one, local, default tolerance 10% = 1.5.
  assert.deepEqual(resolveTarget(cpRepeatAny, set), {
    target: 15,
    kind: 'local',
    tolerance: 1.5,
    scheme: 'target-tolerance',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
  assert.deepEqual(resolveTarget(referralsRereferral12m, null), {
    target: 18,
    kind: 'local',
    tolerance: 1.8,
    scheme: 'target-tolerance',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
});

test('JSON targets with la and year; "none" removes a target', () => {
  const r = parseTargets(
    JSON.stringify({
      la: '841',
      year: '2021-22',
      targets: [{ indicator: 'referrals-rereferral-12m', target: 'none' }],
    }),
    'targets.json',
    ids,
  );
  assert.ok(r.ok);
  assert.equal(r.value.la, '841');
  assert.equal(r.value.year, '2021-22');
  assert.deepEqual(resolveTarget(referralsRereferral12m, r.value), {
    target: null,
    kind: null,
    tolerance: null,
    scheme: 'target-tolerance',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
});

test('every bad row is reported with its line and a stable code', () => {
  const csv = [
    'indicator,target,tolerance,tolerance_unit,kind',
    'no-such-indicator,20,,,',
    'icpc-15wd,ninety,,,',
    'referrals-rereferral-12m,18,2,,',
    'cp-repeat-any,10,,,regional',
  ].join('\n');
  const r = parseTargets(csv, 'targets.csv', ids);
  assert.ok(!r.ok);
  assert.deepEqual(
    r.issues.map((i) => [i.position, i.code]),
    [
      ['line 2', 'CFG-INDICATOR'],
      ['line 3', 'CFG-TARGET'],
      ['line 4', 'CFG-TOLERANCE-UNIT'],
      ['line 5', 'CFG-KIND'],
    ],
  );
});

test('settings: spec-style flat keys and structured keys', () => {
  const r = parseSettings(
    JSON.stringify({
      'workingDays.count': 'inclusive',
      excludeUasc: true,
      'referrals-rereferral-12m.basis': 'ytd',
      'icpc.anchor': 'strategy',
      variants: { 'cpVisits.interval': 15 },
    }),
    'settings.json',
    ids,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    workingDays: 'inclusive',
    excludeUasc: true,
    basis: { 'referrals-rereferral-12m': 'ytd' },
    variants: { 'cpVisits.interval': 15, 'icpc.anchor': 'strategy' },
  });
});

test('settings: bad values are issues naming the key', () => {
  const r = parseSettings(
    JSON.stringify({ workingDays: 'calendar', basis: { 'icpc-15wd': 'weekly' }, colour: 1 }),
    's.json',
    ids,
  );
  assert.ok(!r.ok);
  assert.deepEqual(
    r.issues.map((i) => i.position),
    ['workingDays', 'basis.icpc-15wd', 'colour'],
  );
});

test('scheme and rating columns; a bad scheme or rating is refused with a reason', () => {
  const ok = parseTargets(
    'indicator,target,tolerance,tolerance_unit,kind,scheme,rating\nicpc-15wd,90,,,,improvement-aware,unrounded\ncp-repeat-any,20,,,,none,\n',
    't.csv',
    ids,
  );
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.value.overrides.map((o) => [o.indicator, o.scheme, o.rating]),
    [
      ['cp-repeat-any', 'none', null],
      ['icpc-15wd', 'improvement-aware', 'unrounded'],
    ],
  );
  const bad = parseTargets(
    'indicator,target,scheme,rating\nicpc-15wd,90,bands,\ncp-repeat-any,20,,exact\n',
    't.csv',
    ids,
  );
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.issues.map((i) => [i.position, i.code]),
    [
      ['line 2', 'CFG-SCHEME'],
      ['line 3', 'CFG-RATING'],
    ],
  );
  assert.match(
    bad.issues[0]!.message,
    /scheme "bands" must be target-tolerance, thresholds, improvement-aware, none/,
  );
});

const catalogue = new Map([
  ['referrals-rereferral-12m', { polarity: 'lower' as const, unit: 'percent' as const }],
  ['icpc-15wd', { polarity: 'higher' as const, unit: 'percent' as const }],
  ['cp-repeat-any', { polarity: 'lower' as const, unit: 'percent' as const }],
  ['cic-count', { polarity: 'none' as const, unit: 'count' as const }],
]);

test('scheme thresholds: amber and red bounds (CSV and JSON) resolve to the bounds, with no tolerance', () => {
  const csv = [
    'indicator,target,tolerance,tolerance_unit,kind,scheme,amber,red',
    'icpc-15wd,95,,,local,thresholds,90,80',
    'referrals-rereferral-12m,,,,,thresholds,18,22.5',
  ].join('\n');
  const r = parseTargets(csv, 't.csv', ids, catalogue);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  assert.deepEqual(
    r.value.overrides.map((o) => [o.indicator, o.scheme, o.bounds]),
    [
      ['icpc-15wd', 'thresholds', { amber: 90, red: 80 }],
      ['referrals-rereferral-12m', 'thresholds', { amber: 18, red: 22.5 }],
    ],
  );
  // A blank target is no target, under thresholds as under every scheme: not rated.
  assert.deepEqual(resolveTarget(referralsRereferral12m, r.value), {
    target: null,
    kind: null,
    tolerance: null,
    scheme: 'thresholds',
    rating: 'rounded',
    bounds: null,
    inLineBand: null,
  });
  const json = parseTargets(
    JSON.stringify({
      targets: [
        { indicator: 'cp-repeat-any', target: 20, scheme: 'thresholds', amber: 20, red: 25, inLine: 1 },
      ],
    }),
    't.json',
    ids,
    catalogue,
  );
  assert.ok(json.ok);
  assert.deepEqual(resolveTarget(cpRepeatAny, json.value), {
    target: 20,
    kind: 'local',
    tolerance: null,
    scheme: 'thresholds',
    rating: 'rounded',
    bounds: { amber: 20, red: 25 },
    inLineBand: 1,
  });
});

test('scheme thresholds: missing, stray, misordered or unratable bounds are refused, naming the rule', () => {
  const csv = [
    'indicator,target,tolerance,tolerance_unit,kind,scheme,amber,red',
    'icpc-15wd,90,,,,thresholds,85,', // one bound only
    'cp-repeat-any,20,,,,,18,22', // bounds without the scheme
    'referrals-rereferral-12m,18,,,,thresholds,18,15', // low is good: red must be at or above amber
    'icpc-15wd,90,,,,thresholds,80,85', // high is good: red must be at or below amber
    'icpc-15wd,90,2,points,,thresholds,88,80', // a tolerance beside the bounds
    'cic-count,100,,,,thresholds,100,120', // no polarity
    'cp-repeat-any,20,,,,thresholds,x,25',
  ].join('\n');
  const r = parseTargets(csv, 't.csv', [...ids, 'cic-count'], catalogue);
  assert.ok(!r.ok);
  assert.deepEqual(
    r.issues.map((i) => [i.position, i.code]),
    [2, 3, 4, 5, 6, 7, 8].map((n) => [`line ${n}`, 'CFG-THRESHOLDS']),
  );
  const messages = r.issues.map((i) => i.message);
  assert.match(messages[0]!, /needs both bounds: amber \(where Green ends\) and red \(where Amber ends\)/);
  assert.match(messages[1]!, /apply only under scheme thresholds/);
  assert.match(
    messages[2]!,
    /low is good, so the red bound \(15\) must be at or above the amber bound \(18\)/,
  );
  assert.match(
    messages[3]!,
    /high is good, so the red bound \(85\) must be at or below the amber bound \(80\)/,
  );
  assert.match(messages[4]!, /takes no tolerance/);
  assert.match(messages[5]!, /cic-count has no polarity/);
  assert.match(messages[6]!, /amber bound "x" is not a non-negative number/);
});

test('in_line: an indicator\'s own "in line with" band in points; refused for a count or a bad number', () => {
  const r = parseTargets(
    'indicator,target,in_line\nicpc-15wd,90,1\nreferrals-rereferral-12m,18,0\n',
    't.csv',
    ids,
    catalogue,
  );
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.overrides.map((o) => [o.indicator, o.inLineBand]),
    [
      ['icpc-15wd', 1],
      ['referrals-rereferral-12m', 0],
    ],
  );
  assert.equal(resolveTarget(referralsRereferral12m, r.value).inLineBand, 0);
  assert.equal(resolveTarget(referralsRereferral12m, r.value).target, 18);
  const bad = parseTargets(
    'indicator,target,in_line\ncic-count,100,1\nicpc-15wd,90,-1\n',
    't.csv',
    [...ids, 'cic-count'],
    catalogue,
  );
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.issues.map((i) => [i.position, i.code]),
    [
      ['line 2', 'CFG-IN-LINE'],
      ['line 3', 'CFG-IN-LINE'],
    ],
  );
  assert.match(
    bad.issues[0]!.message,
    /cic-count is a count: it is "in line with" its target only when equal to it/,
  );
});

test('a targets file with no targets (empty, header only, or an empty JSON list) is refused, naming the file', () => {
  // Accepting it would apply the catalogue's (or the dashboard's) targets while the user believes theirs do.
  for (const [text, file] of [
    ['', 'empty.csv'],
    ['  \n\n', 'blank.csv'],
    ['indicator,target,tolerance,tolerance_unit,kind\n', 'header.csv'],
    ['\uFEFFindicator,target,tolerance,tolerance_unit,kind\r\n\r\n', 'header-bom.csv'],
    ['{ "la": "841", "year": "2021-22", "targets": [] }', 'empty.json'],
    ['[]', 'empty-list.json'],
  ] as const) {
    const r = parseTargets(text, file, ids);
    assert.equal(r.ok, false, file);
    if (r.ok) continue;
    assert.equal(r.issues.length, 1, file);
    const line = formatIssue(r.issues[0]!);
    assert.ok(line.startsWith(`${file}:`), line);
    assert.match(line, /has no targets/);
    assert.doesNotMatch(line, /\n/);
  }
});

test('a JSON targets file saved with a byte-order mark (Windows Notepad) is read, as a CSV one is', () => {
  const r = parseTargets('\uFEFF{ "targets": [{ "indicator": "icpc-15wd", "target": 85 }] }', 't.json', ids);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.overrides[0]?.target, 85);
});
