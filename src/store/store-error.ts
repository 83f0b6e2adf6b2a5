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
