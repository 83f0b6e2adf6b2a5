import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readerRoleSql } from './la-isolation.js';

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
