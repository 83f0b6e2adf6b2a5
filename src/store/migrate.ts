import type { Database, Migration } from './database.js';

export interface MigrateResult {
  /** Ids applied by this call, in order. */
  readonly applied: readonly string[];
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
)`;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in list order, each in its own
 * transaction with its record (a failing migration leaves the schema as it was before it). Ids must be
 * unique; an id recorded in the database but missing from the list is an error (the database is newer
 * than this cspi).
 * @example await migrate(db, MIGRATIONS) //=> { applied: ['001-store-core', …] }
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<MigrateResult> {
  const ids = new Set<string>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new Error(`migration id ${m.id} is listed twice`);
    ids.add(m.id);
  }
  await db.exec(CREATE_TABLE);
  const done = new Set((await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const unknown = [...done].filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new MigrationError(
      `the database at ${db.location} has migrations this version of cspi does not know (${unknown.join(', ')}); use a newer cspi`,
    );
  }
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    await db.transaction(async (tx) => {
      // Another process may have applied it since we looked.
      if (await tx.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id])) return;
      await tx.exec(db.kind === 'postgres' && m.postgresSql !== undefined ? m.postgresSql : m.sql);
      await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [
        m.id,
        new Date().toISOString(),
      ]);
      applied.push(m.id);
    });
  }
  return { applied };
}

/**
 * The migrations not yet applied to a database, read without writing (a database opened read-only): all of
 * them when it has no `schema_migrations` table. SQLite only. Throws {@link MigrationError}, as
 * {@link migrate} does, for a database newer than this cspi.
 * @example await pendingMigrations(db, MIGRATIONS) //=> [] (the schema is current)
 */
export async function pendingMigrations(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  const table = await db.get(
    "SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  );
  const done = new Set(
    table ? (await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id) : [],
  );
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...done].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new MigrationError(
      `the database at ${db.location} has migrations this version of cspi does not know (${unknown.join(', ')}); use a newer cspi`,
    );
  }
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}

/** The database's schema cannot be brought to this version's (newer database, failed migration). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}
