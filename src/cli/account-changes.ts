import type { Database } from '../store/database.js';
import { appendAudit } from '../web/audit/audit-log.js';
import { hashPassword, type ScryptParams, STRONG_SCRYPT } from '../web/auth/password.js';
import { sessionCache } from '../web/auth/session-cache.js';
import {
  disableUser,
  enableUser,
  findUser,
  passwordProblem,
  setUserPasswordHash,
} from '../web/auth/users.js';
import { commandLineActor } from './os-user.js';
import { UserError } from './user-error.js';

/** The refusal for a name no account has, as `cspi users disable` words it. */
function noSuchUser(username: string): UserError {
  return new UserError(`there is no user "${username}": cspi users list names the accounts`);
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
 * `cspi users list`.
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
    await disableUser(tx, user.username);
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
