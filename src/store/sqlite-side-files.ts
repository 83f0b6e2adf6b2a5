import { accessSync, constants, existsSync, statSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The files SQLite keeps beside a database in WAL mode: the write-ahead log (`-wal`) and its shared-memory
 * index (`-shm`). SQLite creates them on first use with the database file's mode, owned by whoever opened it,
 * and removes them when the last connection that can write closes; a read-only connection cannot remove them.
 */
export function sideFilesOf(db: string): readonly [wal: string, shm: string] {
  return [`${db}-wal`, `${db}-shm`];
}

/** The side files present now. */
export function existingSideFiles(db: string): ReadonlySet<string> {
  return new Set(sideFilesOf(db).filter((f) => existsSync(f)));
}

/** True when this process may write the file (false when it cannot: mode 0444, a read-only share). */
export function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Side files this user cannot write. SQLite opens them all the same, read-only, and the database then reads
 * but every write fails ("attempt to write a readonly database"): another user's read-only `cspi datasets` on
 * a database it cannot write leaves them so, owned by that user with the database's mode.
 */
export function unwritableSideFiles(db: string, writable: (file: string) => boolean = canWrite): string[] {
  return [...existingSideFiles(db)].filter((f) => !writable(f));
}

/**
 * Why a database whose side files this user cannot write cannot be written, and what to do, in words for the
 * person who ran the command (completes "the database X …"). Deleting them is safe only while the log is empty
 * (a read-only reader never writes to it); a log with something in it was written by an account that can
 * write the database, whose changes would be lost, so the advice is then to share access instead.
 * @example sideFilesReason(['/d/cspi.db-shm'], 0) //=> 'cannot be written by this user: cspi.db-shm beside it belongs to another user …'
 */
export function sideFilesReason(files: readonly string[], walBytes: number): string {
  const names = files.map((f) => basename(f));
  const list = names.join(' and ');
  const them = names.length === 1 ? 'it' : 'them';
  const head = `cannot be written by this user: ${list} beside it ${names.length === 1 ? 'belongs' : 'belong'} to another user`;
  if (walBytes > 0)
    return `${head}, who has written to the database: run cspi as that user, or give this user write access to ${them} (the same group, mode 664)`;
  return `${head} (left by someone reading the database without write access); when no cspi command is using the database, delete ${list} (${names.length === 1 ? 'it is' : 'they are'} rebuilt, and the log holds nothing) and run again`;
}

/** The size of the write-ahead log (0 when there is none). */
export function walBytes(db: string): number {
  const [wal] = sideFilesOf(db);
  try {
    return statSync(wal).size;
  } catch {
    return 0;
  }
}

/**
 * After a read-only connection closes: removes the side files it created, when nobody can write the database
 * (no write bit in its mode: a shared read-only copy, mode 0444), the files are this process's user's and the
 * log is empty. Left behind, owned by the reader, they stop the database's owner writing it once they make it
 * writable again. Nobody can be writing while the mode forbids it, so a concurrent reader still using the index
 * loses nothing (an empty log: every page is read from the database itself). A database someone can write is
 * left alone: a writer starting while another reader still used the index would need it; its owner is told
 * what to delete instead ({@link sideFilesReason}).
 */
export function removeSideFilesLeftBy(db: string, before: ReadonlySet<string>): void {
  let mode: number;
  try {
    mode = statSync(db).mode;
  } catch {
    return;
  }
  if ((mode & 0o222) !== 0) return;
  const uid = process.getuid?.();
  const created = sideFilesOf(db).filter((f) => !before.has(f) && existsSync(f));
  if (created.length === 0 || walBytes(db) > 0) return;
  for (const f of created) {
    try {
      if (uid === undefined || statSync(f).uid === uid) unlinkSync(f);
    } catch {
      // Gone already, or not ours to remove: nothing to tidy.
    }
  }
}
