/**
 * The thin store adapter every part of cspi uses (style.md §3, "thin store adapter"): the embedded SQLite
 * file (`store/sqlite.ts`) and PostgreSQL (`store/postgres.ts`) implement it. SQL is written once in the
 * subset both support, with `?` placeholders (the PostgreSQL adapter rewrites them to `$1…`). Results are
 * normalised: dates as ISO `YYYY-MM-DD` strings, counts as numbers. A real difference between the two is a
 * named method here, never an `if (kind === 'postgres')` elsewhere.
 */
export interface Database {
  /** For messages and the data page only. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, without credentials (file path or host/database). */
  readonly location: string;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * {@link all} with each row as an array of its values in SELECT order: no object (and no property name)
   * per row, for reading many records.
   */
  allRows(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Inserts many rows into one table fast (prepared statement in SQLite, multi-row INSERT or COPY in PostgreSQL). */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Runs fn in one transaction: all of it commits, or none (an import is atomic). */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: the same database reached by another login role (`role`, with `password`), on a pool of
   * its own, made at the first call and kept by role (at most 2 connections, each closed after 10 s idle),
   * closed when this database closes. SQLite has no roles and leaves it undefined.
   */
  loginAs?(role: string, password: string): Database;
  close(): Promise<void>;
}

/** One schema change, in SQL both databases accept. Listed in order in `store/migrations.ts`. */
export interface Migration {
  readonly id: string;
  readonly sql: string;
  /** PostgreSQL's text when the two cannot share one (trigger bodies); `sql` is then SQLite's. */
  readonly postgresSql?: string;
}
