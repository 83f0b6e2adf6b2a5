import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { openDatabase } from '../../store/open.js';
import { ROLE_LABELS } from '../../web/auth/permissions.js';
import { listUsers } from '../../web/auth/users.js';
import { addAccount } from '../add-account.js';
import {
  changeAccount,
  disableAccount,
  enableAccount,
  fromTo,
  resetAccountPassword,
} from '../account-changes.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import { laCode, laCodeProblem } from '../../ingest/la-code.js';
import { readCurrentVersions } from '../../web/current-versions.js';
import type { Database } from '../../store/database.js';
import { noAccountsLine } from './serve.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** How many LAs the store holds (those with data, as the dashboard counts them for its permissions). */
async function storeLaCount(db: Database): Promise<number> {
  return (await readCurrentVersions(db)).size;
}

/**
 * What an account's LA gives it on the dashboard, as `cspi users add` says it (`can` in
 * web/auth/permissions.ts): an account with no LA on a store holding more than one LA (a hub) sees figures
 * and comparisons between LAs only, whatever its role.
 * @example accountScope('841', 3) //=> 'LA 841'
 * @example accountScope(null, 3) //=> 'no LA: this store holds 3 LAs, so the account sees …'
 */
export function accountScope(la: string | null, storeLas: number): string {
  if (la) return `LA ${la}`;
  if (storeLas > 1)
    return `no LA: this store holds ${storeLas} LAs, so the account sees figures and comparisons between LAs only (no child-level lists, Data pages, full figures or drafts); for one LA's, give it one with cspi users change NAME --la CODE`;
  return 'no LA: the store’s one LA; once the store holds more than one LA, figures and comparisons between LAs only';
}

/** The note under `cspi users list` when some account has no LA (null when none has). */
export function noLaNote(users: readonly { la: string | null }[], storeLas: number): string | null {
  if (!users.some((u) => u.la === null)) return null;
  return storeLas > 1
    ? `Accounts with no LA see figures and comparisons between LAs only: this store holds ${storeLas} LAs.`
    : 'Accounts with no LA see the store’s one LA; once it holds more than one, figures and comparisons between LAs only.';
}

/** `cspi users add|list|change|disable|enable|reset-password`: dashboard accounts (report.md §9; every change is audited). */
export function register(program: Command): void {
  const users = program.command('users').description('Manage dashboard accounts');

  users
    .command('add <username>')
    .description('Add an account; without --password-stdin a random password is generated and printed once')
    .requiredOption('--role <role>', 'member, analyst, manager or admin')
    .option(
      '--la <code>',
      'limit the account to one LA (DfE or ONS code); without it, on a store holding more than one LA (a hub), the account sees figures and comparisons between LAs only: no child-level lists, Data pages or full figures, whatever its role',
      laCode,
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--db <url>', 'database (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        username: string,
        opts: { role: string; la?: string; passwordStdin?: boolean; db?: string; json?: boolean },
      ) => {
        // An LA's name or a code no LA has would make an account that sees nothing, silently.
        const laProblem = opts.la === undefined ? null : laCodeProblem(opts.la, '--la');
        if (laProblem !== null) throw new UserError(`${laProblem} No account was added.`);
        const out = createOutput(Boolean(opts.json));
        const generated = opts.passwordStdin ? null : randomBytes(15).toString('base64url');
        const password = generated ?? (await readStdin());
        const db = await openDatabase(opts.db);
        try {
          const r = await addAccount(db, { username, role: opts.role, la: opts.la ?? null, password });
          if (!r.ok) throw new UserError(`${r.error.code}: ${r.error.message}`);
          const scope = accountScope(r.user.la, r.user.la ? 1 : await storeLaCount(db));
          out.info(`Added ${r.user.username} (${ROLE_LABELS[r.user.role].toLowerCase()}, ${scope}).`);
          if (generated) out.info(`Password (shown once; give it to the user securely): ${generated}`);
          out.result({
            username: r.user.username,
            role: r.user.role,
            la: r.user.la,
            ...(generated ? { password: generated } : {}),
          });
        } finally {
          await db.close();
        }
      },
    );

  users
    .command('list')
    .description('List accounts')
    .option('--db <url>', 'database (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      const db = await openDatabase(opts.db, { mustExist: true });
      try {
        const list = await listUsers(db);
        out.result(list);
        if (list.length === 0) out.info(noAccountsLine(opts.db));
        for (const u of list) {
          out.info(
            `${u.username.padEnd(24)} ${u.role.padEnd(8)} ${(u.la ?? 'no LA').padEnd(8)} ${u.disabled ? 'disabled' : 'active'}`,
          );
        }
        const note = noLaNote(list, list.some((u) => u.la === null) ? await storeLaCount(db) : 0);
        if (note) out.info(note);
      } finally {
        await db.close();
      }
    });

  // `--la CODE --no-la` would keep whichever came last, silently: each is noted as given, to refuse both.
  const laFlags = new Set<string>();
  users
    .command('change <username>')
    .description(
      'Give an account another role or LA (or both, in one step) and end its sessions: it signs in again with the new permissions. A disabled account stays disabled',
    )
    .option('--role <role>', 'member, analyst, manager or admin (default: the role it has)')
    .option(
      '--la <code>',
      'limit the account to this LA (DfE or ONS code): it then sees that LA’s data as its role allows, and no other LA’s (default: the LA it has)',
    )
    .option(
      '--no-la',
      'take the account’s LA away: on a store holding more than one LA (a hub) it then sees figures and comparisons between LAs only, no child-level lists, Data pages, full figures or drafts, whatever its role; on a store of one LA, that LA',
    )
    .option('--db <url>', 'database (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'machine-readable output')
    .on('option:la', () => laFlags.add('--la'))
    .on('option:no-la', () => laFlags.add('--no-la'))
    .addHelpText(
      'after',
      `
Without --role the account keeps its role; without --la or --no-la, its LA. A change to what it already has
changes nothing. Every change is audited (who, and each changed field as old → new) under the LAs it concerns.
The last enabled admin of an LA, or with no LA (the hub's), keeps its role and LA: add or enable another first.

Examples:
  cspi users change jo --role manager          # jo becomes a service manager, in the LA jo has
  cspi users change jo --la 840                # jo moves to LA 840 and no longer sees LA 841's children
  cspi users change region --role member --no-la`,
    )
    .action(
      async (username: string, opts: { role?: string; la?: string | false; db?: string; json?: boolean }) => {
        if (laFlags.size > 1) throw new UserError('give --la CODE or --no-la, not both; nothing was changed');
        const out = createOutput(Boolean(opts.json));
        const db = await openDatabase(opts.db, { mustExist: true });
        try {
          const la = opts.la === false ? null : opts.la;
          const r = await changeAccount(db, username, {
            ...(opts.role === undefined ? {} : { role: opts.role }),
            ...(la === undefined ? {} : { la }),
          });
          if (r.unchanged) {
            const had = [
              ...(opts.role === undefined ? [] : [`role ${r.after.role}`]),
              ...(la === undefined ? [] : [r.after.la === null ? 'no LA' : `LA ${r.after.la}`]),
            ];
            out.info(`${r.username} already has ${had.join(' and ')}; nothing changed.`);
          } else {
            const changed = [
              ...(r.before.role === r.after.role ? [] : [`role ${fromTo(r.before.role, r.after.role)}`]),
              ...(r.before.la === r.after.la ? [] : [`LA ${fromTo(r.before.la, r.after.la)}`]),
            ];
            out.info(`Changed ${r.username}: ${changed.join(', ')}; their sessions have ended.`);
            const scope = accountScope(r.after.la, r.after.la ? 1 : await storeLaCount(db));
            out.info(`${r.username} is now: ${ROLE_LABELS[r.after.role].toLowerCase()}, ${scope}.`);
            if (r.disabled)
              out.info(
                `${r.username} is disabled: the change applies once cspi users enable ${r.username} has enabled the account.`,
              );
          }
          out.result({
            username: r.username,
            role: r.after.role,
            la: r.after.la,
            previous: r.before,
            disabled: r.disabled,
            unchanged: r.unchanged,
            sessionsEnded: !r.unchanged,
          });
        } finally {
          await db.close();
        }
      },
    );

  users
    .command('disable <username>')
    .description(
      'Disable an account and end its sessions; the last enabled admin of an LA, or with no LA (the hub’s), is refused: add or enable another first',
    )
    .option('--db <url>', 'database (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'machine-readable output')
    .action(async (username: string, opts: { db?: string; json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      const db = await openDatabase(opts.db, { mustExist: true });
      try {
        const { alreadyDisabled: already, username: name } = await disableAccount(db, username);
        out.info(
          already
            ? `${name} was already disabled; nothing changed.`
            : `Disabled ${name}; their sessions have ended.`,
        );
        out.result({ username: name, disabled: true, alreadyDisabled: already });
      } finally {
        await db.close();
      }
    });

  users
    .command('enable <username>')
    .description('Enable a disabled account: it signs in again with the password it had')
    .option('--db <url>', 'database (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'machine-readable output')
    .action(async (username: string, opts: { db?: string; json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      const db = await openDatabase(opts.db, { mustExist: true });
      try {
        const r = await enableAccount(db, username);
        out.info(
          r.alreadyActive
            ? `${r.username} is already active; nothing changed.`
            : `Enabled ${r.username}; they sign in with the password they had (cspi users reset-password ${r.username} gives a new one).`,
        );
        out.result({ username: r.username, disabled: false, alreadyActive: r.alreadyActive });
      } finally {
        await db.close();
      }
    });

  users
    .command('reset-password <username>')
    .description(
      'Give an account a new password and end its sessions; without --password-stdin a random password is generated and printed once. A disabled account stays disabled',
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--db <url>', 'database (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'machine-readable output')
    .action(async (username: string, opts: { passwordStdin?: boolean; db?: string; json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      const generated = opts.passwordStdin ? null : randomBytes(15).toString('base64url');
      const password = generated ?? (await readStdin());
      const db = await openDatabase(opts.db, { mustExist: true });
      try {
        // A disabled account is reset and stays disabled: resetAccountPassword says why that is the safer.
        const r = await resetAccountPassword(db, username, password);
        out.info(`Reset ${r.username}’s password; their sessions have ended.`);
        if (generated) out.info(`Password (shown once; give it to the user securely): ${generated}`);
        if (r.disabled)
          out.info(
            `${r.username} is disabled: the new password signs in once cspi users enable ${r.username} has enabled the account.`,
          );
        out.result({
          username: r.username,
          disabled: r.disabled,
          sessionsEnded: true,
          ...(generated ? { password: generated } : {}),
        });
      } finally {
        await db.close();
      }
    });
}
