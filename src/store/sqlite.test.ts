import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from './sqlite.js';
import { StoreBusyError } from './store-error.js';

test('SQLite opens in WAL mode with foreign keys on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-sqlite-'));
  const db = openSqlite(join(dir, 'x.db'));
  try {
    assert.deepEqual(await db.get('PRAGMA journal_mode'), { journal_mode: 'wal' });
    assert.deepEqual(await db.get('PRAGMA foreign_keys'), { foreign_keys: 1 });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write lock held by another connection is a StoreBusyError naming the file, not SQLITE_BUSY', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-sqlite-'));
  const path = join(dir, 'cspi.db');
  const db = openSqlite(path, { busyTimeoutMs: 50 });
  const other = new BetterSqlite3(path);
  try {
    await db.exec('CREATE TABLE t (id TEXT)');
    other.exec('BEGIN IMMEDIATE');
    other.exec("INSERT INTO t VALUES ('x')");
    await assert.rejects(
      db.transaction(async (tx) => tx.run("INSERT INTO t VALUES ('y')")),
      (err: unknown) =>
        err instanceof StoreBusyError && err.message.includes(path) && err.message.includes('cspi serve'),
    );
    // Readers are not blocked (WAL).
    assert.deepEqual(await db.all('SELECT id FROM t'), []);
    other.exec('COMMIT');
    await db.transaction(async (tx) => tx.run("INSERT INTO t VALUES ('y')"));
    assert.equal((await db.all('SELECT id FROM t')).length, 2);
  } finally {
    other.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('statements outside a transaction wait for a running one on the same connection', async () => {
  const db = openSqlite(':memory:');
  await db.exec('CREATE TABLE t (id TEXT)');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const tx = db.transaction(async (t) => {
    await t.run("INSERT INTO t VALUES ('a')");
    await held;
    throw new Error('rolled back');
  });
  const read = db.all('SELECT id FROM t');
  release();
  await assert.rejects(tx, /rolled back/);
  // The read ran after the rollback, so it never saw the uncommitted row.
  assert.deepEqual(await read, []);
  await db.close();
});
