/**
 * Roles and permissions as data (report.md §1, §9). Each route asks for a permission, never for a role,
 * so changing who may do what is a change to this table only. Roles are cumulative: every analyst
 * permission is a manager's, and every manager permission is an admin's.
 */

export const ROLES = ['member', 'analyst', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Scorecard and trends (public values for members). */
  'scorecard:view',
  /** Published public reports. */
  'reports:view-public',
  /** Unsuppressed figures: numerators, denominators and small numbers as they are. */
  'figures:full',
  /** Breakdowns by age band, sex, ethnicity, team and source. */
  'breakdowns:view',
  /** The child-level list behind a figure, pseudonymised unless `child-level:identifiable`. */
  'child-level:view',
  /** Real child ids and dates of birth in child-level lists. */
  'child-level:identifiable',
  /** Download a child-level list as CSV. */
  'child-level:export',
  /** Dataset versions, imports and validation reports. */
  'data:view',
  /** Upload new extracts through the import path. */
  'data:upload',
  /** Read targets and their history. */
  'targets:view',
  /** Set targets, tolerances and schemes. */
  'targets:edit',
  /** Draft reports and preview the full (exempt) version. */
  'reports:draft',
  /** Publish an edition. */
  'reports:publish',
  /** Read the audit log. */
  'audit:view',
  /** Add and disable accounts. */
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MEMBER: readonly Permission[] = ['scorecard:view', 'reports:view-public'];
const ANALYST: readonly Permission[] = [
  ...MEMBER,
  'figures:full',
  'breakdowns:view',
  'child-level:view',
  'data:view',
  'data:upload',
  'targets:view',
  'reports:draft',
];
const MANAGER: readonly Permission[] = [...ANALYST, 'child-level:identifiable', 'child-level:export'];
const ADMIN: readonly Permission[] = [
  ...MANAGER,
  'targets:edit',
  'reports:publish',
  'audit:view',
  'users:manage',
];

/** The permission table: role → what it may do. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  member: new Set(MEMBER),
  analyst: new Set(ANALYST),
  manager: new Set(MANAGER),
  admin: new Set(ADMIN),
};

/** Human labels for roles, as the users list and the header show them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  member: 'Elected member',
  analyst: 'Performance analyst',
  manager: 'Service manager',
  admin: 'Administrator',
};

/**
 * Whether a role has a permission.
 * @example can('member', 'child-level:view') //=> false
 * @example can('manager', 'child-level:identifiable') //=> true
 */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** True for a known role name (CLI and database input). */
export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
