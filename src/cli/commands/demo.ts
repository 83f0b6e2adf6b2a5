import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { makeFolder } from '../make-folder.js';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { quarterContaining } from '../../calendar/period.js';
import { parseIsoDate } from '../../calendar/iso-date.js';
import { openDatabase } from '../../store/open.js';
import { addAccount } from '../add-account.js';
import { main } from '../main.js';
import { UserError } from '../user-error.js';

interface DemoOptions {
  out: string;
  db: string;
  port: string;
  end: string;
  serve: boolean;
}

/** The demo LA: Darlington (841), the council whose committee report cspi's indicator set follows. */
const DEMO_LA = '841';
const DEMO_ROLES = ['admin', 'manager', 'analyst', 'member'] as const;

export interface DemoAccount {
  readonly username: string;
  readonly role: string;
  readonly password: string;
}

/** Runs one cspi command as a user would; stops the demo when it fails structurally (exit code 2 or more). */
async function step(title: string, argv: string[]): Promise<number> {
  process.stdout.write(`\n== ${title}\n$ cspi ${argv.join(' ')}\n`);
  process.exitCode = 0;
  const code = await main(argv);
  process.exitCode = 0;
  if (code >= 2) throw new UserError(`the demo stopped at "${title}" (exit code ${code})`);
  return code;
}

/**
 * Demo accounts, one per role, for the demo LA. Created once; their generated passwords are kept in
 * `OUT/demo-accounts.json` (readable by this user only) so a second run can print them again. Each account
 * made is in the audit log (`user-add`, `command line (OS user)`), as `cspi users add` writes it.
 */
export async function demoAccounts(dbPath: string, file: string): Promise<DemoAccount[]> {
  const known: DemoAccount[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[])
    : [];
  const db = await openDatabase(dbPath);
  try {
    const accounts: DemoAccount[] = [];
    for (const role of DEMO_ROLES) {
      const username = `demo-${role}`;
      const saved = known.find((a) => a.username === username);
      const password = saved?.password ?? randomBytes(12).toString('base64url');
      const r = await addAccount(db, { username, role, la: DEMO_LA, password });
      if (!r.ok && r.error.code !== 'USER-EXISTS') throw new UserError(`${r.error.code}: ${r.error.message}`);
      if (!r.ok && !saved) continue; // made by someone else: its password is not ours to print
      accounts.push({ username, role, password });
    }
    writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    return accounts;
  } finally {
    await db.close();
  }
}

/**
 * The line above the demo accounts, naming the file their passwords are kept in as the user can type it (from
 * the current folder): under `--out`, not always `out/` (it named `out/demo/demo-accounts.json` whatever `--out`).
 * @example demoAccountsHeading(resolve('out/demo/demo-accounts.json')) //=> 'Demo accounts (LA 841; passwords also in out/demo/demo-accounts.json):'
 */
export function demoAccountsHeading(accountsFile: string, cwd = process.cwd()): string {
  const shown = relative(cwd, accountsFile);
  return `Demo accounts (LA ${DEMO_LA}; passwords also in ${shown.startsWith('..') ? accountsFile : shown}):`;
}

/**
 * What the demo prints after the reports: the demo accounts to sign in with, and, with `--no-serve`, the command
 * that serves the dashboard later. The accounts are made either way, so they are printed either way: with
 * `--no-serve` they were made silently, and a later `cspi serve` showed a sign-in page with no password given.
 * @example demoDashboardText([], '/w/out/demo/demo-accounts.json', { serve: false, port: '8080', db: './cspi.db' }, '/w')
 * //=> '\n== 5. Dashboard\nDemo accounts (LA 841; passwords also in out/demo/demo-accounts.json):\nStart it with: cspi serve --port 8080 --db ./cspi.db\n'
 */
export function demoDashboardText(
  accounts: readonly DemoAccount[],
  accountsFile: string,
  opts: { readonly serve: boolean; readonly port: string; readonly db: string },
  cwd = process.cwd(),
): string {
  const lines = ['', '== 5. Dashboard', demoAccountsHeading(accountsFile, cwd)];
  for (const a of accounts)
    lines.push(`  ${a.role.padEnd(8)} user ${a.username.padEnd(14)} password ${a.password}`);
  if (!opts.serve) lines.push(`Start it with: cspi serve --port ${opts.port} --db ${opts.db}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `cspi demo` (what `npm start` runs): synthetic data for one LA → import into the embedded database →
 * the latest quarter's indicators → the committee report in HTML, PDF and Word (full and public) →
 * demo accounts → the dashboard. Every step is the same command a user would run, printed as it runs.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description('the whole pipeline on synthetic data: synth → import → indicators → report → dashboard')
    .option('--out <dir>', 'folder for the synthetic data and the reports', 'out')
    .option('--db <path>', 'embedded database file', './cspi.db')
    .option('--end <date>', 'extract date of the synthetic data (its quarter is reported)', '2022-03-31')
    .option('--port <port>', 'dashboard port', '8080')
    .option('--no-serve', 'stop after writing the reports (do not start the dashboard)')
    .action(async (opts: DemoOptions) => {
      const end = parseIsoDate(opts.end);
      if (!end) throw new UserError(`--end "${opts.end}" is not a YYYY-MM-DD date`);
      const period = quarterContaining(end).id;
      const out = resolve(opts.out);
      const data = join(out, 'demo', 'data');
      makeFolder(join(out, 'demo'));

      if (!existsSync(join(data, 'manifest.json'))) {
        await step('1. Synthetic data for one LA (Darlington-sized), five collection years', [
          'synth',
          '--out',
          data,
          '--las',
          '1',
          '--years',
          '5',
          '--end',
          opts.end,
          '--seed',
          '1',
        ]);
      } else {
        process.stdout.write(`\n== 1. Synthetic data: already in ${data} (delete it to regenerate)\n`);
      }
      await step('2. Import into the embedded database (validated, one atomic dataset version)', [
        'import',
        join(data, DEMO_LA),
        '--la',
        DEMO_LA,
        '--db',
        opts.db,
        '--report-dir',
        join(out, 'demo'),
      ]);
      await step(`3. Indicators for ${period}`, [
        'indicators',
        '--period',
        period,
        '--la',
        DEMO_LA,
        '--db',
        opts.db,
      ]);
      const reports: string[] = [];
      for (const [ext, pub] of [
        ['html', false],
        ['pdf', false],
        ['docx', false],
        ['html', true],
        ['pdf', true],
      ] as const) {
        const file = join(out, `committee-report-${period}${pub ? '-public' : ''}.${ext}`);
        await step(`4. Committee report (${pub ? 'public' : 'full'} ${ext.toUpperCase()})`, [
          'report',
          '--period',
          period,
          '--la',
          DEMO_LA,
          '--db',
          opts.db,
          '--out',
          file,
          ...(pub ? ['--public'] : []),
        ]);
        reports.push(file);
      }
      const accountsFile = join(out, 'demo', 'demo-accounts.json');
      const accounts = await demoAccounts(opts.db, accountsFile);

      process.stdout.write('\n== Reports written\n');
      for (const f of reports) process.stdout.write(`  ${f}\n`);
      process.stdout.write(demoDashboardText(accounts, accountsFile, opts));
      if (!opts.serve) return;
      await step('Serving the dashboard (Ctrl-C to stop)', ['serve', '--port', opts.port, '--db', opts.db]);
    });
}
