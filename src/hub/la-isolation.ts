import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Database } from '../store/database.js';
import { serverSecret } from '../web/auth/secrets.js';
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
 * The reader role of one LA (`cspi_la_reader_841`), a login role and a member of {@link LA_READER_ROLE}: the
 * policies show it the rows of the LA its name ends with ({@link SCOPED_LA}); LA-scoped reads log in as it
 * ({@link withLaScope}). An LA code is letters and digits only (DfE codes
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
 * child-level data). Every LA-scoped read runs on a connection logged in as that LA's reader role
 * ({@link laReaderRole}, a member of {@link LA_READER_ROLE}; {@link withLaScope}); the policies then hide every row of other LAs, in the record tables through their
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

/** An LA's login role and the SCRAM verifier of its password ({@link laLogin}). */
export interface LaLogin {
  readonly role: string;
  readonly verifier: string;
}

/** A SCRAM-SHA-256 verifier as PostgreSQL keeps it (`SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey`). */
const SCRAM_VERIFIER = /^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/;

/**
 * Makes each LA's login role ready: created unless it exists (LOGIN, with the password whose verifier is
 * given), an existing one (a hub set up before the LA roles logged in, or a password changed since) made to
 * log in with it, and each made a member of {@link LA_READER_ROLE} (its SELECT grants and policies) and given
 * nothing else: no other role is granted to it, and it is granted to no role (not the hub owner's). Only the SCRAM verifier is sent, never the password, so a server logging statements never logs it.
 * Like {@link readerRoleSql}, a role created meanwhile by another connection (two dashboards, or tests, reading
 * a new LA at once) is taken as there, and so is a role another set-up changed at the same instant (PostgreSQL
 * says "tuple concurrently updated"): a login then refused sets the password again ({@link withLaScope}).
 * @example laLoginRolesSql([laLogin(key, '841')]) // one DO block
 */
export function laLoginRolesSql(logins: readonly LaLogin[]): string {
  const byRole = new Map<string, string>();
  for (const l of logins) {
    laReaderRole(l.role.slice(LA_ROLE_PREFIX.length)); // an LA's role, its code checked
    if (!SCRAM_VERIFIER.test(l.verifier)) throw new Error(`not a SCRAM verifier for ${l.role}`);
    byRole.set(l.role, l.verifier);
  }
  if (byRole.size === 0) return '';
  const pairs = [...byRole].sort(([a], [b]) => (a < b ? -1 : 1));
  return `DO $cspi$ DECLARE l text[]; BEGIN
  FOREACH l SLICE 1 IN ARRAY ARRAY[${pairs.map(([r, v]) => `['${r}', '${v}']`).join(', ')}]::text[] LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = l[1]) THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', l[1], l[2]);
      ELSE
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', l[1], l[2]);
      END IF;
      IF NOT pg_has_role(l[1], '${LA_READER_ROLE}', 'MEMBER') THEN
        EXECUTE format('GRANT ${LA_READER_ROLE} TO %I', l[1]);
      END IF;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN
        NULL; -- created meanwhile by another connection
      WHEN internal_error THEN
        IF SQLERRM <> 'tuple concurrently updated' THEN RAISE; END IF;
    END;
  END LOOP;
END $cspi$;`;
}

/** The name of the hub's key the LA roles' passwords are derived from (`web_secrets`, {@link laPassword}). */
export const LA_LOGIN_KEY = 'la-login-key';

/**
 * The password of an LA's login role: HMAC-SHA-256 of the role's name under the hub's key ({@link LA_LOGIN_KEY},
 * 32 random bytes made at the first set-up and kept in `web_secrets`, which only the hub's owner can read).
 * Derived, not stored: every process of the hub (dashboards, `cspi hub init` again) computes the same one.
 * @example laPassword(key, 'cspi_la_reader_841') // 43 characters, base64url
 */
export function laPassword(key: Buffer, role: string): string {
  return createHmac('sha256', key).update(role).digest('base64url');
}

/**
 * PostgreSQL's SCRAM-SHA-256 verifier of a password (RFC 7677; what `ALTER ROLE … PASSWORD` stores), so the
 * password itself never goes over the wire in SQL or into the server's log. The password is ASCII
 * ({@link laPassword}), which SASLprep leaves as it is.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The login role of LA `la` with the verifier of its password under `key`. */
export function laLogin(key: Buffer, la: string): LaLogin {
  const role = laReaderRole(la);
  return { role, verifier: scramVerifier(laPassword(key, role)) };
}

/** The hub's key for the LA roles' passwords, by database (read once per process). */
const loginKeys = new WeakMap<Database, Promise<Buffer>>();

function laLoginKey(db: Database): Promise<Buffer> {
  let key = loginKeys.get(db);
  if (!key) {
    key = serverSecret(db, LA_LOGIN_KEY);
    loginKeys.set(db, key);
    key.catch(() => loginKeys.delete(db));
  }
  return key;
}

/** LA codes a reader role can be named by ({@link laReaderRole}); others are left to fail at first use. */
const isLaCode = (code: string): boolean => /^[A-Za-z0-9]{1,40}$/.test(code);

/** How many times the set-up is tried when PostgreSQL ends it to break a deadlock. */
const SET_UP_ATTEMPTS = 5;

/**
 * Sets up LA isolation on a hub database (PostgreSQL only): the policies ({@link laIsolationSql}) and a login
 * role per LA ({@link laLoginRolesSql}), for each LA of `data/las.csv` and each loaded. Each role's password
 * is derived from a key of the hub's ({@link laPassword}: 32 random bytes in `web_secrets`, readable by the
 * owner only) and set again each time, so running it again is harmless and upgrades a hub set up before the
 * LA roles logged in (their roles were NOLOGIN, and read through the owner's `SET ROLE`). The roles belong to
 * the server: a second hub on the same server sets their passwords to its own, and each hub sets them back at
 * a login refused ({@link withLaScope}), so one hub per server is the supported set-up. pg_hba.conf must let
 * the LA roles log in to the hub's database (`+cspi_la_reader` matches them all). Granting to the reader role touches the server's
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
  // Each LA's login role now, for the LAs of the shipped table and those loaded, so a dashboard needs no
  // right to create roles for them (another LA's is created at its first scoped read, withLaScope). Their
  // passwords are set again each time (a hub set up before they logged in is upgraded here).
  const loaded = (await db.all<{ code: string }>('SELECT code FROM las')).map((r) => r.code);
  const codes = [...new Set([...shippedLaCodes(), ...loaded].filter(isLaCode))];
  const key = await laLoginKey(db);
  await execRetryingDeadlocks(db, laLoginRolesSql(codes.map((la) => laLogin(key, la))), wait);
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

const isDeadlock = (e: unknown): boolean => sqlState(e) === '40P01';

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
 * on a hub. It fails closed: on a hub where an LA loaded has no login role (a hub set up before the LA roles
 * logged in, or an LA loaded since) and the connection's user may not create it, or where cspi cannot log
 * in as an LA's role (pg_hba.conf does not let it, or its password is not the hub's and may not be set
 * again), it throws {@link LaIsolationUnavailable}, naming the roles and the fix, and never answers false,
 * which read every LA's data unscoped. It logs in as one LA's role to check.
 */
export async function laIsolationEnabled(db: Database): Promise<boolean> {
  if (!(await hubIsSetUp(db))) return false;
  const loaded = (await db.all<{ code: string }>('SELECT code FROM las ORDER BY code')).map((r) => r.code);
  const las = loaded.filter(isLaCode);
  const ready = new Set(
    (
      await db.all<{ role: string }>(
        `SELECT rolname AS role FROM pg_roles WHERE rolcanlogin AND starts_with(rolname, '${LA_ROLE_PREFIX}')`,
      )
    ).map((r) => r.role),
  );
  const missing = las.filter((la) => !ready.has(laReaderRole(la)));
  if (missing.length > 0) {
    const key = await laLoginKey(db);
    const sql = laLoginRolesSql(missing.map((la) => laLogin(key, la)));
    await execRetryingDeadlocks(db, sql).catch(refusedToCreate(db, missing.map(laReaderRole)));
  }
  const first = las[0];
  if (first !== undefined) await withLaScope(db, first, (tx) => tx.get('SELECT 1 AS one'));
  return true;
}

/**
 * A hub where an LA's data cannot be read in its scope (no login role for it, or no login as it): LA-scoped
 * reads are refused rather than run unscoped. The message names the user, the roles and the fix, never any
 * LA's data, and never a password.
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

/** Why LA isolation is unavailable: an LA's login role may not be created, or not logged in as. */
export type LaIsolationProblem =
  { readonly kind: 'create' } | { readonly kind: 'login'; readonly why: string };

/**
 * The operator's message when `user`'s hub cannot read in the scope of `roles`: what is missing and the fix.
 * @example laIsolationMessage('cspi', ['cspi_la_reader_841'], { kind: 'create' }) // '… run cspi hub init --db <hub url> again as a user who may create roles …'
 */
export function laIsolationMessage(
  user: string,
  roles: readonly string[],
  problem: LaIsolationProblem,
): string {
  const shown =
    roles.length > 5 ? `${roles.slice(0, 5).join(', ')} and ${roles.length - 5} more` : roles.join(', ');
  const plural = roles.length === 1 ? '' : 's';
  const head = `this database is set up as a hub (cspi hub init), but`;
  const tail = `so an LA's data cannot be read in its row-level-security scope, and it is not read unscoped.`;
  if (problem.kind === 'create')
    return (
      `${head} its user "${user}" may not create the LA login role${plural} ${shown} or let ` +
      `${roles.length === 1 ? 'it' : 'them'} log in, ${tail} Fix: run cspi hub init --db <hub url> again as a ` +
      `user who may create roles (a superuser, or one with CREATEROLE)`
    );
  return (
    `${head} cspi cannot log in to it as the LA login role${plural} ${shown} (${problem.why}), ${tail} ` +
    `Fix: let the LA roles log in to this database with a password in pg_hba.conf (e.g. ` +
    `"host <database> +${LA_READER_ROLE} <dashboard address> scram-sha-256"), and run cspi hub init --db ` +
    `<hub url> again (it sets their passwords)`
  );
}

async function laIsolationUnavailable(
  db: Database,
  roles: readonly string[],
  problem: LaIsolationProblem,
): Promise<LaIsolationUnavailable> {
  const who = await db.get<{ name: string }>(`SELECT current_user::text AS name`);
  const user = who?.name ?? 'unknown';
  return new LaIsolationUnavailable(user, roles, laIsolationMessage(user, roles, problem));
}

/** PostgreSQL's "insufficient privilege" (SQLSTATE 42501): creating or altering a role refused. */
const isPermissionDenied = (e: unknown): boolean => sqlState(e) === '42501';

/**
 * A login refused: wrong password (28P01), or no pg_hba.conf line for the role, or the role may not log in
 * (28000).
 */
const isLoginRefused = (e: unknown): boolean => ['28P01', '28000'].includes(sqlState(e) ?? '');

const sqlState = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;

/** Turns a refused role set-up into {@link LaIsolationUnavailable}; any other error is passed on. */
const refusedToCreate =
  (db: Database, roles: readonly string[]) =>
  async (e: unknown): Promise<never> => {
    throw isPermissionDenied(e) ? await laIsolationUnavailable(db, roles, { kind: 'create' }) : e;
  };

/** The LA login roles known to be ready, by database (each is checked once per process). */
const knownRoles = new WeakMap<Database, Set<string>>();

/**
 * Makes LA `la`'s login role ready unless this process knows it is: created, or made to log in with the
 * hub's password, only when it does not exist or may not log in (so a dashboard whose user may not alter
 * roles reads an LA `cspi hub init` set up). `reset` sets the password again whatever the role's state.
 */
async function ensureLaLogin(db: Database, la: string, reset = false): Promise<void> {
  const role = laReaderRole(la);
  let known = knownRoles.get(db);
  if (!known) knownRoles.set(db, (known = new Set()));
  if (known.has(role) && !reset) return;
  const row = await db.get<{ login: boolean }>(
    'SELECT rolcanlogin AS login FROM pg_roles WHERE rolname = ?',
    [role],
  );
  if (reset || row?.login !== true) {
    const sql = laLoginRolesSql([laLogin(await laLoginKey(db), la)]);
    await execRetryingDeadlocks(db, sql).catch(refusedToCreate(db, [role]));
  }
  known.add(role);
}

/**
 * Runs fn inside one read transaction that can see only LA `la`'s rows, on a connection that logged in as
 * the LA's own login role ({@link laReaderRole}, created at its first use; a member of {@link LA_READER_ROLE}
 * only). PostgreSQL's row-level security filters every query fn makes through `tx` by that role, so a query
 * that forgets its LA filter still sees one LA; changing a setting (`set_config('cspi.la', …)`) does not
 * change what it sees (the policies read the role), and neither does changing role: `RESET ROLE` returns to
 * the LA's own role, and it may take on no other LA's (nor the hub owner's). The connection is one of a small
 * pool per LA ({@link Database.loginAs}: at most 2, let go when idle, closed with `db`), whose password is
 * derived from the hub's key ({@link laPassword}) and sent on every login, so pg_hba.conf may ask for it.
 * A login refused (the role's password changed, e.g. by a second hub on the same server: the roles are the
 * server's) sets the hub's password again and logs in once more. `cspi.la` is still set for a hub whose
 * policies predate the LA roles (until `cspi hub init` runs again). The dashboard limits a user to their LA in
 * its routes, and on a hub reads an LA's dataset and validation reports through this scope
 * (web/real-services.ts). A hub where the LA's role may not be created, or not logged in as, gets
 * {@link LaIsolationUnavailable}; the work is never run unscoped.
 * @example await withLaScope(db, '841', (tx) => loadDataset(tx, '805')) //=> undefined (another LA)
 */
export async function withLaScope<T>(db: Database, la: string, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn(db);
  const role = laReaderRole(la);
  if (!db.loginAs) throw new Error(`${db.location}: cannot log in as ${role} (no loginAs)`);
  const login = db.loginAs.bind(db);
  await ensureLaLogin(db, la);
  const password = laPassword(await laLoginKey(db), role);
  // A pooled connection is left as SQL in an earlier scope left it: its role is set back to the LA's own.
  const scoped = (): Promise<T> =>
    login(role, password).transaction(async (tx) => {
      await tx.exec('RESET ROLE');
      const session = await tx.get<{ user: string }>(
        "SELECT session_user::text AS user, set_config('cspi.la', ?, true) AS la",
        [la],
      );
      // Never run fn on a connection that is not the LA's own login (a URL the role could not be put in).
      if (session?.user !== role) throw new Error(`the scope of LA ${la} logged in as another role: refused`);
      return fn(tx);
    });
  const refused = async (e: unknown): Promise<never> => {
    if (!isLoginRefused(e)) throw e;
    throw await laIsolationUnavailable(db, [role], { kind: 'login', why: loginRefusal(e) });
  };
  try {
    return await scoped();
  } catch (e) {
    if (!isLoginRefused(e)) throw e; // refused at login: fn has not run
    // Its password set again (when this user may), then one more login; else the login's refusal is reported.
    const reset = await ensureLaLogin(db, la, true).then(
      () => true,
      (e2: unknown) => {
        if (e2 instanceof LaIsolationUnavailable) return false;
        throw e2;
      },
    );
    return reset ? scoped().catch(refused) : refused(e);
  }
}

/** What PostgreSQL said refusing a login (it names the role and host, never a password). */
const loginRefusal = (e: unknown): string => (e instanceof Error ? e.message : String(e));
