import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../store/database.js';
import {
  enableLaIsolation,
  laIsolationSql,
  laReaderRole,
  laReaderRoleSql,
  readerRoleSql,
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
      if (sql.startsWith('DO $$ DECLARE r text;')) return; // laReaderRolesSql
      const e = errors[attempts++];
      if (e !== undefined) throw e;
    },
    all: async () => [],
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
  assert.match(laReaderRoleSql('E06000005'), /ARRAY\['cspi_la_reader_E06000005'\]/);
  assert.match(laReaderRoleSql('E06000005'), /format\('CREATE ROLE %I NOLOGIN', r\)/);
  for (const bad of ['', '841; DROP TABLE las', "8'41", '841 ', 'a'.repeat(41)])
    assert.throws(() => laReaderRole(bad), /is not an LA code/, JSON.stringify(bad));
  assert.throws(() => laReaderRoleSql('x"y'), /is not an LA code/);
});

test('the policies read the LA from the role the query runs as, not from a setting SQL can change', () => {
  const sql = laIsolationSql();
  assert.doesNotMatch(sql, /current_setting\('cspi\.la'/);
  assert.match(
    sql,
    /CREATE POLICY la_only ON submissions FOR SELECT TO cspi_la_reader USING \(la = \(CASE WHEN starts_with\(current_user::text, 'cspi_la_reader_'\)/,
  );
});
