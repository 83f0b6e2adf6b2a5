import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { testStores } from '../store/test-stores.js';
import { readAudit } from '../web/audit/audit-log.js';
import { commandLineActor, osUserName } from './os-user.js';

const noEntry = (): string => {
  throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
};

test('the OS user: os.userInfo first, then USER, then USERNAME, then "unknown"', () => {
  assert.equal(
    osUserName(() => 'jsmith', { USER: 'other' }),
    'jsmith',
  );
  assert.equal(osUserName(noEntry, { USER: 'jsmith', USERNAME: 'JSMITH' }), 'jsmith');
  assert.equal(osUserName(noEntry, { USERNAME: 'JSmith' }), 'JSmith', 'Windows');
  assert.equal(
    osUserName(() => '', { USER: ' ' }),
    'unknown',
  );
  assert.equal(osUserName(noEntry, {}), 'unknown');
  assert.equal(osUserName(), userInfo().username);
});

test('a cspi command audits as "command line (OS user)"', () => {
  assert.equal(commandLineActor('jsmith'), 'command line (jsmith)');
  assert.equal(commandLineActor(), `command line (${userInfo().username})`);
});

// cspi users add / change / disable / reset-password / enable: the account changes in the audit log name the person who ran them.
for (const store of testStores()) {
  test(
    `cspi users add, change, disable, reset-password and enable are audited with the OS user running them (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db: store0, url, cleanup } = await store.open();
      try {
        const run = (...args: string[]) =>
          spawnSync(process.execPath, ['bin/cspi.js', 'users', ...args, '--db', url], {
            encoding: 'utf8',
            input: 'correct horse battery staple\n',
          });
        const add = run('add', 'jo', '--role', 'analyst', '--la', '841', '--password-stdin');
        assert.equal(add.status, 0, add.stderr);
        const change = run('change', 'jo', '--role', 'manager');
        assert.equal(change.status, 0, change.stderr);
        const disable = run('disable', 'jo');
        assert.equal(disable.status, 0, disable.stderr);
        const reset = run('reset-password', 'jo', '--password-stdin');
        assert.equal(reset.status, 0, reset.stderr);
        const enable = run('enable', 'jo');
        assert.equal(enable.status, 0, enable.stderr);
        const { entries } = await readAudit(store0);
        assert.deepEqual(
          entries.map((e) => [e.action, e.actor, e.la, e.detail]),
          [
            ['user-enable', `command line (${userInfo().username})`, '841', { username: 'jo' }],
            ['user-password-reset', `command line (${userInfo().username})`, '841', { username: 'jo' }],
            ['user-disable', `command line (${userInfo().username})`, '841', { username: 'jo' }],
            [
              'user-change',
              `command line (${userInfo().username})`,
              '841',
              { username: 'jo', role: 'analyst → manager' },
            ],
            ['user-add', `command line (${userInfo().username})`, '841', { username: 'jo', role: 'analyst' }],
          ],
        );
      } finally {
        await cleanup();
      }
    },
  );
}

// An account change and its audit entry are one transaction: when the entry cannot be written, the account is
// not added (or not disabled), so no change goes unrecorded.
for (const store of testStores()) {
  test(
    `cspi users add and disable change nothing when their audit entry cannot be written (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      try {
        const run = (...args: string[]) =>
          spawnSync(process.execPath, ['bin/cspi.js', 'users', ...args, '--db', url], {
            encoding: 'utf8',
            input: 'correct horse battery staple\n',
          });
        assert.equal(run('add', 'kept', '--role', 'analyst', '--la', '841', '--password-stdin').status, 0);
        if (db.kind === 'sqlite')
          await db.exec(
            "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
          );
        else
          await db.exec(`CREATE FUNCTION no_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER no_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION no_audit()`);
        assert.notEqual(run('add', 'jo', '--role', 'analyst', '--la', '841', '--password-stdin').status, 0);
        assert.notEqual(run('disable', 'kept').status, 0);
        const users = await db.all<{ username: string; disabled: unknown }>(
          'SELECT username, disabled FROM web_users ORDER BY username',
        );
        assert.deepEqual(
          users.map((u) => [u.username, Boolean(u.disabled)]),
          [['kept', false]],
        );
      } finally {
        await cleanup();
      }
    },
  );
}
