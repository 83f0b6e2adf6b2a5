// Audit of the commands that only read (cspi datasets, indicators, report) on an embedded database they cannot
// write to: a council's shared read-only copy, or a file with mode 0444. Run as a user who is not root (root
// writes any file), so the permissions apply as they would for an analyst.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { openDatabase } from '../store/open.js';

const BIN = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
/** Root ignores file modes: the commands then run as `nobody`. */
const AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** The database's owner when the tests run as root: `daemon` (uid 1), who writes it but is not root. */
const OWNER = process.getuid?.() === 0 ? { uid: 1, gid: 1 } : {};

function cspi(
  home: string,
  args: string[],
  as: { uid?: number; gid?: number } = AS,
): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CSPI_RUN_SOURCES: '1', HOME: home },
    timeout: 60_000,
    ...as,
  });
}

/** A write that needs nothing but the database: an account added. */
const WRITE = (db: string): string[] => [
  'users',
  'add',
  'clerk',
  '--role',
  'analyst',
  '--la',
  '841',
  '--db',
  db,
];

/** A database of LA 841 in `folder/cspi.db`, closed (no -wal or -shm left), then made read-only (0444). */
async function readOnlyDatabase(folder: string, forget?: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'cspi.db');
  const db = await openDatabase(file);
  try {
    await importSmallLa(db, '841', 20);
    // A database written by an older cspi: its latest migration not yet applied.
    if (forget)
      await db.run('DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations)');
  } finally {
    await db.close();
  }
  chmodSync(file, 0o444);
  return file;
}

const READS = (db: string, out: string): string[][] => [
  ['datasets', '--db', db],
  ['indicators', '--db', db, '--period', '2021-22-Q3'],
  ['report', '--db', db, '--period', '2021-22-Q3', '--out', out],
];

test('a read-only database file (mode 0444) is read by the commands that only read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-readonly-'));
  chmodSync(dir, 0o777);
  try {
    const db = await readOnlyDatabase(join(dir, 'copy'));
    chmodSync(join(dir, 'copy'), 0o777);
    for (const argv of READS(db, join(dir, 'r.html'))) {
      const r = cspi(dir, argv);
      assert.equal(r.status, 0, `${argv[0]!}: ${r.stderr}`);
    }
    // The write path is not weakened: an import into it is refused, in one line.
    const imp = cspi(dir, ['import', join(dir, 'nothing.csv'), '--db', db, '--la', '841']);
    assert.equal(imp.status, 2, imp.stderr);
    // SQLite made -wal and -shm files for the reads, owned by the reader, which its read-only connections could
    // not remove: left there, they stopped the owner writing once the copy was writable again (S-INTERNAL).
    assert.deepEqual(readdirSync(join(dir, 'copy')), ['cspi.db'], 'nothing left beside it');
    if (OWNER.uid !== undefined) chownSync(db, OWNER.uid, OWNER.gid);
    chmodSync(db, 0o644);
    const add = cspi(dir, WRITE(db), OWNER);
    assert.equal(add.status, 0, add.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a read-only database whose schema needs migrating is refused in one line saying so, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-readonly-'));
  chmodSync(dir, 0o777);
  try {
    const db = await readOnlyDatabase(join(dir, 'copy'), 'forget the latest migration');
    chmodSync(join(dir, 'copy'), 0o777);
    for (const argv of READS(db, join(dir, 'r.html'))) {
      const r = cspi(dir, argv);
      assert.equal(r.status, 2, `${argv[0]!}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /needs migrating/, argv[0]!);
      assert.ok(r.stderr.includes(db), r.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database in a folder that cannot be written is refused in one line saying why (not "check its permissions")', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-readonly-'));
  chmodSync(dir, 0o777);
  const share = join(dir, 'share');
  try {
    const db = await readOnlyDatabase(share);
    chmodSync(share, 0o555);
    for (const argv of READS(db, join(dir, 'r.html'))) {
      const r = cspi(dir, argv);
      assert.equal(r.status, 2, `${argv[0]!}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /folder/, argv[0]!);
      assert.match(r.stderr, /copy/, `${argv[0]!}: says what to do`);
    }
    assert.deepEqual(readdirSync(share), ['cspi.db'], 'nothing written beside it');
  } finally {
    chmodSync(share, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  "another user's read of a database it cannot write leaves files its owner's writes cannot use: a write is refused in one line saying what to delete, exit 2",
  { skip: process.getuid?.() !== 0 && 'needs root, to act as two users (the owner and a colleague)' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspi-readonly-'));
    chmodSync(dir, 0o777);
    const share = join(dir, 'share');
    try {
      const db = await readOnlyDatabase(share);
      chmodSync(share, 0o777);
      chownSync(db, OWNER.uid!, OWNER.gid!);
      chmodSync(db, 0o644);
      // A colleague (nobody) reads the owner's database: SQLite leaves its side files, owned by the colleague.
      assert.equal(cspi(dir, ['datasets', '--db', db]).status, 0);
      assert.deepEqual(readdirSync(share).sort(), ['cspi.db', 'cspi.db-shm', 'cspi.db-wal']);
      // The owner's write (S-INTERNAL, exit 70, before) is refused before anything is done, saying why and what to do.
      const add = cspi(dir, WRITE(db), OWNER);
      assert.equal(add.status, 2, add.stderr);
      assert.equal(add.stderr.trim().split('\n').length, 1, add.stderr);
      assert.match(add.stderr, /cspi\.db-wal and cspi\.db-shm beside it belong to another user/);
      assert.match(add.stderr, /delete cspi\.db-wal and cspi\.db-shm/);
      // Reading is not stopped by them.
      assert.equal(cspi(dir, ['datasets', '--db', db], OWNER).status, 0);
      // Once they are deleted, as the message says, the owner writes again.
      rmSync(`${db}-wal`);
      rmSync(`${db}-shm`);
      const again = cspi(dir, WRITE(db), OWNER);
      assert.equal(again.status, 0, again.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
