import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noAccountsLine, plainHttpWarning } from './serve.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Starts `cspi serve` on a free port with the given options, waits for its start-up line, asks it for the
 * sign-in page, and stops it; gives what it printed and the page's status.
 */
async function served(
  args: readonly string[],
  db?: string,
): Promise<{ stdout: string; stderr: string; status: number; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-serve-'));
  const file = db ?? join(dir, 'cspi.db');
  const child = spawn(process.execPath, ['bin/cspi.js', 'serve', '--port', '0', '--db', file, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        // Both start-up lines are written at once; wait for the last (the account hint, or the first line alone).
        const m = /cspi dashboard on http:\/\/[^:]+:(\d+)\/.*\n/.exec(stdout);
        if (m && (/No accounts.*\n/.test(stdout) || !/, new and empty/.test(m[0]))) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`cspi serve exited (${code}): ${stderr}`)));
    });
    const r = await fetch(`http://127.0.0.1:${port}/sign-in`);
    await r.text();
    return { stdout, stderr, status: r.status, db: file };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('cspi serve on this machine only (the default) serves the dashboard and warns of nothing', async () => {
  const r = await served([]);
  assert.match(r.stdout, /^cspi dashboard on http:\/\/127\.0\.0\.1:\d+\/ \(database /);
  assert.equal(r.status, 200);
  assert.equal(r.stderr, '');
});

test('cspi serve on an address other machines reach, without --secure-cookies, warns that sessions could travel over plain HTTP', async () => {
  const open = await served(['--host', '0.0.0.0']);
  assert.equal(open.status, 200);
  assert.equal(
    open.stderr,
    'warning: the dashboard listens on 0.0.0.0, which other machines can reach, and its session cookies are not marked Secure: serve it only behind an HTTPS proxy, and pass --secure-cookies (and --trust-proxy) so the browser never sends a session over plain HTTP\n',
  );
  const behindHttps = await served(['--host', '0.0.0.0', '--secure-cookies', '--trust-proxy']);
  assert.equal(behindHttps.stderr, '');
});

test('plainHttpWarning: loopback addresses, by name or number, never warn; other addresses warn unless cookies are Secure', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]'])
    assert.equal(plainHttpWarning(host, false), null, host);
  for (const host of [
    '0.0.0.0',
    '::',
    '10.1.2.3',
    'cspi.council.gov.uk',
    '128.0.0.1',
    '127.0.0.1.example.org',
  ]) {
    assert.match(
      plainHttpWarning(host, false) ?? '',
      new RegExp(`^the dashboard listens on ${host.replace(/\./g, '\\.')},`),
      host,
    );
    assert.equal(plainHttpWarning(host, true), null, host);
  }
});

test('cspi serve on a database that does not exist says it is new and empty, and its hint to add an account names that --db', async () => {
  // It said only "No accounts yet: add one with cspi users add NAME --role admin": run as printed, that added
  // the account to ./cspi.db, not to the database served, and a mistyped --db looked like a dashboard with no data.
  const r = await served([]);
  assert.equal(
    r.stdout.replace(/:\d+\//, ':PORT/'),
    `cspi dashboard on http://127.0.0.1:PORT/ (database ${r.db}, new and empty: check --db if you meant another)\n` +
      `No accounts yet: add one with cspi users add NAME --role admin --db ${r.db}\n`,
  );
});

test('noAccountsLine: the --db given, quoted for the shell where needed; never a PostgreSQL URL', () => {
  assert.equal(noAccountsLine(undefined), 'No accounts yet: add one with cspi users add NAME --role admin');
  assert.equal(
    noAccountsLine('/srv/la data/cspi.db'),
    "No accounts yet: add one with cspi users add NAME --role admin --db '/srv/la data/cspi.db'",
  );
  assert.equal(
    noAccountsLine('postgres://cspi:s3cret@db/cspi'),
    'No accounts yet: add one with cspi users add NAME --role admin --db and the same PostgreSQL URL',
  );
});
