import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, isRole, PERMISSIONS, type Permission, ROLES, type Role } from './permissions.js';

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
      assert.equal(can(role, p), EXPECTED[p][role]);
    });
  }
}

test('members never see child-level data, in any form', () => {
  for (const p of PERMISSIONS.filter((x) => x.startsWith('child-level:')))
    assert.equal(can('member', p), false);
});

test('roles are cumulative: each role has every permission of the one below', () => {
  for (let i = 1; i < ROLES.length; i++) {
    for (const p of PERMISSIONS)
      if (can(ROLES[i - 1], p)) assert.ok(can(ROLES[i], p), `${ROLES[i]} lacks ${p}`);
  }
});

test('isRole accepts the four roles only', () => {
  for (const r of ROLES) assert.ok(isRole(r));
  assert.equal(isRole('superuser'), false);
  assert.equal(isRole('Admin'), false);
});
