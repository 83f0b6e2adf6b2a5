import type { Database } from '../../store/database.js';
import { migrate } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { openSqlite } from '../../store/sqlite.js';

/**
 * A private in-memory SQLite store, migrated (store and web tables), for the web tests.
 * @example const db = await memoryDatabase()
 */
export async function memoryDatabase(): Promise<Database> {
  const db = openSqlite(':memory:');
  await migrate(db, MIGRATIONS);
  return db;
}
