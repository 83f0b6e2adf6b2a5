import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPostgresUrl, openDatabase, resolveDatabaseUrl } from './open.js';

test('the database is --db, else DATABASE_URL, else ./cspi.db', () => {
  assert.equal(resolveDatabaseUrl('x.db', { DATABASE_URL: 'postgres://h/d' }), 'x.db');
  assert.equal(resolveDatabaseUrl(undefined, { DATABASE_URL: 'postgres://h/d' }), 'postgres://h/d');
  assert.equal(resolveDatabaseUrl('', {}), './cspi.db');
  assert.equal(resolveDatabaseUrl(undefined, {}), './cspi.db');
});

test('postgres:// and postgresql:// are PostgreSQL; anything else is a file', () => {
  assert.ok(isPostgresUrl('postgres://u@h:5432/db'));
  assert.ok(isPostgresUrl('postgresql://h/db'));
  assert.ok(!isPostgresUrl('./postgres.db'));
  assert.ok(!isPostgresUrl('C:\\data\\cspi.db'));
});

test('openDatabase opens an SQLite file and applies migrations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-open-'));
  const db = await openDatabase(join(dir, 'a.db'), { env: {} });
  try {
    assert.equal(db.kind, 'sqlite');
    assert.ok(await db.get("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'"));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
