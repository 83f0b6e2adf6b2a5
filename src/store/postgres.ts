import pg from 'pg';
import type { Database } from './database.js';
import { bindValue } from './bind-value.js';
import { toPgPlaceholders } from './pg-placeholders.js';
import { copyChunks, copyFrom } from './pg-copy.js';

const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

/**
 * Result types normalised to what the SQLite adapter returns: DATE as the `YYYY-MM-DD` string (never a
 * local-midnight Date), bigint counts and NUMERIC as numbers, timestamps as ISO strings.
 */
const types = {
  getTypeParser(oid: number, format?: string): (value: string) => unknown {
    switch (oid) {
      case OID.date:
        return (v) => v;
      case OID.int8:
      case OID.numeric:
        return (v) => Number(v);
      case OID.timestamp:
        return (v) => v.replace(' ', 'T');
      case OID.timestamptz:
        return (v) => new Date(v).toISOString();
      default:
        return pg.types.getTypeParser(oid, (format ?? 'text') as 'text');
    }
  },
};

export interface PostgresOptions {
  /** Pool size; default 10. */
  readonly max?: number;
  /** How long an idle connection is kept, in ms; default pg's (10 s). */
  readonly idleTimeoutMillis?: number;
}

/** A pool of another login role ({@link Database.loginAs}): small, and let go when idle. */
const LOGIN_POOL = { max: 2, idleTimeoutMillis: 10_000 } as const;

/**
 * Opens a PostgreSQL database (a `pg` pool) from a `postgres://` URL.
 * @example const db = openPostgres('postgres://cspi@db.example/cspi'); await db.get('SELECT count(*) AS n FROM las'); //=> { n: 0 }
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  return new PostgresDatabase(newPool(url, options), describe(url), url);
}

function newPool(url: string, options: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    ...(options.idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis: options.idleTimeoutMillis }),
  });
  // A client losing its connection must not crash the process. pg-pool listens for an idle client's error
  // (and discards the client); a client in use has no listener of its own, so pg's 'error' event would be
  // uncaught: each client gets one for its life. The query or transaction in hand still fails with the error,
  // and the pool discards the broken client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/**
 * The URL `url` with `user` and `password` for its credentials in place of its own (and of any `user` or
 * `password` parameter): host, port, database and every other parameter (`sslmode`, …) kept. A URL with no
 * host to put them before (`postgres:///hub`, a local socket) gets them as `user` and `password` parameters.
 * @example withLogin('postgres://cspi:s3cret@db/hub?sslmode=require', 'cspi_la_reader_841', 'pw') //=> 'postgres://cspi_la_reader_841:pw@db/hub?sslmode=require'
 */
export function withLogin(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.searchParams.delete('user');
  u.searchParams.delete('password');
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (decodeURIComponent(u.username) !== user) {
    u.searchParams.set('user', user);
    u.searchParams.set('password', password);
  }
  return u.toString();
}

/** `host:port/database` without user or password. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

type Queryable = pg.Pool | pg.PoolClient;

/** From this many rows insertMany sends them with COPY FROM STDIN (no statement to parse per batch). */
const COPY_FROM_ROWS = 100;

/** Rows per multi-row INSERT: under PostgreSQL's 65,535 bind parameters. */
function chunkRows(width: number): number {
  return Math.max(1, Math.min(1000, Math.floor(60000 / Math.max(1, width))));
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private savepoint = 0;
  /** The end of the last statement sent on a transaction's client (see {@link inTurn}). */
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    /** The URL it was opened with (credentials included: never shown), for {@link loginAs}. */
    private readonly url: string,
    private readonly client: pg.PoolClient | null = null,
    /** The pools of other login roles, by role: shared with this database's transactions, closed with it. */
    private readonly logins: Map<string, { password: string; db: PostgresDatabase }> = new Map(),
  ) {}

  loginAs(role: string, password: string): Database {
    const held = this.logins.get(role);
    if (held?.password === password) return held.db;
    if (held) void held.db.pool.end().catch(() => {});
    const url = withLogin(this.url, role, password);
    const db = new PostgresDatabase(newPool(url, LOGIN_POOL), this.location, url);
    this.logins.set(role, { password, db });
    return db;
  }

  private get q(): Queryable {
    return this.client ?? this.pool;
  }

  /**
   * Sends one statement on this database's connection once the statements sent before it have finished. A
   * transaction has one client, which runs one statement at a time: pg would queue a second one itself, but
   * warns that doing so is deprecated (it prints the warning to the user's terminal) and pg 9 refuses it. So
   * callers may run statements of one transaction concurrently (`Promise.all`), as on SQLite; they run in
   * the order called. Outside a transaction each statement takes its own pooled client and runs at once.
   */
  private inTurn<T>(send: () => Promise<T>): Promise<T> {
    if (!this.client) return send();
    const turn = this.last.then(send, send);
    this.last = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async query(sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    return this.inTurn(() => this.q.query(toPgPlaceholders(sql), params.map(bindValue)));
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async allRows(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    const r = await this.inTurn(() =>
      this.q.query({
        text: toPgPlaceholders(sql),
        values: params.map(bindValue),
        rowMode: 'array',
      }),
    );
    return r.rows as unknown[][];
  }

  async get<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    // No parameters: the simple query protocol, which accepts several statements.
    await this.inTurn(() => this.q.query(sql));
  }

  async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const width = columns.length;
    const per = chunkRows(width);
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    const work = async (db: PostgresDatabase): Promise<void> => {
      const chunks = rows.length >= COPY_FROM_ROWS ? copyChunks(rows, width) : undefined;
      if (chunks && db.client) {
        const client = db.client;
        await db.inTurn(() => copyFrom(client, table, columns, chunks));
        return;
      }
      for (let at = 0; at < rows.length; at += per) {
        const slice = rows.slice(at, at + per);
        const params: unknown[] = [];
        const tuples: string[] = [];
        for (const row of slice) {
          if (row.length !== width)
            throw new RangeError(`insertMany ${table}: row has ${row.length} values, expected ${width}`);
          const base = params.length;
          tuples.push(`(${row.map((_, j) => `$${base + j + 1}`).join(', ')})`);
          for (const v of row) params.push(bindValue(v));
        }
        await db.inTurn(() => db.q.query(head + tuples.join(', '), params));
      }
    };
    if (this.client) await work(this);
    else await this.transaction((tx) => work(tx as PostgresDatabase));
  }

  async transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    if (this.client) {
      const name = `sp_${++this.savepoint}`;
      await this.exec(`SAVEPOINT ${name}`);
      try {
        const r = await fn(this);
        await this.exec(`RELEASE SAVEPOINT ${name}`);
        return r;
      } catch (err) {
        await this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw err;
      }
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const r = await fn(new PostgresDatabase(this.pool, this.location, this.url, client, this.logins));
      await client.query('COMMIT');
      return r;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.client || this.pool.ending) return; // a transaction's, or closed already
    const logins = [...this.logins.values()];
    this.logins.clear();
    await Promise.all(logins.map((l) => l.db.pool.end()));
    await this.pool.end();
  }
}
