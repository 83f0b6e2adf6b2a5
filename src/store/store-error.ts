/**
 * Errors the store adapters raise for conditions a person can act on. Everything else from a driver is a
 * bug or an outage and reaches the CLI's S-INTERNAL handler.
 */

/**
 * The database is locked by another process (SQLite: another connection holds the write lock past the busy
 * timeout; e.g. a running `cspi serve` importing). Callers print {@link busyMessage}, never the raw SQLITE_BUSY.
 */
export class StoreBusyError extends Error {
  override readonly name = 'StoreBusyError';
  readonly code = 'STORE-BUSY';
  constructor(readonly location: string) {
    super(busyMessage(location));
  }
}

/**
 * The message shown when the database is locked by another cspi process.
 * @example busyMessage('./cspi.db') //=> 'the database ./cspi.db is in use by another cspi process (is `cspi serve` running?); …'
 */
export function busyMessage(location: string): string {
  return (
    `the database ${location} is in use by another cspi process (is \`cspi serve\` running?); ` +
    "stop it or import through the dashboard's data page"
  );
}

/** True for a better-sqlite3 error meaning the file is locked (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED …). */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * True for a row refused because its key is taken (SQLite SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE,
 * PostgreSQL unique_violation 23505): another writer got there first.
 */
export function isDuplicateKey(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The database cannot be used at all: the `--db` file is not an SQLite database, is a folder or sits in a
 * folder that does not exist, or the PostgreSQL server cannot be reached or refuses the login. The message
 * names the location (a PostgreSQL URL without user or password) and what to do; the CLI prints it and
 * exits 2 (inputs.md §6: nothing done), not S-INTERNAL.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly code = 'STORE-UNAVAILABLE';
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`the database ${location} ${reason}`);
  }
}

/**
 * Why the database at `location` cannot be opened, from a driver's error, in words for the person who typed
 * `--db`; undefined for an error that is not about reaching the database (a bug: S-INTERNAL).
 * @example unavailableReason({ code: 'SQLITE_NOTADB' }) //=> 'is not a cspi database (not an SQLite file): check --db'
 */
export function unavailableReason(err: unknown): string | undefined {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (code === 'SQLITE_NOTADB') return 'is not a cspi database (not an SQLite file): check --db';
  if (code === 'SQLITE_CORRUPT') return 'is damaged (SQLite reports it corrupt): restore it from a backup';
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR'))
    return 'cannot be opened (is it a folder, or not readable?): give --db a database file';
  if (code === 'SQLITE_READONLY_DIRECTORY')
    return 'is in a folder this user cannot write to, and SQLite must create its shared-memory file (-shm) beside the database to use it, even to read it: copy the database to a folder you can write to, or ask for write access to that folder';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
    return 'cannot be written (read-only file or folder): check its permissions';
  if (/directory does not exist/i.test(message))
    return 'cannot be created: its folder does not exist; check --db';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code))
    return 'cannot be reached: is the PostgreSQL server running, and is the host and port in --db right?';
  if (code === '28P01' || code === '28000')
    return 'refused the login: check the user and password in --db or DATABASE_URL';
  if (code === '3D000') return 'does not exist on the server: create it, or check the database name in --db';
  return undefined;
}
