import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { isPostgresUrl, openDatabase, resolveDatabaseUrl } from '../../store/open.js';
import { createApp } from '../../web/app.js';
import { serverSecret } from '../../web/auth/secrets.js';
import { purgeExpiredSessions } from '../../web/auth/sessions.js';
import { createStoreServices } from '../../web/real-services.js';
import { pdfBrowser } from '../../web/reports/pdf-browser.js';
import { loadLaGroups } from '../../hub/la-groups.js';
import { LaIsolationUnavailable, laIsolationEnabled } from '../../hub/la-isolation.js';
import { UserError } from '../user-error.js';
import { loadSettings } from '../indicator-config.js';
import { suppressionRuleOf } from '../../report/public/suppression-rule.js';

interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly db?: string;
  readonly secureCookies?: boolean;
  readonly trustProxy?: boolean;
  readonly groups?: string;
  readonly settings?: string;
}

/** `cspi serve`: the dashboard on the store (report.md §9). Runs until interrupted. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the web dashboard (scorecard, indicators, data, targets, reports, audit log)')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <url>', 'database: a SQLite file path or postgres://… (default DATABASE_URL or ./cspi.db)')
    .option(
      '--secure-cookies',
      'mark session cookies Secure (set when served over https, e.g. behind a proxy)',
    )
    .option(
      '--groups <file>',
      'comparator groups file, e.g. { "statistical-neighbours": ["805", …] }: the SN average column and benchmarks',
    )
    .option(
      '--settings <file>',
      'indicator settings file (JSON), as cspi indicators and cspi report; suppression.k sets the public small-number threshold',
    )
    .option(
      '--trust-proxy',
      'take the client address from the last X-Forwarded-For entry (only behind one trusted proxy)',
    )
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UserError(`--port "${opts.port}" is not a port number (0–65535)`);
      }
      const settings = await loadSettings(opts.settings);
      const rule = suppressionRuleOf(settings);
      if (!rule.ok) throw new UserError(`--settings ${opts.settings ?? ''}: ${rule.issue.message}`.trim());
      const where = resolveDatabaseUrl(opts.db);
      const file = where.replace(/^sqlite:(\/\/)?/i, '');
      // A mistyped --db makes a new, empty database: the dashboard then shows nothing and asks for accounts.
      const isNew = !isPostgresUrl(where) && file !== ':memory:' && !existsSync(file);
      const db = await openDatabase(opts.db);
      // Fail closed on a hub: a dashboard that cannot read in the LAs' scopes (an LA's login role missing and
      // its user may not create it, or no login as it: pg_hba.conf) does not start, naming the roles and fix.
      await laIsolationEnabled(db).catch(async (e: unknown) => {
        if (!(e instanceof LaIsolationUnavailable)) throw e;
        await db.close();
        throw new UserError(`--db ${db.location}: ${e.message}`);
      });
      await purgeExpiredSessions(db, new Date());
      const users = await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM web_users');
      let groups;
      try {
        groups = loadLaGroups(opts.groups);
      } catch {
        throw new UserError(
          `--groups ${opts.groups}: cannot read it as JSON { "group name": ["LA code", …] }`,
        );
      }
      const pdf = pdfBrowser();
      const app = createApp({
        db,
        pdf,
        groups,
        services: createStoreServices(db, { settings }),
        secureCookies: Boolean(opts.secureCookies),
        trustProxy: Boolean(opts.trustProxy),
        pseudonymKey: await serverSecret(db, 'pseudonym-key'),
      });
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
          process.stdout.write(
            `cspi dashboard on http://${opts.host}:${info.port}/ (database ${db.location}${isNew ? ', new and empty: check --db if you meant another' : ''})\n`,
          );
          const warning = plainHttpWarning(opts.host, Boolean(opts.secureCookies));
          if (warning) process.stderr.write(`warning: ${warning}\n`);
          if (Number(users?.n ?? 0) === 0) {
            process.stdout.write(`${noAccountsLine(opts.db)}\n`);
          }
        });
        server.on('error', (err: NodeJS.ErrnoException) =>
          reject(
            err.code === 'EADDRINUSE'
              ? new UserError(`port ${port} on ${opts.host} is in use: choose another with --port`)
              : err,
          ),
        );
        const stop = () => {
          server.close(() => {
            void pdf
              .close()
              .then(() => db.close())
              .then(() => resolve());
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/**
 * What `cspi serve` prints when its database holds no account: the `cspi users add` to run, with the same
 * `--db` when one was given (without it the account went to ./cspi.db, or DATABASE_URL's database, while the
 * dashboard read another, and nobody could sign in). A PostgreSQL URL is not repeated: it can hold a password.
 * @example noAccountsLine('/srv/cspi/la.db') //=> 'No accounts yet: add one with cspi users add NAME --role admin --db /srv/cspi/la.db'
 */
export function noAccountsLine(db: string | undefined): string {
  const line = 'No accounts yet: add one with cspi users add NAME --role admin';
  const given = db?.trim();
  if (!given) return line;
  if (isPostgresUrl(given)) return `${line} --db and the same PostgreSQL URL`;
  return `${line} --db ${/^[\w./:@%+=,-]+$/.test(given) ? given : `'${given.replace(/'/g, "'\\''")}'`}`;
}

/** Addresses only this machine can reach: `localhost`, 127.0.0.0/8 and ::1. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * What `cspi serve` says on stderr when other machines can reach the dashboard and its session cookies are
 * not marked Secure: a session (and so every child-level page it opens) could then travel over plain HTTP.
 * Null on a loopback address, or with `--secure-cookies` (HTTPS in front, as the README says under Commands).
 * @example plainHttpWarning('127.0.0.1', false) //=> null
 */
export function plainHttpWarning(host: string, secureCookies: boolean): string | null {
  if (secureCookies || isLoopback(host)) return null;
  return `the dashboard listens on ${host}, which other machines can reach, and its session cookies are not marked Secure: serve it only behind an HTTPS proxy, and pass --secure-cookies (and --trust-proxy) so the browser never sends a session over plain HTTP`;
}
