import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../store/database.js';
import {
  enableLaIsolation,
  laIsolationSql,
  laLogin,
  laLoginRolesSql,
  laPassword,
  laReaderRole,
  readerRoleSql,
  scramVerifier,
} from './la-isolation.js';

const admin = process.env['CSPI_TEST_PG_URL'];

// The reader role belongs to the server: hub databases set up at the same time (tests, or two hubs on one
// server) race to create it. Before the fix, 24 of 30 such rounds of four failed with a unique violation.
test(
  'the LA reader role is created once when four databases set up isolation at the same time',
  { skip: admin ? false : 'no CSPI_TEST_PG_URL' },
  async () => {
    const role = `cspi_la_reader_${randomBytes(4).toString('hex')}`;
    const connect = async (): Promise<pg.Client> => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      return c;
    };
    const owner = await connect();
    const clients = await Promise.all([0, 1, 2, 3].map(connect));
    try {
      for (let round = 0; round < 10; round++) {
        await owner.query(`DROP ROLE IF EXISTS ${role}`);
        const settled = await Promise.allSettled(clients.map((c) => c.query(readerRoleSql(role))));
        const failed = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
        assert.deepEqual(failed, [], `round ${round}`);
        const found = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        assert.equal(found.rowCount, 1);
      }
    } finally {
      await owner.query(`DROP ROLE IF EXISTS ${role}`);
      await Promise.all([owner, ...clients].map((c) => c.end()));
    }
  },
);

/**
 * A database whose set-up script fails with the given errors, one per attempt, then succeeds (the LA reader
 * roles created after it, for the LAs it holds, are not counted).
 */
function failingSetUp(errors: unknown[]): { db: Database; attempts: () => number } {
  let attempts = 0;
  const db = {
    kind: 'postgres',
    exec: async (sql: string) => {
      if (sql.startsWith('DO $cspi$')) return; // laLoginRolesSql
      const e = errors[attempts++];
      if (e !== undefined) throw e;
    },
    all: async () => [],
    get: async () => ({ value: Buffer.alloc(32).toString('base64') }), // the hub's key (web_secrets)
  } as unknown as Database;
  return { db, attempts: () => attempts };
}

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

test('a set-up ended by PostgreSQL to break a deadlock (another database setting up at once) is run again', async () => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);
  const twice = failingSetUp([deadlock, deadlock]);
  await enableLaIsolation(twice.db, wait);
  assert.equal(twice.attempts(), 3);
  assert.deepEqual(waits, [50, 100]);
  const always = failingSetUp(Array.from({ length: 9 }, () => deadlock));
  await assert.rejects(enableLaIsolation(always.db, wait), /deadlock detected/);
  assert.equal(always.attempts(), 5, 'five attempts at most');
  const other = failingSetUp([Object.assign(new Error('permission denied'), { code: '42501' })]);
  await assert.rejects(enableLaIsolation(other.db, wait), /permission denied/);
  assert.equal(other.attempts(), 1, 'any other error is not retried');
});

test("each LA's reader role is named by its code; a code that is not letters and digits is refused, never put into SQL", () => {
  assert.equal(laReaderRole('841'), 'cspi_la_reader_841');
  assert.equal(laReaderRole('E06000005'), 'cspi_la_reader_E06000005');
  // Quoted wherever it is an identifier, so an ONS code keeps its case (the policies compare it with `la`).
  const key = Buffer.alloc(32, 7);
  const sql = laLoginRolesSql([laLogin(key, 'E06000005')]);
  assert.match(sql, /ARRAY\[\['cspi_la_reader_E06000005', 'SCRAM-SHA-256\$4096:/);
  assert.match(sql, /format\('CREATE ROLE %I LOGIN PASSWORD %L', l\[1\], l\[2\]\)/);
  for (const bad of ['', '841; DROP TABLE las', "8'41", '841 ', 'a'.repeat(41)])
    assert.throws(() => laReaderRole(bad), /is not an LA code/, JSON.stringify(bad));
  assert.throws(() => laLogin(key, 'x"y'), /is not an LA code/);
  assert.throws(
    () => laLoginRolesSql([{ role: 'cspi_la_reader_841', verifier: "x'; DROP ROLE postgres; --" }]),
    /not a SCRAM verifier/,
  );
  assert.throws(
    () => laLoginRolesSql([{ role: 'postgres', verifier: scramVerifier('pw') }]),
    /is not an LA code/,
  );
});

// The LA roles' passwords: derived from the hub's key, and only their SCRAM verifier is sent in SQL (a server
// logging statements logs no password). RFC 7677's test vector: user "user", password "pencil".
test("an LA role's password is the HMAC of its name under the hub's key, and only its SCRAM verifier is sent", () => {
  const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');
  const verifier = scramVerifier('pencil', salt, 4096);
  const [, head, keys] = verifier.split('$');
  assert.equal(head, '4096:W22ZaJ0SNY7soEsUEjb6gQ==');
  const [storedKey, serverKey] = keys!.split(':').map((k) => Buffer.from(k, 'base64'));
  // The exchange of RFC 7677 §3: the server's signature and the client's proof check against the verifier.
  const nonce = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
  const auth = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=${nonce}`;
  const hmac = (k: Buffer, m: string) => createHmac('sha256', k).update(m).digest();
  assert.equal(hmac(serverKey!, auth).toString('base64'), '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
  const proof = Buffer.from('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=', 'base64');
  const signature = hmac(storedKey!, auth);
  const clientKey = Buffer.from(proof.map((b, i) => b ^ signature[i]!));
  assert.deepEqual(createHash('sha256').update(clientKey).digest(), storedKey);
  const key = Buffer.alloc(32, 1);
  const pw = laPassword(key, 'cspi_la_reader_841');
  assert.match(pw, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(laPassword(key, 'cspi_la_reader_841'), pw, 'the same for every process of the hub');
  assert.notEqual(laPassword(key, 'cspi_la_reader_805'), pw, 'one per LA');
  assert.notEqual(laPassword(Buffer.alloc(32, 2), 'cspi_la_reader_841'), pw, 'one per hub key');
  const sql = laLoginRolesSql([laLogin(key, '841')]);
  assert.ok(!sql.includes(pw), 'the password is not in the SQL');
});

test('the policies read the LA from the role the query runs as, not from a setting SQL can change', () => {
  const sql = laIsolationSql();
  assert.doesNotMatch(sql, /current_setting\('cspi\.la'/);
  assert.match(
    sql,
    /CREATE POLICY la_only ON submissions FOR SELECT TO cspi_la_reader USING \(la = \(CASE WHEN starts_with\(current_user::text, 'cspi_la_reader_'\)/,
  );
});
