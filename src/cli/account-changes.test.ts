import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { readAudit } from '../web/audit/audit-log.js';
import { verifyPassword } from '../web/auth/password.js';
import { createSession, findSessionAndUser } from '../web/auth/sessions.js';
import { addUser, disableUser, findUserForSignIn, passwordProblem } from '../web/auth/users.js';
import { signIn, TEST_PASSWORD, TEST_SCRYPT, testApp } from '../web/testing/harness.js';
import { memoryDatabase } from '../web/testing/sqlite-memory.js';
import { enableAccount, resetAccountPassword } from './account-changes.js';
import { UserError } from './user-error.js';

const NEW_PASSWORD = 'a new password, long enough';
const ACTOR = `command line (${userInfo().username})`;

async function storeWithJo() {
  const db = await memoryDatabase();
  await addUser(
    db,
    { username: 'jo', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  return db;
}

test('passwordProblem: the rule cspi users add applies, at least 12 characters', () => {
  assert.equal(passwordProblem('twelve chars'), null);
  assert.deepEqual(passwordProblem('eleven char'), {
    code: 'USER-PASSWORD',
    message: 'the password must be at least 12 characters long',
  });
});

test('enableAccount enables a disabled account and audits it; an active one is left as it is, unaudited', async () => {
  const db = await storeWithJo();
  try {
    await disableUser(db, 'jo');
    assert.deepEqual(await enableAccount(db, ' JO '), { username: 'jo', alreadyActive: false });
    assert.equal((await findUserForSignIn(db, 'jo'))!.user.disabled, false);
    assert.deepEqual(await enableAccount(db, 'jo'), { username: 'jo', alreadyActive: true });
    const { entries } = await readAudit(db, { action: 'user-enable' });
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor, e.ip, e.la, e.detail]),
      [['user-enable', ACTOR, null, '841', { username: 'jo' }]],
      'one entry, for the change only',
    );
  } finally {
    await db.close();
  }
});

test('enableAccount of a name no account has points to cspi users list and writes nothing', async () => {
  const db = await storeWithJo();
  try {
    await assert.rejects(
      enableAccount(db, 'zed'),
      (e: unknown) =>
        e instanceof UserError &&
        e.exitCode === 2 &&
        e.message === 'there is no user "zed": cspi users list names the accounts',
    );
    assert.equal((await readAudit(db)).total, 0);
  } finally {
    await db.close();
  }
});

test('resetAccountPassword: the new password signs in, the old does not, the sessions end; audited without the password', async () => {
  const db = await storeWithJo();
  try {
    const { cookieValue } = await createSession(db, 'jo', new Date());
    assert.ok(await findSessionAndUser(db, cookieValue, new Date()), 'signed in (and cached)');
    const r = await resetAccountPassword(db, 'Jo', NEW_PASSWORD, TEST_SCRYPT);
    assert.deepEqual(r, { username: 'jo', disabled: false });
    const { passwordHash } = (await findUserForSignIn(db, 'jo'))!;
    assert.equal(await verifyPassword(NEW_PASSWORD, passwordHash), true);
    assert.equal(await verifyPassword(TEST_PASSWORD, passwordHash), false);
    assert.equal(await findSessionAndUser(db, cookieValue, new Date()), null, 'the session has ended');
    assert.equal((await db.all('SELECT * FROM web_sessions')).length, 0);
    const { entries } = await readAudit(db);
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor, e.ip, e.la, e.detail]),
      [['user-password-reset', ACTOR, null, '841', { username: 'jo' }]],
    );
    const logged = JSON.stringify(await db.all('SELECT * FROM audit_log'));
    assert.ok(!logged.includes(NEW_PASSWORD) && !logged.includes(passwordHash), 'no password, no hash');
  } finally {
    await db.close();
  }
});

test('resetAccountPassword of a disabled account resets it and leaves it disabled', async () => {
  const db = await storeWithJo();
  try {
    await disableUser(db, 'jo');
    assert.deepEqual(await resetAccountPassword(db, 'jo', NEW_PASSWORD, TEST_SCRYPT), {
      username: 'jo',
      disabled: true,
    });
    const found = (await findUserForSignIn(db, 'jo'))!;
    assert.equal(found.user.disabled, true, 'still disabled');
    assert.equal(await verifyPassword(NEW_PASSWORD, found.passwordHash), true);
  } finally {
    await db.close();
  }
});

test('resetAccountPassword refuses a short password and an unknown name, changing and auditing nothing', async () => {
  const db = await storeWithJo();
  try {
    const before = (await findUserForSignIn(db, 'jo'))!.passwordHash;
    await assert.rejects(
      resetAccountPassword(db, 'jo', 'too short', TEST_SCRYPT),
      (e: unknown) =>
        e instanceof UserError &&
        e.message ===
          'USER-PASSWORD: the password must be at least 12 characters long; no password was changed',
    );
    await assert.rejects(
      resetAccountPassword(db, 'zed', NEW_PASSWORD, TEST_SCRYPT),
      /there is no user "zed": cspi users list names the accounts/,
    );
    assert.equal((await findUserForSignIn(db, 'jo'))!.passwordHash, before);
    assert.equal((await readAudit(db)).total, 0);
  } finally {
    await db.close();
  }
});

test('enable and reset-password change nothing when their audit entry cannot be written', async () => {
  const db = await storeWithJo();
  try {
    await disableUser(db, 'jo');
    const before = (await findUserForSignIn(db, 'jo'))!.passwordHash;
    await db.exec(
      "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
    );
    await assert.rejects(enableAccount(db, 'jo'), /audit refused/);
    await assert.rejects(resetAccountPassword(db, 'jo', NEW_PASSWORD, TEST_SCRYPT), /audit refused/);
    const after = (await findUserForSignIn(db, 'jo'))!;
    assert.equal(after.user.disabled, true, 'not enabled');
    assert.equal(after.passwordHash, before, 'not reset');
  } finally {
    await db.close();
  }
});

test('the dashboard: a reset signs the account out at once and only the new password signs in; the audit page names both changes', async () => {
  const { app, db } = await testApp();
  try {
    const analyst = await signIn(app, 'analyst');
    assert.equal((await analyst.get('/scorecard')).status, 200);
    await resetAccountPassword(db, 'analyst', NEW_PASSWORD, TEST_SCRYPT);
    const after = await analyst.get('/scorecard');
    assert.equal(after.status, 303, 'sent to sign in');
    assert.match(after.headers.get('location') ?? '', /^\/sign-in/);
    await assert.rejects(signIn(app, 'analyst'), /401/, 'the old password is refused');
    assert.equal((await (await signIn(app, 'analyst', NEW_PASSWORD)).get('/scorecard')).status, 200);

    await disableUser(db, 'member');
    await enableAccount(db, 'member');
    assert.equal((await (await signIn(app, 'member')).get('/scorecard')).status, 200, 'enabled: signs in');

    const admin = await signIn(app, 'admin');
    const reset = await (await admin.get('/audit?action=user-password-reset')).text();
    assert.match(reset, /<option value="user-password-reset" selected>Reset a user’s password<\/option>/);
    assert.match(reset, /<option value="user-enable">Enabled a user<\/option>/);
    assert.match(reset, /<td[^>]*>Reset a user’s password<\/td>/, 'the entry is listed with its words');
    assert.doesNotMatch(reset, new RegExp(NEW_PASSWORD));
    const enabled = await (await admin.get('/audit?action=user-enable')).text();
    assert.match(enabled, /<td[^>]*>Enabled a user<\/td>/);
  } finally {
    await db.close();
  }
});
