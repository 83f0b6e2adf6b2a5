import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { openDatabase } from '../../store/open.js';
import { accountScope, noLaNote } from './users.js';

test('accountScope: an account with no LA on a multi-LA store is told it gets comparisons only', () => {
  assert.equal(accountScope('841', 3), 'LA 841');
  assert.match(accountScope(null, 3), /^no LA: this store holds 3 LAs/);
  assert.match(accountScope(null, 3), /figures and comparisons between LAs only \(no child-level lists/);
  // An existing account cannot be added again: the way to an LA's access is a new account.
  assert.match(accountScope(null, 3), /disable it and add an account with --la CODE/);
  assert.match(accountScope(null, 3), /--la CODE/);
  assert.match(accountScope(null, 1), /^no LA: the store’s one LA; once the store holds more than one LA/);
});

test('noLaNote: only when some account has no LA', () => {
  assert.equal(noLaNote([{ la: '841' }], 2), null);
  assert.match(noLaNote([{ la: null }], 2)!, /comparisons between LAs only: this store holds 2 LAs/);
  assert.match(noLaNote([{ la: null }], 1)!, /once it holds more than one/);
});

test('cspi users add and list on a store of two LAs say that an account with no LA gets comparisons only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-users-'));
  const file = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(file);
    try {
      await importSmallLa(db, '841', 6);
      await importSmallLa(db, '840', 6);
    } finally {
      await db.close();
    }
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/cspi.js', 'users', ...args, '--db', file], { encoding: 'utf8' });
    const help = run('add', '--help');
    assert.match(help.stdout.replace(/\s+/g, ' '), /figures and comparisons between LAs only/);
    const none = run('add', 'region', '--role', 'manager');
    assert.equal(none.status, 0, none.stderr);
    assert.match(
      none.stdout,
      /Added region \(service manager, no LA: this store holds 2 LAs, so the account sees figures and comparisons between LAs only/,
    );
    const own = run('add', 'jo', '--role', 'manager', '--la', '841');
    assert.match(own.stdout, /Added jo \(service manager, LA 841\)\./);
    const list = run('list');
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /region\s+manager\s+no LA/);
    assert.match(
      list.stdout,
      /Accounts with no LA see figures and comparisons between LAs only: this store holds 2 LAs\./,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cspi users enable and reset-password: what they say, their exit codes, and the password printed once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-users-'));
  const file = join(dir, 'cspi.db');
  const run = (input: string | undefined, ...args: string[]) =>
    spawnSync(process.execPath, ['bin/cspi.js', 'users', ...args, '--db', file], { encoding: 'utf8', input });
  try {
    assert.equal(run(undefined, 'add', 'jo', '--role', 'analyst', '--la', '841').status, 0);
    const active = run(undefined, 'enable', 'jo');
    assert.equal(active.status, 0, active.stderr);
    assert.equal(active.stdout, 'jo is already active; nothing changed.\n');
    assert.equal(run(undefined, 'disable', 'jo').status, 0);
    const enabled = run(undefined, 'enable', 'JO');
    assert.equal(enabled.status, 0, enabled.stderr);
    assert.equal(
      enabled.stdout,
      'Enabled jo; they sign in with the password they had (cspi users reset-password jo gives a new one).\n',
    );
    for (const sub of ['enable', 'reset-password']) {
      const unknown = run(undefined, sub, 'zed');
      assert.equal(unknown.status, 2, sub);
      assert.equal(unknown.stdout, '', sub);
      assert.equal(unknown.stderr, 'cspi: there is no user "zed": cspi users list names the accounts\n', sub);
    }

    const generated = run(undefined, 'reset-password', 'jo');
    assert.equal(generated.status, 0, generated.stderr);
    const lines = generated.stdout.split('\n');
    assert.equal(lines[0], 'Reset jo’s password; their sessions have ended.');
    assert.match(lines[1]!, /^Password \(shown once; give it to the user securely\): [A-Za-z0-9_-]{20}$/);
    assert.equal(lines.length, 3, 'nothing else');

    const short = run('too short\n', 'reset-password', 'jo', '--password-stdin');
    assert.equal(short.status, 2);
    assert.equal(
      short.stderr,
      'cspi: USER-PASSWORD: the password must be at least 12 characters long; no password was changed\n',
    );
    const given = run('correct horse battery staple\n', 'reset-password', 'jo', '--password-stdin');
    assert.equal(given.status, 0, given.stderr);
    assert.equal(
      given.stdout,
      'Reset jo’s password; their sessions have ended.\n',
      'a given one is not printed',
    );

    // A disabled account is reset and stays disabled; the output says how to enable it.
    assert.equal(run(undefined, 'disable', 'jo').status, 0);
    const disabled = run('another long password\n', 'reset-password', 'jo', '--password-stdin');
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.equal(
      disabled.stdout,
      'Reset jo’s password; their sessions have ended.\njo is disabled: the new password signs in once cspi users enable jo has enabled the account.\n',
    );
    assert.match(run(undefined, 'list').stdout, /^jo\s+analyst\s+841\s+disabled$/m);

    const missing = spawnSync(
      process.execPath,
      ['bin/cspi.js', 'users', 'enable', 'jo', '--db', join(dir, 'csip.db')],
      { encoding: 'utf8' },
    );
    assert.equal(missing.status, 2, 'a mistyped --db is refused, not created');
    assert.match(missing.stderr, /csip\.db does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
