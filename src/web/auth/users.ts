import type { Database } from '../../store/database.js';
import { hashPassword, type ScryptParams, STRONG_SCRYPT } from './password.js';
import { isRole, type Role } from './permissions.js';
import { sessionCache } from './session-cache.js';

/** An account (never with its password hash outside this file and sign-in). */
export interface User {
  readonly username: string;
  readonly role: Role;
  /** The LA the account is limited to; null = every LA in the store (hub staff). */
  readonly la: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

interface UserRow {
  username: string;
  role: string;
  la: string | null;
  password_hash: string;
  disabled: number | boolean;
  created_at: string;
}

const USERNAME_RE = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** Why an account could not be added. */
export type AddUserError =
  | { readonly code: 'USER-NAME'; readonly message: string }
  | { readonly code: 'USER-ROLE'; readonly message: string }
  | { readonly code: 'USER-EXISTS'; readonly message: string }
  | { readonly code: 'USER-PASSWORD'; readonly message: string };

/** Minimum password length (NCSC guidance: length over complexity rules). */
export const MIN_PASSWORD_LENGTH = 12;

/** An account from its stored row (the password hash left behind). */
export function userFromRow(r: Omit<UserRow, 'password_hash'>): User {
  return {
    username: r.username,
    role: r.role as Role,
    la: r.la,
    disabled: Boolean(r.disabled),
    createdAt: r.created_at,
  };
}

/**
 * Why a password cannot be an account's (`cspi users add` and `reset-password` check it alike); null when it can.
 * @example passwordProblem('short') //=> { code: 'USER-PASSWORD', message: 'the password must be at least 12 …' }
 */
export function passwordProblem(password: string): AddUserError | null {
  if (password.length >= MIN_PASSWORD_LENGTH) return null;
  return {
    code: 'USER-PASSWORD',
    message: `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  };
}

/**
 * The refusal of a name that is no role (`isRole`), as `cspi users add` and `change` give it.
 * @example roleError('boss') //=> { code: 'USER-ROLE', message: '"boss" is not a role: use member, …' }
 */
export function roleError(role: string): AddUserError {
  return { code: 'USER-ROLE', message: `"${role}" is not a role: use member, analyst, manager or admin` };
}

/**
 * Adds an account with a scrypt-hashed password.
 * @example await addUser(db, { username: 'jo', role: 'analyst', la: '841', password: '…12+ chars…' })
 */
export async function addUser(
  db: Database,
  input: { username: string; role: string; la: string | null; password: string },
  now: Date = new Date(),
  params: ScryptParams = STRONG_SCRYPT,
): Promise<{ ok: true; user: User } | { ok: false; error: AddUserError }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username)) {
    return {
      ok: false,
      error: {
        code: 'USER-NAME',
        message: `"${input.username}" is not a valid user name: use 2 to 64 letters, digits, dots, dashes, @ or underscores`,
      },
    };
  }
  if (!isRole(input.role)) return { ok: false, error: roleError(input.role) };
  const weak = passwordProblem(input.password);
  if (weak) return { ok: false, error: weak };
  if (await db.get('SELECT username FROM web_users WHERE username = ?', [username])) {
    return { ok: false, error: { code: 'USER-EXISTS', message: `user "${username}" already exists` } };
  }
  const hash = await hashPassword(input.password, params);
  const at = now.toISOString();
  await db.run(
    'INSERT INTO web_users (username, role, la, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
    [username, input.role, input.la, hash, at, at],
  );
  return { ok: true, user: { username, role: input.role, la: input.la, disabled: false, createdAt: at } };
}

/** One account by name, with its hash (for sign-in only). */
export async function findUserForSignIn(
  db: Database,
  username: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const r = await db.get<UserRow>('SELECT * FROM web_users WHERE username = ?', [
    username.trim().toLowerCase(),
  ]);
  return r ? { user: userFromRow(r), passwordHash: r.password_hash } : null;
}

/** One account by name. */
export async function findUser(db: Database, username: string): Promise<User | null> {
  const r = await db.get<UserRow>('SELECT * FROM web_users WHERE username = ?', [username]);
  return r ? userFromRow(r) : null;
}

/** Every account, by name. */
export async function listUsers(db: Database): Promise<User[]> {
  return (await db.all<UserRow>('SELECT * FROM web_users ORDER BY username')).map(userFromRow);
}

/**
 * Disables an account and ends its sessions; false when there is no such account. The last enabled admin of
 * its LA (or with no LA) is not disabled: {@link LastAdminError}.
 */
export async function disableUser(db: Database, username: string, now: Date = new Date()): Promise<boolean> {
  return updateAndSignOut(db, username, 'disabled = 1', [], now);
}

/**
 * The refusal of a change that would leave the scope an account administered with no enabled admin
 * ({@link updateAndSignOut}): `la` is that scope, the account's LA, or null for an admin with no LA (the hub's).
 */
export class LastAdminError extends Error {
  override readonly name = 'LastAdminError';
  constructor(
    readonly username: string,
    readonly la: string | null,
  ) {
    super(`${username} is the last enabled admin ${la === null ? 'with no LA' : `of LA ${la}`}`);
  }
}

/** Whether an enabled account has the admin role in a scope: an LA, or null for those with no LA. */
async function hasEnabledAdmin(db: Database, la: string | null): Promise<boolean> {
  const r = await db.get(
    `SELECT username FROM web_users WHERE role = 'admin' AND disabled = 0 AND ${la === null ? 'la IS NULL' : 'la = ?'} LIMIT 1`,
    la === null ? [] : [la],
  );
  return r !== undefined;
}

/**
 * Sets columns of an account's row (`set`, a fixed clause of this module such as `role = ?, la = ?`, never
 * input, with its values) and its `updated_at`, and ends its sessions, in one transaction; then forgets its
 * cached sessions, so a lookup that read the account before is not reused either (session-cache.ts). False
 * when there is no such account.
 *
 * No change leaves an admin scope with no enabled admin: one that would (disabling its last enabled admin,
 * giving it another role, or moving it to another LA or none) throws {@link LastAdminError}, nothing changed.
 * Reading taken: admins are counted by the LA they have, as `can` (permissions.ts) gives them their rights.
 * An admin of LA 841 sets that LA's targets, publishes its editions and reads its audit log; an admin with no
 * LA is the hub's: it reads every LA's audit log but, on a store of more than one LA, sets no targets and
 * publishes nothing. So a hub admin does not stand in for an LA's last admin, nor an LA's admin for the
 * hub's last one; each LA with an admin keeps one, and so does the hub (no LA).
 *
 * The check and the change are one transaction, and run one at a time: the first statement locks the
 * account's row and every admin's (an update that changes nothing), so a second such change waits until the
 * first has committed and then counts what it left. On PostgreSQL (READ COMMITTED) two changes each removing
 * one of a scope's two admins would otherwise each see the other and both commit; SQLite's `BEGIN IMMEDIATE`
 * already runs one writer at a time.
 */
async function updateAndSignOut(
  db: Database,
  username: string,
  set: string,
  values: readonly unknown[],
  now: Date,
): Promise<boolean> {
  const name = username.trim().toLowerCase();
  const changed = await db.transaction(async (tx) => {
    await tx.run("UPDATE web_users SET role = role WHERE username = ? OR role = 'admin'", [name]);
    const before = await tx.get<Pick<UserRow, 'role' | 'la' | 'disabled'>>(
      'SELECT role, la, disabled FROM web_users WHERE username = ?',
      [name],
    );
    const r = await tx.run(`UPDATE web_users SET ${set}, updated_at = ? WHERE username = ?`, [
      ...values,
      now.toISOString(),
      name,
    ]);
    if (before?.role === 'admin' && !before.disabled && !(await hasEnabledAdmin(tx, before.la)))
      throw new LastAdminError(name, before.la);
    await tx.run('DELETE FROM web_sessions WHERE username = ?', [name]);
    return r.changes > 0;
  });
  sessionCache(db).forgetUser(name);
  return changed;
}

/**
 * Enables a disabled account (it signs in again with the password it had); false when there is no such account
 * or it is not disabled (nothing is written then).
 */
export async function enableUser(db: Database, username: string, now: Date = new Date()): Promise<boolean> {
  const name = username.trim().toLowerCase();
  const r = await db.run(
    'UPDATE web_users SET disabled = 0, updated_at = ? WHERE username = ? AND disabled <> 0',
    [now.toISOString(), name],
  );
  sessionCache(db).forgetUser(name);
  return r.changes > 0;
}

/**
 * Gives an account a new password, as the hash `hashPassword` made of it (hashed before, so no transaction
 * waits on scrypt), and ends its sessions: whoever signed in with the old one is signed out. Its disabled
 * state is left as it is. False when there is no such account.
 */
export async function setUserPasswordHash(
  db: Database,
  username: string,
  passwordHash: string,
  now: Date = new Date(),
): Promise<boolean> {
  return updateAndSignOut(db, username, 'password_hash = ?', [passwordHash], now);
}

/**
 * Gives an account a role and an LA (null = no LA: on a hub, figures and comparisons between LAs only) and
 * ends its sessions, so a narrowed account keeps no page it may no longer see. The role is checked by the
 * caller (`isRole`), as the LA is. Its password and disabled state are left as they are. False when there is
 * no such account. The last enabled admin of its LA (or with no LA) keeps its role and LA: {@link LastAdminError}.
 */
export async function setUserRoleAndLa(
  db: Database,
  username: string,
  change: { role: Role; la: string | null },
  now: Date = new Date(),
): Promise<boolean> {
  return updateAndSignOut(db, username, 'role = ?, la = ?', [change.role, change.la], now);
}
