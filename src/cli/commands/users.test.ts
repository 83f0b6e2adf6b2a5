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
  // The way to one LA's access is to give the account that LA.
  assert.match(accountScope(null, 3), /give it one with cspi users change NAME --la CODE$/);
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

test('cspi users change: what it says on a store of two LAs, its refusals and exit codes, --json, and its help', async () => {
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
    assert.equal(run('add', 'jo', '--role', 'analyst', '--la', '841').status, 0);

    const role = run('change', 'JO', '--role', 'manager');
    assert.equal(role.status, 0, role.stderr);
    assert.equal(
      role.stdout,
      'Changed jo: role analyst → manager; their sessions have ended.\njo is now: service manager, LA 841.\n',
    );
    const none = run('change', 'jo', '--no-la');
    assert.equal(none.status, 0, none.stderr);
    assert.match(
      none.stdout,
      /^Changed jo: LA 841 → none; their sessions have ended\.\njo is now: service manager, no LA: this store holds 2 LAs, so the account sees figures and comparisons between LAs only/,
    );
    const json = run('change', 'jo', '--role', 'analyst', '--la', 'E06000047', '--json');
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), {
      username: 'jo',
      role: 'analyst',
      la: '840',
      previous: { role: 'manager', la: null },
      disabled: false,
      unchanged: false,
      sessionsEnded: true,
    });
    assert.match(run('list').stdout, /^jo\s+analyst\s+840\s+active$/m);

    // What it already has: nothing changed, exit 0, as disable of a disabled account.
    const same = run('change', 'jo', '--role', 'analyst', '--la', '840');
    assert.equal(same.status, 0, same.stderr);
    assert.equal(same.stdout, 'jo already has role analyst and LA 840; nothing changed.\n');
    const sameJson = run('change', 'jo', '--la', '840', '--json');
    assert.deepEqual(JSON.parse(sameJson.stdout), {
      username: 'jo',
      role: 'analyst',
      la: '840',
      previous: { role: 'analyst', la: '840' },
      disabled: false,
      unchanged: true,
      sessionsEnded: false,
    });

    for (const [args, message] of [
      [['zed', '--role', 'admin'], 'there is no user "zed": cspi users list names the accounts'],
      [
        ['jo', '--role', 'boss'],
        'USER-ROLE: "boss" is not a role: use member, analyst, manager or admin; nothing was changed',
      ],
      [
        ['jo', '--la', 'Darlington'],
        '--la Darlington is not an LA code: Darlington is LA 841, so give --la 841 (the DfE number) or --la E06000005 (its ONS code). Nothing was changed.',
      ],
      [['jo', '--la', '841', '--no-la'], 'give --la CODE or --no-la, not both; nothing was changed'],
      [['jo'], 'give --role ROLE, --la CODE or --no-la; nothing was changed'],
    ] as const) {
      const refused = run('change', ...args);
      assert.equal(refused.status, 2, args.join(' '));
      assert.equal(refused.stdout, '', args.join(' '));
      assert.equal(refused.stderr, `cspi: ${message}\n`);
    }
    assert.match(run('list').stdout, /^jo\s+analyst\s+840\s+active$/m, 'nothing changed');

    assert.equal(run('disable', 'jo').status, 0);
    const disabled = run('change', 'jo', '--role', 'member');
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.match(
      disabled.stdout,
      /\njo is disabled: the change applies once cspi users enable jo has enabled the account\.\n$/,
    );

    const help = run('change', '--help').stdout.replace(/\s+/g, ' ');
    assert.match(help, /--role <role> member, analyst, manager or admin \(default: the role it has\)/);
    assert.match(help, /\(default: the LA it has\)/);
    assert.match(
      help,
      /--no-la take the account’s LA away: on a store holding more than one LA \(a hub\) it then sees figures and comparisons between LAs only/,
    );
    assert.match(help, /Examples: cspi users change jo --role manager/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cspi users disable and change refuse the last enabled admin of an LA (exit 2, one line, nothing changed), and allow it with a second', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-users-'));
  const file = join(dir, 'cspi.db');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/cspi.js', 'users', ...args, '--db', file], { encoding: 'utf8' });
  const refusal =
    'cspi: demo-admin is the last enabled admin of LA 841: add or enable another admin of LA 841 first (cspi users add NAME --role admin --la 841); nothing was changed\n';
  try {
    assert.equal(run('add', 'demo-admin', '--role', 'admin', '--la', '841').status, 0);
    assert.equal(run('add', 'hq', '--role', 'admin').status, 0, 'the hub’s admin does not stand in');
    for (const args of [
      ['disable', 'demo-admin'],
      ['change', 'demo-admin', '--role', 'analyst'],
      ['change', 'demo-admin', '--la', '840', '--json'],
    ]) {
      const refused = run(...args);
      assert.equal(refused.status, 2, args.join(' '));
      assert.equal(refused.stdout, '', args.join(' '));
      assert.equal(refused.stderr, refusal, args.join(' '));
    }
    const hub = run('disable', 'hq');
    assert.equal(hub.status, 2);
    assert.equal(
      hub.stderr,
      'cspi: hq is the last enabled admin with no LA: add or enable another admin with no LA first (cspi users add NAME --role admin); nothing was changed\n',
    );
    assert.match(run('list').stdout, /^demo-admin\s+admin\s+841\s+active$/m, 'nothing changed');

    // A second admin of LA 841, disabled, does not count; enabled, it does.
    assert.equal(run('add', 'bea', '--role', 'admin', '--la', '841').status, 0);
    assert.equal(run('disable', 'bea').status, 0);
    assert.equal(run('disable', 'demo-admin').stderr, refusal);
    assert.equal(run('enable', 'bea').status, 0);
    const demoted = run('change', 'demo-admin', '--role', 'analyst');
    assert.equal(demoted.status, 0, demoted.stderr);
    assert.match(demoted.stdout, /^Changed demo-admin: role admin → analyst; their sessions have ended\./);
    assert.equal(run('change', 'demo-admin', '--role', 'admin').status, 0);
    const disabled = run('disable', 'demo-admin');
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.equal(disabled.stdout, 'Disabled demo-admin; their sessions have ended.\n');

    assert.match(
      run('disable', '--help').stdout.replace(/\s+/g, ' '),
      /the last enabled admin of an LA, or with no LA \(the hub’s\), is refused: add or enable another first/,
    );
    assert.match(
      run('change', '--help').stdout.replace(/\s+/g, ' '),
      /The last enabled admin of an LA, or with no LA \(the hub's\), keeps its role and LA: add or enable another first\./,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
