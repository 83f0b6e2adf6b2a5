import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { readAudit } from '../web/audit/audit-log.js';
import { verifyPassword } from '../web/auth/password.js';
import { createSession, findSessionAndUser } from '../web/auth/sessions.js';
import type { Database } from '../store/database.js';
import { testStores } from '../store/test-stores.js';
import { addUser, disableUser, findUser, findUserForSignIn, passwordProblem } from '../web/auth/users.js';
import { createFakeServices } from '../web/testing/fake-services.js';
import { signIn, TEST_PASSWORD, TEST_SCRYPT, testApp } from '../web/testing/harness.js';
import { memoryDatabase } from '../web/testing/sqlite-memory.js';
import { changeAccount, disableAccount, enableAccount, resetAccountPassword } from './account-changes.js';
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

/** Jo (analyst, LA 841) and Sam (analyst, LA 841) on a fresh store, each signed in once. */
async function jo0AndSam(db: Database): Promise<{ jo: string; sam: string }> {
  for (const username of ['jo', 'sam'])
    await addUser(
      db,
      { username, role: 'analyst', la: '841', password: TEST_PASSWORD },
      new Date(),
      TEST_SCRYPT,
    );
  const jo = (await createSession(db, 'jo', new Date())).cookieValue;
  const sam = (await createSession(db, 'sam', new Date())).cookieValue;
  return { jo, sam };
}

/** The audit log's entries, oldest first, as [action, actor, ip, la, detail]. */
async function auditRows(db: Database) {
  const { entries } = await readAudit(db);
  return entries.reverse().map((e) => [e.action, e.actor, e.ip, e.la, e.detail]);
}

for (const store of testStores()) {
  test(
    `changeAccount: a role, an LA, both; audited old → new under the LAs it concerns, the sessions ended (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const cookies = await jo0AndSam(db);
        assert.ok(await findSessionAndUser(db, cookies.jo, new Date()), 'jo signed in (and cached)');
        // The hub's admin (no LA): jo, made an admin with no LA below, is then not its last when moved to 841.
        await addUser(
          db,
          { username: 'hq', role: 'admin', la: null, password: TEST_PASSWORD },
          new Date(),
          TEST_SCRYPT,
        );

        assert.deepEqual(await changeAccount(db, ' Jo ', { role: 'manager' }), {
          username: 'jo',
          before: { role: 'analyst', la: '841' },
          after: { role: 'manager', la: '841' },
          disabled: false,
          unchanged: false,
        });
        assert.equal(await findSessionAndUser(db, cookies.jo, new Date()), null, 'jo’s session has ended');
        assert.ok(await findSessionAndUser(db, cookies.sam, new Date()), 'another account’s is kept');
        assert.equal((await findUser(db, 'jo'))!.role, 'manager');

        // An ONS code is stored as the LA's DfE number, as cspi users add --la stores it.
        const moved = await changeAccount(db, 'jo', { la: 'E06000047' });
        assert.deepEqual([moved.before.la, moved.after.la], ['841', '840']);
        await changeAccount(db, 'jo', { role: 'member', la: null });
        await changeAccount(db, 'jo', { role: 'admin' });
        await changeAccount(db, 'jo', { la: '841' });
        const jo = (await findUser(db, 'jo'))!;
        assert.deepEqual([jo.role, jo.la, jo.disabled], ['admin', '841', false]);

        assert.deepEqual(await auditRows(db), [
          ['user-change', ACTOR, null, '841', { username: 'jo', role: 'analyst → manager' }],
          // Moved between LAs: one entry under each, so both LAs' admins read it.
          ['user-change', ACTOR, null, '841', { username: 'jo', la: '841 → 840' }],
          ['user-change', ACTOR, null, '840', { username: 'jo', la: '841 → 840' }],
          ['user-change', ACTOR, null, '840', { username: 'jo', role: 'manager → member', la: '840 → none' }],
          // An account with no LA: the entry is the hub's (no LA).
          ['user-change', ACTOR, null, null, { username: 'jo', role: 'member → admin' }],
          ['user-change', ACTOR, null, '841', { username: 'jo', la: 'none → 841' }],
        ]);
        const logged = JSON.stringify(await db.all('SELECT * FROM audit_log'));
        const { passwordHash } = (await findUserForSignIn(db, 'jo'))!;
        assert.ok(!logged.includes(passwordHash), 'no password hash in the log');
        assert.equal(await verifyPassword(TEST_PASSWORD, passwordHash), true, 'the password is kept');
      } finally {
        await cleanup();
      }
    },
  );

  test(
    `changeAccount to what the account already has changes nothing: no entry, its sessions kept (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const cookies = await jo0AndSam(db);
        for (const change of [
          { role: 'analyst' },
          { la: '841' },
          { la: 'E06000005' },
          { role: 'analyst', la: '841' },
        ])
          assert.deepEqual(
            await changeAccount(db, 'jo', change),
            {
              username: 'jo',
              before: { role: 'analyst', la: '841' },
              after: { role: 'analyst', la: '841' },
              disabled: false,
              unchanged: true,
            },
            JSON.stringify(change),
          );
        assert.ok(await findSessionAndUser(db, cookies.jo, new Date()), 'still signed in');
        assert.equal((await readAudit(db)).total, 0);
      } finally {
        await cleanup();
      }
    },
  );

  test(
    `changeAccount refuses an unknown account, role or LA code, or no change given, changing and auditing nothing (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const cookies = await jo0AndSam(db);
        const refused = async (change: Parameters<typeof changeAccount>[2], message: string, name = 'jo') =>
          assert.rejects(
            changeAccount(db, name, change),
            (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.message === message,
            message,
          );
        await refused(
          { role: 'manager' },
          'there is no user "zed": cspi users list names the accounts',
          'zed',
        );
        await refused(
          { role: 'boss' },
          'USER-ROLE: "boss" is not a role: use member, analyst, manager or admin; nothing was changed',
        );
        await refused(
          { role: 'manager', la: 'Darlington' },
          '--la Darlington is not an LA code: Darlington is LA 841, so give --la 841 (the DfE number) or --la E06000005 (its ONS code). Nothing was changed.',
        );
        await refused(
          { la: 'E99999999' },
          "--la E99999999 is not an LA code cspi knows: give the LA's three-digit DfE number (e.g. 841) or its ONS code (e.g. E06000005). Nothing was changed.",
        );
        await refused({}, 'give --role ROLE, --la CODE or --no-la; nothing was changed');
        assert.deepEqual(
          { ...(await findUser(db, 'jo'))!, createdAt: '' },
          { username: 'jo', role: 'analyst', la: '841', disabled: false, createdAt: '' },
        );
        assert.ok(await findSessionAndUser(db, cookies.jo, new Date()), 'still signed in');
        assert.equal((await readAudit(db)).total, 0);
      } finally {
        await cleanup();
      }
    },
  );

  test(
    `changeAccount of a disabled account changes it and leaves it disabled; nothing changes when its entry cannot be written (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        await jo0AndSam(db);
        await disableUser(db, 'jo');
        const r = await changeAccount(db, 'jo', { role: 'member' });
        assert.deepEqual([r.after.role, r.disabled], ['member', true]);
        assert.equal((await findUser(db, 'jo'))!.disabled, true, 'still disabled');

        const sam = (await createSession(db, 'sam', new Date())).cookieValue;
        await db.exec(
          store.name === 'sqlite'
            ? "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
            : "CREATE FUNCTION no_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$; CREATE TRIGGER no_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION no_audit()",
        );
        await assert.rejects(changeAccount(db, 'sam', { role: 'admin', la: null }), /audit refused/);
        const after = (await findUser(db, 'sam'))!;
        assert.deepEqual([after.role, after.la], ['analyst', '841'], 'not changed');
        assert.ok(await findSessionAndUser(db, sam, new Date()), 'its session kept');
      } finally {
        await cleanup();
      }
    },
  );
}

/** The refusal `cspi users disable` and `change` give for a scope's last enabled admin. */
function lastAdmin(username: string, la: string | null): string {
  return la === null
    ? `${username} is the last enabled admin with no LA: add or enable another admin with no LA first (cspi users add NAME --role admin); nothing was changed`
    : `${username} is the last enabled admin of LA ${la}: add or enable another admin of LA ${la} first (cspi users add NAME --role admin --la ${la}); nothing was changed`;
}

/** Adds an account directly (no audit entry), as `cspi users add` would. */
async function add(db: Database, username: string, role: string, la: string | null): Promise<void> {
  const r = await addUser(db, { username, role, la, password: TEST_PASSWORD }, new Date(), TEST_SCRYPT);
  assert.ok(r.ok, username);
}

/** Each account as `username role la enabled|disabled`, by name. */
async function accounts(db: Database): Promise<string[]> {
  const rows = await db.all<{ username: string; role: string; la: string | null; disabled: number }>(
    'SELECT username, role, la, disabled FROM web_users ORDER BY username',
  );
  return rows.map((u) => `${u.username} ${u.role} ${u.la ?? '-'} ${u.disabled ? 'disabled' : 'enabled'}`);
}

for (const store of testStores()) {
  test(
    `disableAccount and changeAccount refuse to leave an LA, or the hub, with no enabled admin: nothing changed, no entry, its sessions kept (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        await add(db, 'ada', 'admin', '841');
        await add(db, 'hq', 'admin', null);
        await add(db, 'ann', 'admin', '840');
        const ada = (await createSession(db, 'ada', new Date())).cookieValue;
        const refused = (p: Promise<unknown>, message: string) =>
          assert.rejects(
            p,
            (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.message === message,
            message,
          );
        // The hub's admin (no LA) and LA 840's do not stand in for LA 841's last one.
        await refused(disableAccount(db, 'ADA'), lastAdmin('ada', '841'));
        await refused(changeAccount(db, 'ada', { role: 'manager' }), lastAdmin('ada', '841'));
        await refused(changeAccount(db, 'ada', { role: 'member', la: '840' }), lastAdmin('ada', '841'));
        // Moved to another LA or none, LA 841 would have no admin either.
        await refused(changeAccount(db, 'ada', { la: '840' }), lastAdmin('ada', '841'));
        await refused(changeAccount(db, 'ada', { la: null }), lastAdmin('ada', '841'));
        // Nor does an LA's admin stand in for the hub's last.
        await refused(disableAccount(db, 'hq'), lastAdmin('hq', null));
        await refused(changeAccount(db, 'hq', { role: 'analyst' }), lastAdmin('hq', null));
        await refused(changeAccount(db, 'hq', { la: '841' }), lastAdmin('hq', null));
        assert.deepEqual(await accounts(db), [
          'ada admin 841 enabled',
          'ann admin 840 enabled',
          'hq admin - enabled',
        ]);
        assert.ok(await findSessionAndUser(db, ada, new Date()), 'ada’s session kept');
        assert.equal((await readAudit(db)).total, 0, 'no entry for a refused change');
        // What an admin may change and keep its scope's admin: its password.
        assert.deepEqual(await resetAccountPassword(db, 'ada', NEW_PASSWORD, TEST_SCRYPT), {
          username: 'ada',
          disabled: false,
        });
      } finally {
        await cleanup();
      }
    },
  );

  test(
    `with a second enabled admin of the LA, disabling or demoting the first is allowed; a disabled second admin does not count (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        await add(db, 'ada', 'admin', '841');
        await add(db, 'bea', 'admin', '841');
        await add(db, 'jo', 'analyst', '841');
        // Bea disabled: ada is LA 841's only enabled admin.
        assert.deepEqual(await disableAccount(db, 'bea'), { username: 'bea', alreadyDisabled: false });
        await assert.rejects(disableAccount(db, 'ada'), { message: lastAdmin('ada', '841') });
        await assert.rejects(changeAccount(db, 'ada', { role: 'analyst' }), {
          message: lastAdmin('ada', '841'),
        });
        // A disabled admin is changed as any disabled account: it is no enabled admin before or after.
        assert.equal((await changeAccount(db, 'bea', { la: '840' })).after.la, '840');
        assert.equal((await changeAccount(db, 'bea', { la: '841' })).after.la, '841');

        await enableAccount(db, 'bea');
        const demoted = await changeAccount(db, 'ada', { role: 'analyst' });
        assert.deepEqual([demoted.before.role, demoted.after.role], ['admin', 'analyst']);
        await assert.rejects(disableAccount(db, 'bea'), { message: lastAdmin('bea', '841') });
        // Jo made an admin of LA 841: bea may go.
        await changeAccount(db, 'jo', { role: 'admin' });
        assert.deepEqual(await disableAccount(db, 'bea'), { username: 'bea', alreadyDisabled: false });
        await assert.rejects(changeAccount(db, 'jo', { la: null }), { message: lastAdmin('jo', '841') });
        assert.deepEqual(await accounts(db), [
          'ada analyst 841 enabled',
          'bea admin 841 disabled',
          'jo admin 841 enabled',
        ]);
        assert.deepEqual(
          (await auditRows(db)).map(([action, , , la, detail]) => [action, la, detail]),
          [
            ['user-disable', '841', { username: 'bea' }],
            ['user-change', '841', { username: 'bea', la: '841 → 840' }],
            ['user-change', '840', { username: 'bea', la: '841 → 840' }],
            ['user-change', '840', { username: 'bea', la: '840 → 841' }],
            ['user-change', '841', { username: 'bea', la: '840 → 841' }],
            ['user-enable', '841', { username: 'bea' }],
            ['user-change', '841', { username: 'ada', role: 'admin → analyst' }],
            ['user-change', '841', { username: 'jo', role: 'analyst → admin' }],
            ['user-disable', '841', { username: 'bea' }],
          ],
          'an entry for each change made, none for a refused one',
        );
      } finally {
        await cleanup();
      }
    },
  );

  test(
    `two changes at once, each taking one of an LA's two admins: one is made, the other refused, one admin left (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        for (let round = 0; round < 6; round++) {
          const a = `ada${round}`;
          const b = `bea${round}`;
          const la = String(800 + round);
          await add(db, a, 'admin', la);
          await add(db, b, 'admin', la);
          const results = await Promise.allSettled([
            round % 2 === 0 ? disableAccount(db, a) : changeAccount(db, a, { role: 'manager' }),
            disableAccount(db, b),
          ]);
          const refused = results.filter((r) => r.status === 'rejected');
          assert.equal(refused.length, 1, `round ${round}: exactly one refused`);
          assert.match(
            String((refused[0] as PromiseRejectedResult).reason),
            /is the last enabled admin of LA 8\d\d: add or enable another admin/,
          );
          const left = await db.all(
            "SELECT username FROM web_users WHERE la = ? AND role = 'admin' AND disabled = 0",
            [la],
          );
          assert.equal(left.length, 1, `round ${round}: one enabled admin left`);
          assert.equal((await readAudit(db, { la })).total, 1, `round ${round}: one entry`);
        }
      } finally {
        await cleanup();
      }
    },
  );
}

test('the dashboard: a manager of LA 841 whose LA is taken away on a hub is signed out at once and then sees comparisons only; the audit page names the change', async () => {
  const { app, db } = await testApp(
    createFakeServices({
      las: [
        { code: '841', name: 'Darlington' },
        { code: '840', name: 'County Durham' },
      ],
    }),
  );
  const children = '/indicators/assessments-45wd/children?la=841&period=2021-22-Q3';
  try {
    const manager = await signIn(app, 'manager');
    assert.equal((await manager.get(children)).status, 200, 'a manager of LA 841 sees its children');
    await changeAccount(db, 'manager', { la: null });
    const after = await manager.get(children);
    assert.equal(after.status, 303, 'signed out: sent to sign in');
    assert.match(after.headers.get('location') ?? '', /^\/sign-in/);
    const again = await (await signIn(app, 'manager')).get(children);
    assert.equal(again.status, 403, 'no LA on a hub: no child list');
    assert.match(await again.text(), /not limited to one local authority/);

    // The admin of LA 841 reads the change (it concerns their LA); the detail is old → new.
    const audit = await (await (await signIn(app, 'admin')).get('/audit?action=user-change')).text();
    assert.match(audit, /<option value="user-change" selected>Changed a user’s role or LA<\/option>/);
    assert.match(audit, /<td[^>]*>Changed a user’s role or LA<\/td>/);
    assert.match(audit, /841 → none/);
  } finally {
    await db.close();
  }
});
