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
 * Whether a role's row of the table has a permission, whoever holds it. Routes and pages ask {@link can},
 * which also weighs the user's LA; this is the table alone (the CLI's wording, the table's own tests).
 * @example roleCan('member', 'child-level:view') //=> false
 * @example roleCan('manager', 'child-level:identifiable') //=> true
 */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/**
 * The permissions that expose child-level or LA-internal data, or act for an LA: full (unsuppressed)
 * figures and breakdowns ("Do not share outside the council"), child-level lists and their exports, the Data
 * page (dataset versions, validation reports with a row per child, uploads), drafting (the full, exempt
 * version and internal commentary), publishing and setting targets. On a store holding more than one LA
 * they need an account limited to one LA ({@link can}). The rest (scorecard, indicator figures and
 * comparisons between LAs in the public view, published public reports, reading targets, the audit log,
 * accounts) are aggregate or the hub's own.
 */
export const LA_SCOPED_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'figures:full',
  'breakdowns:view',
  'child-level:view',
  'child-level:identifiable',
  'child-level:export',
  'data:view',
  'data:upload',
  'reports:draft',
  'reports:publish',
  'targets:edit',
]);

/** Who is asking: the account's role and LA, and how many LAs the store holds (LAs with data). */
export interface Access {
  readonly role: Role;
  /** The LA the account is limited to; null = none. */
  readonly la: string | null;
  /** LAs with a dataset version in the store: 1 on a laptop, more on a regional or national hub. */
  readonly storeLas: number;
}

/**
 * Whether a user may do something: their role's row of the table, and, for {@link LA_SCOPED_PERMISSIONS} on
 * a store holding more than one LA, an LA on their account (least privilege on a hub). Reading taken (the
 * spec is silent on hub accounts; docs/spec-readings.md): an account with no LA on a multi-LA store gets
 * aggregate views only, as a councillor does (scorecards, indicator figures and comparisons between LAs, in
 * the public view; published public reports), never child lists, validation reports or exports with child
 * rows; its role keeps only what is not LA-scoped (an admin still reads the audit log). An account with an
 * LA has its role's rights within that LA only: every route resolves the LA asked for against the account's
 * (`routes/scope.ts`, 403 for another). On a single-LA store (the laptop default) nothing changes: an
 * account with no LA is that LA's user.
 * @example can({ role: 'manager', la: null, storeLas: 2 }, 'child-level:view') //=> false
 * @example can({ role: 'manager', la: '841', storeLas: 2 }, 'child-level:view') //=> true
 * @example can({ role: 'manager', la: null, storeLas: 1 }, 'child-level:view') //=> true
 */
export function can(who: Access, permission: Permission): boolean {
  if (!roleCan(who.role, permission)) return false;
  return !LA_SCOPED_PERMISSIONS.has(permission) || who.la !== null || who.storeLas <= 1;
}

/**
 * True when a role allows a permission that the account may not use only because it has no LA on a
 * multi-LA store (the 403 page then says so, and how to get it).
 */
export function deniedForNoLa(who: Access, permission: Permission): boolean {
  return roleCan(who.role, permission) && !can(who, permission);
}

/** True for a known role name (CLI and database input). */
export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
