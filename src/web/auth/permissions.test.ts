import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  can,
  deniedForNoLa,
  isRole,
  LA_SCOPED_PERMISSIONS,
  PERMISSIONS,
  type Permission,
  roleCan,
  ROLES,
  type Role,
} from './permissions.js';

/** The expected table, written out by hand from the brief: every role × permission. */
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'scorecard:view': { member: true, analyst: true, manager: true, admin: true },
  'reports:view-public': { member: true, analyst: true, manager: true, admin: true },
  'figures:full': { member: false, analyst: true, manager: true, admin: true },
  'breakdowns:view': { member: false, analyst: true, manager: true, admin: true },
  'child-level:view': { member: false, analyst: true, manager: true, admin: true },
  'child-level:identifiable': { member: false, analyst: false, manager: true, admin: true },
  'child-level:export': { member: false, analyst: false, manager: true, admin: true },
  'data:view': { member: false, analyst: true, manager: true, admin: true },
  'data:upload': { member: false, analyst: true, manager: true, admin: true },
  'targets:view': { member: false, analyst: true, manager: true, admin: true },
  'targets:edit': { member: false, analyst: false, manager: false, admin: true },
  'reports:draft': { member: false, analyst: true, manager: true, admin: true },
  'reports:publish': { member: false, analyst: false, manager: false, admin: true },
  'audit:view': { member: false, analyst: false, manager: false, admin: true },
  'users:manage': { member: false, analyst: false, manager: false, admin: true },
};

test('the expected table covers every permission', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...PERMISSIONS].sort());
});

for (const p of PERMISSIONS) {
  for (const role of ROLES) {
    test(`${role} ${EXPECTED[p][role] ? 'may' : 'may not'} ${p}`, () => {
      assert.equal(roleCan(role, p), EXPECTED[p][role]);
    });
  }
}

test('members never see child-level data, in any form', () => {
  for (const p of PERMISSIONS.filter((x) => x.startsWith('child-level:')))
    assert.equal(roleCan('member', p), false);
});

test('roles are cumulative: each role has every permission of the one below', () => {
  for (let i = 1; i < ROLES.length; i++) {
    for (const p of PERMISSIONS)
      if (roleCan(ROLES[i - 1], p)) assert.ok(roleCan(ROLES[i], p), `${ROLES[i]} lacks ${p}`);
  }
});

test('an account with an LA, or any account on a single-LA store, has its role’s row of the table', () => {
  for (const role of ROLES)
    for (const p of PERMISSIONS) {
      assert.equal(can({ role, la: '841', storeLas: 2 }, p), EXPECTED[p][role], `${role} 841 ${p}`);
      assert.equal(can({ role, la: null, storeLas: 1 }, p), EXPECTED[p][role], `${role} no LA ${p}`);
      assert.equal(can({ role, la: null, storeLas: 0 }, p), EXPECTED[p][role], `${role} empty ${p}`);
    }
});

test('on a multi-LA store an account with no LA keeps the aggregate views only, whatever its role', () => {
  const aggregate: Permission[] = ['scorecard:view', 'reports:view-public', 'targets:view'];
  for (const role of ROLES)
    for (const p of PERMISSIONS) {
      const who = { role, la: null, storeLas: 2 };
      const expected = EXPECTED[p][role] && !LA_SCOPED_PERMISSIONS.has(p);
      assert.equal(can(who, p), expected, `${role} ${p}`);
      assert.equal(deniedForNoLa(who, p), EXPECTED[p][role] && !expected, `${role} ${p} denied for no LA`);
    }
  for (const p of PERMISSIONS.filter((x) => /^(child-level|data|figures|breakdowns):/.test(x)))
    assert.equal(can({ role: 'admin', la: null, storeLas: 30 }, p), false, p);
  for (const p of aggregate) assert.equal(can({ role: 'analyst', la: null, storeLas: 2 }, p), true, p);
  // The hub admin still reads the audit log of every LA (routes/audit.ts).
  assert.equal(can({ role: 'admin', la: null, storeLas: 2 }, 'audit:view'), true);
});

test('an unknown LA count (no count made) is a hub’s: fails closed', () => {
  assert.equal(can({ role: 'manager', la: null, storeLas: Number.NaN }, 'child-level:view'), false);
});

test('isRole accepts the four roles only', () => {
  for (const r of ROLES) assert.ok(isRole(r));
  assert.equal(isRole('superuser'), false);
  assert.equal(isRole('Admin'), false);
});
