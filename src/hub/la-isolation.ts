import type { Database } from '../store/database.js';
import { RECORD_TABLES } from '../store/records/record-tables.js';
import { loadLaTable } from '../synth/la-table.js';

/**
 * The PostgreSQL role every LA's reader belongs to: it holds the SELECT grants and the policies name it.
 * Itself it sees no LA's rows; LA-scoped reads run as one LA's role ({@link laReaderRole}).
 */
export const LA_READER_ROLE = 'cspi_la_reader';

/** How each LA's reader role is named: the shared role's name, an underscore and the LA's code. */
const LA_ROLE_PREFIX = `${LA_READER_ROLE}_`;

/**
 * The reader role of one LA (`cspi_la_reader_841`), a member of {@link LA_READER_ROLE}: the policies show it
 * the rows of the LA its name ends with ({@link SCOPED_LA}). An LA code is letters and digits only (DfE codes
 * are three digits, ONS codes like `E06000005` keep their case: the name is always quoted in SQL).
 * @example laReaderRole('841') //=> 'cspi_la_reader_841'
 */
export function laReaderRole(la: string): string {
  if (!/^[A-Za-z0-9]{1,40}$/.test(la)) throw new Error(`${JSON.stringify(la)} is not an LA code`);
  return `${LA_ROLE_PREFIX}${la}`;
}

/**
 * The LA a row must belong to for the role running the query: the code ending its LA reader role's name, or
 * null (no rows) for any other role. It reads the role, not a setting: SQL in a scope can change a setting
 * (`set_config('cspi.la', …)`) but that no longer changes what it sees.
 */
const SCOPED_LA = `(CASE WHEN starts_with(current_user::text, '${LA_ROLE_PREFIX}') THEN substr(current_user::text, ${LA_ROLE_PREFIX.length + 1}) END)`;

/** Tables holding an `la` column directly. */
const LA_TABLES = [
  'las',
  'imports',
  'submissions',
  'dataset_versions',
  'dataset_snapshots',
  'dataset_snapshot_parts',
  'indicator_results',
] as const;

/**
 * PostgreSQL row-level security for a hub (issue 7: a user of one LA can never read another LA's
 * child-level data). Every LA-scoped read runs as that LA's reader role ({@link laReaderRole}, a member of
 * {@link LA_READER_ROLE}); the policies then hide every row of other LAs, in the record tables through their
 * submission. The shared role is granted SELECT on these tables only, so any other table (users, audit, …) is
 * closed to it. The hub's own processes (imports, workers) run as the owner and see all LAs. Idempotent
 * (`cspi hub init` again replaces the policies of an earlier version, which read the LA from the `cspi.la`
 * setting), and safe to run on several databases of one server at once ({@link readerRoleSql}).
 */
export function laIsolationSql(): string {
  const policies: string[] = [];
  const enable = (table: string, using: string): void => {
    policies.push(
      `GRANT SELECT ON ${table} TO ${LA_READER_ROLE};`,
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`,
      `DROP POLICY IF EXISTS la_only ON ${table};`,
      `CREATE POLICY la_only ON ${table} FOR SELECT TO ${LA_READER_ROLE} USING (${using});`,
    );
  };
  for (const t of LA_TABLES) enable(t, t === 'las' ? `code = ${SCOPED_LA}` : `la = ${SCOPED_LA}`);
  enable('submission_files', 'submission_id IN (SELECT id FROM submissions)');
  enable('dataset_submissions', 'dataset_id IN (SELECT id FROM dataset_versions)');
  enable('validation_issues', 'import_id IN (SELECT id FROM imports)');
  enable('dataset_checks', 'dataset_id IN (SELECT id FROM dataset_versions)');
  for (const t of RECORD_TABLES) enable(t.table, 'submission_id IN (SELECT id FROM submissions)');
  return `
${readerRoleSql()}
GRANT USAGE ON SCHEMA public TO ${LA_READER_ROLE};
${policies.join('\n')}
`;
}

/**
 * Creates the LA reader role unless it exists. A role belongs to the server, not to one database: when
 * two databases are set up at once, both may pass the existence check, and the second `CREATE ROLE` then
 * fails on the role's unique name; that failure means the role is there, so it is caught. `role` is for
 * tests that must not touch the shared role.
 */
export function readerRoleSql(role: string = LA_READER_ROLE): string {
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created meanwhile by another database's set-up
END $$;`;
}

/**
 * Creates each LA's reader role unless it exists, as a member of {@link LA_READER_ROLE} (which it inherits
 * its SELECT grants and policies from). Like {@link readerRoleSql}, a role created meanwhile by another
 * connection (two dashboards, or tests, reading a new LA at once) is taken as there. A connection whose
 * user is not a superuser is given the right to take the role on (its own LA-scoped reads need it).
 * @example laReaderRolesSql(['841', '805']) // one DO block for both
 */
export function laReaderRolesSql(las: readonly string[]): string {
  const roles = [...new Set(las.map(laReaderRole))].sort();
  if (roles.length === 0) return '';
  return `DO $$ DECLARE r text; BEGIN
  FOREACH r IN ARRAY ARRAY[${roles.map((r) => `'${r}'`).join(', ')}]::text[] LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      END IF;
      IF NOT pg_has_role(r, '${LA_READER_ROLE}', 'MEMBER') THEN
        EXECUTE format('GRANT ${LA_READER_ROLE} TO %I', r);
      END IF;
      IF current_setting('server_version_num')::int >= 160000 THEN
        IF NOT pg_has_role(current_user, r, 'SET') THEN
          EXECUTE format('GRANT %I TO %I WITH INHERIT FALSE, SET TRUE', r, current_user);
        END IF;
      ELSIF NOT pg_has_role(current_user, r, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', r, current_user);
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created meanwhile by another connection
    END;
  END LOOP;
END $$;`;
}

/** {@link laReaderRolesSql} for one LA. */
export function laReaderRoleSql(la: string): string {
  return laReaderRolesSql([la]);
}

/** LA codes a reader role can be named by ({@link laReaderRole}); others are left to fail at first use. */
const isLaCode = (code: string): boolean => /^[A-Za-z0-9]{1,40}$/.test(code);

/** How many times the set-up is tried when PostgreSQL ends it to break a deadlock. */
const SET_UP_ATTEMPTS = 5;

/**
 * Sets up LA isolation on a hub database (PostgreSQL only). Granting to the reader role touches the server's
 * shared catalogues, so the set-ups of two databases of one server running at once can deadlock; PostgreSQL
 * then ends one of them (SQLSTATE 40P01) and nothing of it is kept (the script runs as one transaction),
 * so it is run again, a few times at most, after a short wait. Any other error is the caller's.
 */
export async function enableLaIsolation(
  db: Database,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<void> {
  if (db.kind !== 'postgres') {
    throw new Error('hub mode needs PostgreSQL: pass --db postgres://… (the embedded database holds one LA)');
  }
  await execRetryingDeadlocks(db, laIsolationSql(), wait);
  // Each LA's reader role now, for the LAs of the shipped table and those loaded, so a dashboard needs no
  // right to create roles for them (another LA's is created at its first scoped read, withLaScope).
  const loaded = (await db.all<{ code: string }>('SELECT code FROM las')).map((r) => r.code);
  const codes = [...shippedLaCodes(), ...loaded].filter(isLaCode);
  await execRetryingDeadlocks(db, laReaderRolesSql(codes), wait);
}

/** The DfE codes of the shipped LA table (`data/las.csv`), or none when it is not shipped. */
function shippedLaCodes(): string[] {
  try {
    return loadLaTable().map((la) => la.code);
  } catch {
    return [];
  }
}

/** Runs a set-up script, again (a few times at most, after a short wait) when ended to break a deadlock. */
async function execRetryingDeadlocks(
  db: Database,
  sql: string,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.exec(sql);
      return;
    } catch (e) {
      if (attempt >= SET_UP_ATTEMPTS || !isDeadlock(e)) throw e;
      await wait(50 * attempt);
    }
  }
}

const isDeadlock = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '40P01';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether this database has been set up as a hub (`cspi hub init`: {@link enableLaIsolation}'s policies are
 * there), whoever the connection's user is. `cspi worker`, `cspi hub import` and `cspi hub compute` refuse
 * a database that has not: they ran on it, loading every LA's child-level records with no row-level
 * isolation, and the dashboard then read them unscoped.
 */
export async function hubIsSetUp(db: Database): Promise<boolean> {
  if (db.kind !== 'postgres') return false;
  const row = await db.get<{ ready: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                      AND tablename = 'dataset_snapshot_parts' AND policyname = 'la_only') AS ready`,
  );
  return row?.ready === true;
}

/** The line a hub command that needs `cspi hub init` first says on a database without it. */
export const notAHub = (location: string): string =>
  `${location} is not set up as a hub (no isolation between LAs): run cspi hub init --db <hub url> first`;

/**
 * Whether the dashboard's LA-scoped reads run in the LA's row-level-security scope ({@link withLaScope}):
 * false where there is no hub (SQLite, or a PostgreSQL database holding one LA without `cspi hub init`), true
 * on a hub. It fails closed: on a hub whose connection user may not take on the reader role of an LA loaded
 * (PostgreSQL 16+: no SET right on it; before 16: not a member; e.g. `cspi hub init` was run by a superuser
 * and the dashboard connects as the non-superuser owner, who bypasses row-level security on its own tables),
 * it throws {@link LaIsolationUnavailable}, naming the grant missing and how to give it, and never answers
 * false, which read every LA's data unscoped. An LA whose role does not exist yet is checked at its first
 * scoped read ({@link withLaScope}, which fails the same way).
 */
export async function laIsolationEnabled(db: Database): Promise<boolean> {
  if (!(await hubIsSetUp(db))) return false;
  const out = await db.all<{ role: string }>(
    `SELECT r.rolname AS role FROM pg_roles r
      WHERE r.rolname IN (SELECT '${LA_ROLE_PREFIX}' || code FROM las)
        AND NOT CASE WHEN current_setting('server_version_num')::int >= 160000
                     THEN pg_has_role(current_user, r.oid, 'SET')
                     ELSE pg_has_role(current_user, r.oid, 'MEMBER') END
      ORDER BY 1`,
  );
  if (out.length > 0)
    throw await laIsolationUnavailable(
      db,
      out.map((r) => r.role),
    );
  return true;
}

/**
 * A hub whose connection user may not take on an LA's reader role: LA-scoped reads are refused rather than
 * run unscoped. The message names the user, the roles and the fix, never any LA's data.
 */
export class LaIsolationUnavailable extends Error {
  constructor(
    readonly user: string,
    readonly roles: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'LaIsolationUnavailable';
  }
}

/**
 * The operator's message when `user` may not take on `roles` on a hub: which right is missing and the two
 * ways to give it (PostgreSQL 16+ needs the SET option, earlier versions membership).
 * @example laIsolationMessage('cspi', ['cspi_la_reader_841'], 160004) // '… GRANT "cspi_la_reader_841" TO "cspi" WITH INHERIT FALSE, SET TRUE; …'
 */
export function laIsolationMessage(user: string, roles: readonly string[], serverVersion: number): string {
  const shown =
    roles.length > 5 ? `${roles.slice(0, 5).join(', ')} and ${roles.length - 5} more` : roles.join(', ');
  const grant = (role: string) =>
    serverVersion >= 160000
      ? `GRANT "${role}" TO "${user}" WITH INHERIT FALSE, SET TRUE;`
      : `GRANT "${role}" TO "${user}";`;
  return (
    `this database is set up as a hub (cspi hub init), but its user "${user}" may not take on the LA reader ` +
    `role${roles.length === 1 ? '' : 's'} ${shown} (${serverVersion >= 160000 ? 'no SET right on it' : 'not a member'}), ` +
    `so an LA's data cannot be read in its row-level-security scope, and it is not read unscoped. ` +
    `Fix: run cspi hub init --db <hub url> again connecting as "${user}" (it grants "${user}" each LA's reader ` +
    `role, when "${user}" may: it created the roles or holds ADMIN on them), or as a superuser run ` +
    `${grant(roles[0] ?? `${LA_ROLE_PREFIX}<LA>`)}${roles.length > 1 ? ' for each role named' : ''}`
  );
}

async function laIsolationUnavailable(
  db: Database,
  roles: readonly string[],
): Promise<LaIsolationUnavailable> {
  const who = await db.get<{ name: string; version: number | string }>(
    `SELECT current_user::text AS name, current_setting('server_version_num')::int AS version`,
  );
  const user = who?.name ?? 'unknown';
  return new LaIsolationUnavailable(user, roles, laIsolationMessage(user, roles, Number(who?.version ?? 0)));
}

/** PostgreSQL's "insufficient privilege" (SQLSTATE 42501): creating, granting or setting a role refused. */
const isPermissionDenied = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '42501';

/** The LA reader roles known to exist, by database (each is created once per process, {@link laReaderRoleSql}). */
const knownRoles = new WeakMap<Database, Set<string>>();

async function ensureLaReaderRole(db: Database, la: string): Promise<string> {
  const role = laReaderRole(la);
  let known = knownRoles.get(db);
  if (!known) knownRoles.set(db, (known = new Set()));
  if (!known.has(role)) {
    await execRetryingDeadlocks(db, laReaderRoleSql(la));
    known.add(role);
  }
  return role;
}

/**
 * Runs fn inside one read transaction that can see only LA `la`'s rows: every query fn makes through `tx`
 * runs as the LA's reader role ({@link laReaderRole}, created at its first use) and is filtered by
 * PostgreSQL's row-level security, so a query that forgets its LA filter still sees one LA, and changing a
 * setting (`set_config('cspi.la', …)`) does not change what it sees: the policies read the role. It is not
 * a boundary against every hostile SQL: the scope is a `SET LOCAL ROLE` of a connection whose user may take
 * on any LA's role, so `RESET ROLE` or `SET ROLE` to another LA's reader in fn leaves it; that needs a login
 * role per LA (la-isolation.audit.test.ts, todo). `cspi.la` is still set for a hub whose policies predate
 * the LA roles (until `cspi hub init` runs again). The dashboard limits a user to their LA in its routes, and
 * on a hub reads an LA's dataset and validation reports through this scope (web/real-services.ts). A
 * connection whose user may not create or take on the LA's role gets {@link LaIsolationUnavailable}.
 * @example await withLaScope(db, '841', (tx) => loadDataset(tx, '805')) //=> undefined (another LA)
 */
export async function withLaScope<T>(db: Database, la: string, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn(db);
  const role = laReaderRole(la);
  // Taking on the role is refused (not enough rights): a clear error, never a read outside the scope.
  const refused = async (e: unknown): Promise<never> => {
    throw isPermissionDenied(e) ? await laIsolationUnavailable(db, [role]) : e;
  };
  await ensureLaReaderRole(db, la).catch(refused);
  return db.transaction(async (tx) => {
    await tx.get("SELECT set_config('cspi.la', ?, true) AS la", [la]);
    await tx.exec(`SET LOCAL ROLE "${role}"`).catch(refused);
    return fn(tx);
  });
}
