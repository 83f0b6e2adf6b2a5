import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTargets } from './targets-file.js';
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
  });
  // cp-repeat-any has no catalogue target: the LA sets one, local, default tolerance 10% = 1.5.
  assert.deepEqual(resolveTarget(cpRepeatAny, set), {
    target: 15,
    kind: 'local',
    tolerance: 1.5,
    scheme: 'target-tolerance',
    rating: 'rounded',
  });
  assert.deepEqual(resolveTarget(referralsRereferral12m, null), {
    target: 18,
    kind: 'local',
    tolerance: 1.8,
    scheme: 'target-tolerance',
    rating: 'rounded',
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

test('scheme and rating columns; thresholds is refused with a reason', () => {
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
    'indicator,target,scheme,rating\nicpc-15wd,90,thresholds,\ncp-repeat-any,20,,exact\n',
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
  assert.match(bad.issues[0]!.message, /thresholds scheme is not supported/);
});
