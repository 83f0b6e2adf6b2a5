import type { Database } from '../store/database.js';
import { appendAudit } from '../web/audit/audit-log.js';
import { addUser } from '../web/auth/users.js';
import { commandLineActor } from './os-user.js';

/**
 * Adds a dashboard account from the command line (`cspi users add`, the demo's accounts) and its audit entry
 * (`user-add`, actor `command line (OS user)`) in one transaction: no account without its entry. A refused
 * account (its name taken, an unknown role) is returned as `addUser` gives it, with nothing written.
 * @example const r = await addAccount(db, { username: 'jo', role: 'analyst', la: '841', password }); r.ok //=> true
 */
export async function addAccount(
  db: Database,
  input: Parameters<typeof addUser>[1],
): Promise<Awaited<ReturnType<typeof addUser>>> {
  return db.transaction(async (tx) => {
    const r = await addUser(tx, input);
    if (r.ok)
      await appendAudit(tx, {
        actor: commandLineActor(),
        ip: null,
        action: 'user-add',
        la: r.user.la,
        detail: { username: r.user.username, role: r.user.role },
      });
    return r;
  });
}
