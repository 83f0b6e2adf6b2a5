import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../store/database.js';
import { auditAppendOnly, webTables } from '../../store/migrations/090-web.js';

/**
 * A minimal in-memory SQLite `Database` for the web tests, with the web tables migrated.
 * (The store's own adapter replaces it once `store/open.ts` is merged.)
 */
export function memoryDatabase(): Database {
  const raw = new BetterSqlite3(':memory:');
  raw.exec(webTables.sql);
  raw.exec(auditAppendOnly.sqlite.sql);
  const norm = (params: readonly unknown[] = []) =>
    params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  const db: Database = {
    kind: 'sqlite',
    location: ':memory:',
    all: async <T>(sql: string, params?: readonly unknown[]) => raw.prepare(sql).all(...norm(params)) as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) =>
      raw.prepare(sql).get(...norm(params)) as T | undefined,
    exec: async (sql) => {
      raw.exec(sql);
    },
    run: async (sql, params) => ({ changes: raw.prepare(sql).run(...norm(params)).changes }),
    insertMany: async (table, columns, rows) => {
      const stmt = raw.prepare(
        `INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
      );
      raw.transaction(() => rows.forEach((r) => stmt.run(...norm(r))))();
    },
    transaction: async <T>(fn: (tx: Database) => Promise<T>): Promise<T> => {
      raw.exec('BEGIN');
      try {
        const r = await fn(db);
        raw.exec('COMMIT');
        return r;
      } catch (e) {
        raw.exec('ROLLBACK');
        throw e;
      }
    },
    close: async () => {
      raw.close();
    },
  };
  return db;
}
