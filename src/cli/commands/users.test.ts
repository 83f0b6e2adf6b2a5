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
