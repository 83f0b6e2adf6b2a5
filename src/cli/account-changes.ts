import { laCode, laCodeProblem } from '../ingest/la-code.js';
import type { Database } from '../store/database.js';
import { appendAudit } from '../web/audit/audit-log.js';
import { hashPassword, type ScryptParams, STRONG_SCRYPT } from '../web/auth/password.js';
import { isRole, type Role } from '../web/auth/permissions.js';
import { sessionCache } from '../web/auth/session-cache.js';
import {
  disableUser,
  enableUser,
  findUser,
  LastAdminError,
  passwordProblem,
  roleError,
  setUserPasswordHash,
  setUserRoleAndLa,
} from '../web/auth/users.js';
import { commandLineActor } from './os-user.js';
import { UserError } from './user-error.js';

/** The refusal for a name no account has, as `cspi users disable` words it. */
function noSuchUser(username: string): UserError {
  return new UserError(`there is no user "${username}": cspi users list names the accounts`);
}

/**
 * `cspi users disable` and `change` refuse, as a UserError (exit 2), a change that would leave the account's LA,
 * or the hub (no LA), with no enabled admin ({@link LastAdminError}; no audit entry, as for their other
 * refusals), saying what to do instead; any other error is thrown as it is.
 * @example refuseLastAdmin(new LastAdminError('demo-admin', '841')) // throws 'demo-admin is the last enabled admin of LA 841: add or enable another admin of LA 841 first (cspi users add NAME --role admin --la 841); nothing was changed'
 */
function refuseLastAdmin(e: unknown): never {
  if (!(e instanceof LastAdminError)) throw e;
  const scope = e.la === null ? 'with no LA' : `of LA ${e.la}`;
  const add = `cspi users add NAME --role admin${e.la === null ? '' : ` --la ${e.la}`}`;
  throw new UserError(
    `${e.username} is the last enabled admin ${scope}: add or enable another admin ${scope} first (${add}); nothing was changed`,
  );
}

/**
 * `cspi users enable`: enables a disabled account and writes its audit entry (`user-enable`, actor
 * `command line (OS user)`, the account's LA, as `user-add` has it, so that LA's admins read it) in one
 * transaction: no account enabled without its entry. An account already active is left as it is, with no
 * entry. A name no account has is a UserError pointing to `cspi users list`.
 * @example await enableAccount(db, 'JO') //=> { username: 'jo', alreadyActive: false }
 */
export async function enableAccount(
  db: Database,
  username: string,
): Promise<{ username: string; alreadyActive: boolean }> {
  return db.transaction(async (tx) => {
    const user = await findUser(tx, username.trim().toLowerCase());
    if (!user) throw noSuchUser(username);
    if (!user.disabled) return { username: user.username, alreadyActive: true };
    await enableUser(tx, user.username);
    await appendAudit(tx, {
      actor: commandLineActor(),
      ip: null,
      action: 'user-enable',
      la: user.la,
      detail: { username: user.username },
    });
    return { username: user.username, alreadyActive: false };
  });
}

/**
 * `cspi users disable`: disables an account, ends its sessions and writes its audit entry (`user-disable`,
 * actor `command line (OS user)`, the account's LA and stored name, as `enableAccount` writes its) in one
 * transaction: no account disabled without its entry. One disabled already is left as it is, with no entry
 * (it said "Disabled …" and was audited again). A name no account has is a UserError pointing to
 * `cspi users list`; so is the last enabled admin of its LA, or with no LA ({@link refuseLastAdmin}), nothing
 * changed and no entry.
 * @example await disableAccount(db, 'JO') //=> { username: 'jo', alreadyDisabled: false }
 */
export async function disableAccount(
  db: Database,
  username: string,
): Promise<{ username: string; alreadyDisabled: boolean }> {
  return db.transaction(async (tx) => {
    const user = await findUser(tx, username.trim().toLowerCase());
    if (!user) throw noSuchUser(username);
    if (user.disabled) return { username: user.username, alreadyDisabled: true };
    await disableUser(tx, user.username).catch(refuseLastAdmin);
    await appendAudit(tx, {
      actor: commandLineActor(),
      ip: null,
      action: 'user-disable',
      la: user.la,
      detail: { username: user.username },
    });
    return { username: user.username, alreadyDisabled: false };
  });
}

/**
 * `cspi users reset-password`: gives an account a new password (checked as `cspi users add` checks one: a
 * UserError `USER-PASSWORD: …` when too short, nothing changed), ends its sessions and writes its audit entry
 * (`user-password-reset`, actor `command line (OS user)`, the account's LA; the password is never in it) in
 * one transaction. The password is hashed before the transaction, so no other writer waits on scrypt.
 *
 * A disabled account's password is reset too, and it stays disabled (`disabled: true` says so, for the
 * caller to tell how to enable it). Reading: resetting while disabled is the safer of the two choices. An
 * account is disabled when someone leaves or their password may be known to another; refusing the reset
 * until it is enabled would make the only way back `enable` then `reset-password`, so the old, perhaps
 * known, password would sign in between the two. Resetting first and enabling after leaves no moment when
 * the old password works; and a reset alone gives no access, the account staying disabled.
 * @example await resetAccountPassword(db, 'jo', 'correct horse battery staple') //=> { username: 'jo', disabled: false }
 */
export async function resetAccountPassword(
  db: Database,
  username: string,
  password: string,
  params: ScryptParams = STRONG_SCRYPT,
): Promise<{ username: string; disabled: boolean }> {
  const weak = passwordProblem(password);
  if (weak) throw new UserError(`${weak.code}: ${weak.message}; no password was changed`);
  const name = username.trim().toLowerCase();
  // A name no account has is refused before the (slow) hash as well as in the transaction.
  if (!(await findUser(db, name))) throw noSuchUser(username);
  const hash = await hashPassword(password, params);
  const r = await db.transaction(async (tx) => {
    const user = await findUser(tx, name);
    if (!user) throw noSuchUser(username);
    await setUserPasswordHash(tx, user.username, hash);
    await appendAudit(tx, {
      actor: commandLineActor(),
      ip: null,
      action: 'user-password-reset',
      la: user.la,
      detail: { username: user.username },
    });
    return { username: user.username, disabled: user.disabled };
  });
  // After the commit, on this store's own cache (the transaction's is another's): a session of the account
  // read before it is not reused (session-cache.ts; a `cspi serve` in another process forgets within its 1 s).
  sessionCache(db).forgetUser(r.username);
  return r;
}

/** What `cspi users change` gives: a role, an LA (a code, or null for none); an absent one is kept. */
export interface AccountChange {
  readonly role?: string;
  readonly la?: string | null;
}

/** An account's role and LA, before or after `changeAccount`. */
export interface RoleAndLa {
  readonly role: Role;
  readonly la: string | null;
}

/**
 * `old → new` as the audit entry and `cspi users change` show a change; an LA of null is "none".
 * @example fromTo('841', null) //=> '841 → none'
 */
export function fromTo(old: string | null, now: string | null): string {
  return `${old ?? 'none'} → ${now ?? 'none'}`;
}

/**
 * `cspi users change`: gives an account another role and/or LA, ends its sessions (its next request signs in
 * again, with the new permissions from the first page) and writes its audit entry (`user-change`, actor
 * `command line (OS user)`, detail the name and each changed field as `old → new`) in one transaction: no
 * account changed without its entry. The entry is under each LA the change concerns, so that LA's admins
 * read it: the one the account leaves and the one it joins (an account moved from LA 841 to 840 has one
 * under each; one moved to or from no LA, under its LA; a role changed on an account with no LA, under no
 * LA, the hub's).
 *
 * Refused with a UserError, nothing changed: no role and no LA given; a role that is none
 * (`USER-ROLE: …`); an LA that is no LA code (as `cspi users add --la` words it; an ONS code is stored as
 * its DfE number); a name no account has; another role or another LA for the last enabled admin of its LA,
 * or with no LA ({@link refuseLastAdmin}). A change to what the account already has is left as it is, with
 * no entry and its sessions kept (`unchanged: true`), as `disableAccount` leaves a disabled account. A
 * disabled account is changed too and stays disabled (`disabled: true`).
 * @example await changeAccount(db, 'jo', { role: 'manager' }) //=> { username: 'jo', before: { role: 'analyst', la: '841' }, after: { role: 'manager', la: '841' }, disabled: false, unchanged: false }
 */
export async function changeAccount(
  db: Database,
  username: string,
  change: AccountChange,
): Promise<{
  username: string;
  before: RoleAndLa;
  after: RoleAndLa;
  disabled: boolean;
  unchanged: boolean;
}> {
  if (change.role === undefined && change.la === undefined)
    throw new UserError('give --role ROLE, --la CODE or --no-la; nothing was changed');
  const role = change.role;
  if (role !== undefined && !isRole(role)) {
    const e = roleError(role);
    throw new UserError(`${e.code}: ${e.message}; nothing was changed`);
  }
  const laProblem = typeof change.la === 'string' ? laCodeProblem(change.la, '--la') : null;
  if (laProblem !== null) throw new UserError(`${laProblem} Nothing was changed.`);
  const r = await db.transaction(async (tx) => {
    const user = await findUser(tx, username.trim().toLowerCase());
    if (!user) throw noSuchUser(username);
    const before: RoleAndLa = { role: user.role, la: user.la };
    const after: RoleAndLa = {
      role: role ?? user.role,
      la: change.la === undefined ? user.la : change.la === null ? null : laCode(change.la),
    };
    const unchanged = before.role === after.role && before.la === after.la;
    if (!unchanged) {
      await setUserRoleAndLa(tx, user.username, after).catch(refuseLastAdmin);
      const detail = {
        username: user.username,
        ...(before.role === after.role ? {} : { role: fromTo(before.role, after.role) }),
        ...(before.la === after.la ? {} : { la: fromTo(before.la, after.la) }),
      };
      const las = [...new Set([before.la, after.la].filter((la) => la !== null))];
      for (const la of las.length > 0 ? las : [null])
        await appendAudit(tx, { actor: commandLineActor(), ip: null, action: 'user-change', la, detail });
    }
    return { username: user.username, before, after, disabled: user.disabled, unchanged };
  });
  // After the commit, on this store's own cache, as resetAccountPassword does: no session read before it is reused.
  if (!r.unchanged) sessionCache(db).forgetUser(r.username);
  return r;
}
