import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../store/open.js';
import { readAudit } from '../../web/audit/audit-log.js';
import { demoAccounts, demoAccountsHeading, demoDashboardText } from './demo.js';

test('cspi demo names the accounts file under its --out, as typed from the current folder', () => {
  assert.equal(
    demoAccountsHeading('/work/out/demo/demo-accounts.json', '/work'),
    'Demo accounts (LA 841; passwords also in out/demo/demo-accounts.json):',
  );
  assert.equal(
    demoAccountsHeading('/work/elsewhere/demo/demo-accounts.json', '/work'),
    'Demo accounts (LA 841; passwords also in elsewhere/demo/demo-accounts.json):',
  );
  assert.equal(
    demoAccountsHeading('/tmp/d/demo/demo-accounts.json', '/work'),
    'Demo accounts (LA 841; passwords also in /tmp/d/demo/demo-accounts.json):',
    'outside the current folder: the whole path',
  );
});

// cspi demo makes an account per role: each is audited as cspi users add audits it (they were in no entry).
test('cspi demo audits the accounts it makes, once, naming the OS user', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-demo-accounts-'));
  try {
    const file = join(dir, 'cspi.db');
    await demoAccounts(file, join(dir, 'demo-accounts.json'));
    await demoAccounts(file, join(dir, 'demo-accounts.json'));
    const db = await openDatabase(file, { mustExist: true });
    try {
      const { entries } = await readAudit(db);
      assert.deepEqual(
        entries.reverse().map((e) => [e.action, e.actor, e.la, e.detail]),
        (['admin', 'manager', 'analyst', 'member'] as const).map((role) => [
          'user-add',
          `command line (${userInfo().username})`,
          '841',
          { username: `demo-${role}`, role },
        ]),
        'the second run makes none, and audits none',
      );
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The demo makes its accounts with or without --no-serve; it printed them only when serving, so after
// `cspi demo --no-serve` a later `cspi serve` showed a sign-in page and no password had been given.
test('cspi demo prints the demo accounts with --no-serve too, and the command that serves the dashboard', () => {
  const accounts = [
    { username: 'demo-admin', role: 'admin', password: 'pw-a' },
    { username: 'demo-member', role: 'member', password: 'pw-m' },
  ];
  const lines = (serve: boolean): string[] =>
    demoDashboardText(
      accounts,
      '/w/out/demo/demo-accounts.json',
      { serve, port: '8081', db: 'x.db' },
      '/w',
    ).split('\n');
  const accountLines = [
    'Demo accounts (LA 841; passwords also in out/demo/demo-accounts.json):',
    '  admin    user demo-admin     password pw-a',
    '  member   user demo-member    password pw-m',
  ];
  assert.deepEqual(lines(true), ['', '== 5. Dashboard', ...accountLines, '']);
  assert.deepEqual(lines(false), [
    '',
    '== 5. Dashboard',
    ...accountLines,
    'Start it with: cspi serve --port 8081 --db x.db',
    '',
  ]);
});
