/**
 * Test helper: the store back ends a contract test runs against (`STORE=sqlite,postgres` narrows them).
 * PostgreSQL needs `CSPI_TEST_PG_URL`; each opened store gets its own uniquely named database, dropped by
 * `cleanup`. SQLite stores are fresh files in a temporary folder.
 *
 * @example
 * for (const store of testStores()) {
 *   test(`imports on ${store.name}`, { skip: store.skip }, async () => {
 *     const { db, cleanup } = await store.open();
 *     try { … } finally { await cleanup(); }
 *   });
 * }
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database.js';
import { openSqlite } from './sqlite.js';
import { openPostgres } from './postgres.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';

export interface OpenedTestStore {
  readonly db: Database;
  /** For SQLite, the file path; for PostgreSQL, the URL of the test database. */
  readonly url: string;
  cleanup(): Promise<void>;
}

export interface TestStore {
  readonly name: 'sqlite' | 'postgres';
  /** A reason to skip (node:test `skip` option), or false. */
  readonly skip: string | false;
  /** Opens a fresh, empty store; migrated unless `migrate: false`. */
  open(options?: { migrate?: boolean }): Promise<OpenedTestStore>;
}

/** The stores to test against, from `STORE` (default `sqlite,postgres`). */
export function testStores(): TestStore[] {
  const wanted = (process.env['STORE'] ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  const all: TestStore[] = [sqliteStore(), postgresStore()];
  return all.filter((s) => wanted.includes(s.name));
}

function sqliteStore(): TestStore {
  return {
    name: 'sqlite',
    skip: false,
    async open(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'cspi-test-'));
      const url = join(dir, 'cspi.db');
      const db = openSqlite(url, { busyTimeoutMs: 200 });
      if (options.migrate !== false) await migrate(db, MIGRATIONS);
      return {
        db,
        url,
        cleanup: async () => {
          await db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgresStore(): TestStore {
  const admin = process.env['CSPI_TEST_PG_URL'];
  return {
    name: 'postgres',
    skip: admin ? false : 'no CSPI_TEST_PG_URL',
    async open(options = {}) {
      if (!admin) throw new Error('CSPI_TEST_PG_URL is not set');
      const name = `cspi_test_${randomBytes(6).toString('hex')}`;
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      const u = new URL(admin);
      u.pathname = `/${name}`;
      const url = u.toString();
      const db = openPostgres(url, { max: 4 });
      if (options.migrate !== false) await migrate(db, MIGRATIONS);
      return {
        db,
        url,
        cleanup: async () => {
          await db.close();
          const c2 = new pg.Client({ connectionString: admin });
          await c2.connect();
          await c2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c2.end();
        },
      };
    },
  };
}
