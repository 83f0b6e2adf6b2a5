import BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database.js';
import { bindValue } from './bind-value.js';
import { StoreBusyError, isSqliteBusy } from './store-error.js';
import { existingSideFiles, removeSideFilesLeftBy } from './sqlite-side-files.js';

export interface SqliteOptions {
  /** How long a write waits for another connection's lock before giving up (ms). Default 5000. */
  readonly busyTimeoutMs?: number;
  readonly readonly?: boolean;
}

type Raw = BetterSqlite3.Database;

/** Rows per multi-row INSERT, and SQLite's limit on bound parameters per statement. */
const ROWS_PER_INSERT = 64;
const MAX_PARAMS = 32_766;

/**
 * Opens the embedded SQLite database at `path` (`:memory:` for a private in-memory one) with WAL
 * journaling (readers never block the writer), a busy timeout and foreign keys enforced.
 * Transactions start with `BEGIN IMMEDIATE`, so a locked file is found before any work and raised as
 * {@link StoreBusyError}.
 * @example const db = openSqlite('./cspi.db'); await db.all('SELECT 1 AS one'); //=> [{ one: 1 }]
 */
export function openSqlite(path: string, options: SqliteOptions = {}): Database {
  const readonly = options.readonly === true && path !== ':memory:';
  const before = readonly ? existingSideFiles(path) : null;
  const raw = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  try {
    raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly && path !== ':memory:') raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
  } catch (err) {
    raw.close();
    if (before) removeSideFilesLeftBy(path, before);
    if (isSqliteBusy(err)) throw new StoreBusyError(path);
    throw err;
  }
  const db = new SqliteDatabase(raw, path);
  // A read-only connection cannot remove the -wal and -shm files SQLite made for it (sqlite-side-files.ts).
  if (before) db.afterClose = () => removeSideFilesLeftBy(path, before);
  return db;
}

/** Serialises transactions on one connection: a second caller waits for the first to finish. */
class Gate {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
  /** Resolves when no transaction is running (non-transactional statements wait for the current one). */
  idle(): Promise<void> {
    return this.tail;
  }
}

class SqliteDatabase implements Database {
  readonly kind = 'sqlite' as const;
  private savepoint = 0;
  /** Runs once, after the connection closes (a read-only connection's tidying of its side files). */
  afterClose: (() => void) | null = null;

  constructor(
    private readonly raw: Raw,
    readonly location: string,
    private readonly gate: Gate = new Gate(),
    private readonly inTx = false,
    private readonly cache = new Map<string, BetterSqlite3.Statement>(),
  ) {}

  private stmt(sql: string, rawRows = false): BetterSqlite3.Statement {
    // Array-row statements are prepared apart: raw mode is a property of the statement.
    const key = rawRows ? `\u0000raw\u0000${sql}` : sql;
    let s = this.cache.get(key);
    if (!s) {
      s = this.raw.prepare(sql);
      if (rawRows) s.raw(true);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(key, s);
    }
    return s;
  }

  private async ready(): Promise<void> {
    if (!this.inTx) await this.gate.idle();
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (isSqliteBusy(err)) throw new StoreBusyError(this.location);
      throw err;
    }
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    await this.ready();
    return this.guard(() => this.stmt(sql).all(...params.map(bindValue)) as T[]);
  }

  async allRows(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    await this.ready();
    return this.guard(() => this.stmt(sql, true).all(...params.map(bindValue)) as unknown[][]);
  }

  async get<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T | undefined> {
    await this.ready();
    return this.guard(() => this.stmt(sql).get(...params.map(bindValue)) as T | undefined);
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    await this.ready();
    return this.guard(() => ({ changes: this.stmt(sql).run(...params.map(bindValue)).changes }));
  }

  async exec(sql: string): Promise<void> {
    await this.ready();
    this.guard(() => this.raw.exec(sql));
  }

  async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.ready();
    const width = columns.length;
    // Several rows per statement: fewer calls into SQLite, each binding one reused parameter array.
    const per = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMS / width)));
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const many = rows.length >= per ? this.stmt(head + Array<string>(per).fill(tuple).join(', ')) : null;
    const one = this.stmt(head + tuple);
    const params: unknown[] = new Array<unknown>(per * width);
    const insertAll = (): void => {
      let at = 0;
      if (many)
        for (; at + per <= rows.length; at += per) {
          let p = 0;
          for (let i = at; i < at + per; i++) {
            const row = rows[i]!;
            if (row.length !== width)
              throw new RangeError(`insertMany ${table}: row has ${row.length} values, expected ${width}`);
            for (let j = 0; j < width; j++) params[p++] = bindValue(row[j]);
          }
          many.run(params);
        }
      for (; at < rows.length; at++) {
        const row = rows[at]!;
        if (row.length !== width)
          throw new RangeError(`insertMany ${table}: row has ${row.length} values, expected ${width}`);
        one.run(row.map(bindValue));
      }
    };
    // Inside a transaction the caller's BEGIN covers it; outside, one implicit transaction is much faster.
    this.guard(() => (this.inTx ? insertAll() : this.raw.transaction(insertAll).immediate()));
  }

  async transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    if (this.inTx) {
      // Nested: a savepoint inside the running transaction.
      const name = `sp_${++this.savepoint}`;
      this.raw.exec(`SAVEPOINT ${name}`);
      try {
        const r = await fn(this);
        this.raw.exec(`RELEASE ${name}`);
        return r;
      } catch (err) {
        this.raw.exec(`ROLLBACK TO ${name}`);
        this.raw.exec(`RELEASE ${name}`);
        throw err;
      }
    }
    return this.gate.run(async () => {
      this.guard(() => this.raw.exec('BEGIN IMMEDIATE'));
      const tx = new SqliteDatabase(this.raw, this.location, this.gate, true, this.cache);
      try {
        const r = await fn(tx);
        this.guard(() => this.raw.exec('COMMIT'));
        return r;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.gate.idle();
    if (!this.raw.open) return;
    this.raw.close();
    const after = this.afterClose;
    this.afterClose = null;
    after?.();
  }
}
