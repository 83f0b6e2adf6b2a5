import { existsSync } from 'node:fs';
import type { Database } from './database.js';
import { openSqlite } from './sqlite.js';
import { migrate, pendingMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { StoreUnavailableError, unavailableReason } from './store-error.js';
import { canWrite, sideFilesReason, unwritableSideFiles, walBytes } from './sqlite-side-files.js';

/** The embedded database file used when neither `--db` nor `DATABASE_URL` names one. */
export const DEFAULT_DB = './cspi.db';

export interface OpenOptions {
  /** Apply pending migrations after opening (default true). */
  readonly migrate?: boolean;
  /** SQLite only: how long to wait for another process's write lock (ms, default 5000). */
  readonly busyTimeoutMs?: number;
  /** Environment to read DATABASE_URL from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * SQLite only: refuse a file that does not exist ({@link StoreUnavailableError}) instead of creating an empty
   * database; for commands that only read, where a missing file is a mistyped `--db`.
   */
  readonly mustExist?: boolean;
  /**
   * SQLite only, for commands that only read (`cspi datasets`, `cspi indicators`, `cspi report`): a file this
   * user cannot write (mode 0444, a council's shared read-only copy) is opened read-only, provided its schema
   * is current; one that needs migrating is refused ({@link StoreUnavailableError}), as nothing can be
   * migrated in it. Commands that write never set it: for them such a file is refused as it always was.
   */
  readonly readOnlyIfUnwritable?: boolean;
}

/**
 * Where the database is: the `--db` value, else `DATABASE_URL`, else `./cspi.db`.
 * @example resolveDatabaseUrl(undefined, { DATABASE_URL: 'postgres://h/db' }) //=> 'postgres://h/db'
 * @example resolveDatabaseUrl(undefined, {}) //=> './cspi.db'
 */
export function resolveDatabaseUrl(
  url: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const given = url?.trim() || env['DATABASE_URL']?.trim();
  return given || DEFAULT_DB;
}

/** True when the location names a PostgreSQL server (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the cspi database: `postgres://…` → PostgreSQL, anything else → an SQLite file path (`sqlite:` prefix
 * allowed). Applies pending migrations unless `migrate: false`; with `readOnlyIfUnwritable`, a file this user
 * cannot write is opened read-only instead, if no migration is pending.
 * @example const db = await openDatabase(opts.db); try { … } finally { await db.close(); }
 */
export async function openDatabase(url?: string, options: OpenOptions = {}): Promise<Database> {
  const where = resolveDatabaseUrl(url, options.env);
  const file = where.replace(/^sqlite:(\/\/)?/i, '');
  if (options.mustExist && !isPostgresUrl(where) && file !== ':memory:' && !existsSync(file))
    throw new StoreUnavailableError(file, 'does not exist: check --db, or load data first with cspi import');
  const readOnly =
    options.readOnlyIfUnwritable === true &&
    !isPostgresUrl(where) &&
    file !== ':memory:' &&
    existsSync(file) &&
    !canWrite(file);
  if (!readOnly && options.readOnlyIfUnwritable !== true && !isPostgresUrl(where) && file !== ':memory:')
    refuseUnwritableSideFiles(file);
  let db: Database;
  try {
    // pg is loaded only for a PostgreSQL URL (the embedded database is the common case).
    db = isPostgresUrl(where)
      ? (await import('./postgres.js')).openPostgres(where)
      : openSqlite(file, { busyTimeoutMs: options.busyTimeoutMs, readonly: readOnly });
  } catch (err) {
    throw unavailable(err, where);
  }
  if (readOnly) {
    const pending = await pendingMigrations(db, MIGRATIONS).catch(async (err: unknown) => {
      await db.close();
      throw unavailable(err, db.location);
    });
    if (pending.length > 0) {
      await db.close();
      throw new StoreUnavailableError(
        file,
        `needs migrating to this version of cspi (${pending.length} schema ${pending.length === 1 ? 'change' : 'changes'}), and this user cannot write it (read-only file): run cspi on it once with write access, or use the cspi that wrote it`,
      );
    }
  } else if (options.migrate !== false) {
    try {
      await migrate(db, MIGRATIONS);
    } catch (err) {
      await db.close();
      throw unavailable(err, db.location);
    }
  }
  return db;
}

/**
 * A driver's failure to open or reach the database as {@link StoreUnavailableError} (named by `location`,
 * never a PostgreSQL password); any other error unchanged.
 */
function unavailable(err: unknown, location: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY') && !isPostgresUrl(location))
    refuseUnwritableSideFiles(location.replace(/^sqlite:(\/\/)?/i, ''));
  const reason = unavailableReason(err);
  if (reason === undefined) return err;
  return new StoreUnavailableError(isPostgresUrl(location) ? withoutCredentials(location) : location, reason);
}

/**
 * Refuses a database file beside which SQLite's -wal or -shm file is another user's and not writable by this
 * one: the database would open and read, then every write fail as an internal error (sqlite-side-files.ts).
 * Only for commands that write: one that only reads is not stopped by them.
 */
function refuseUnwritableSideFiles(file: string): void {
  const blocked = unwritableSideFiles(file);
  if (blocked.length > 0) throw new StoreUnavailableError(file, sideFilesReason(blocked, walBytes(file)));
}

/**
 * A PostgreSQL URL without user and password.
 * @example withoutCredentials('postgres://u:pw@db:5432/cspi') //=> 'postgres://db:5432/cspi'
 */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}
