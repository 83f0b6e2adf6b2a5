import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntoClientConfig } from 'pg-connection-string';
import { openPostgres, withLogin } from './postgres.js';

// An LA's pool reaches the hub's database as the LA's login role: only the credentials change, whatever form
// the hub's URL takes (pg reads `user` and `password` parameters before the URL's own credentials).
test("a login role's URL keeps the hub's host, database and parameters, with the role's credentials only", () => {
  const cases = [
    'postgres://cspi:s3cret@db.example:5433/hub?sslmode=verify-full',
    'postgres://db.example/hub?user=cspi&password=s3cret',
    'postgres:///hub',
    'postgres://%2Fvar%2Frun%2Fpostgresql/hub',
  ];
  for (const url of cases) {
    const owner = parseIntoClientConfig(url);
    const la = parseIntoClientConfig(withLogin(url, 'cspi_la_reader_E06000005', 'p/w+=_-'));
    assert.equal(la.user, 'cspi_la_reader_E06000005', url);
    assert.equal(la.password, 'p/w+=_-', url);
    assert.deepEqual(
      { ...la, user: undefined, password: undefined },
      { ...owner, user: undefined, password: undefined },
      url,
    );
  }
});

// A connection the server drops while cspi holds it (a database restart, an administrator's
// pg_terminate_backend, a network cut mid-transaction) fails that transaction, and nothing else: pg
// emits 'error' on a checked-out client with no listener of its own, which crashed the whole process
// (the dashboard, a hub worker) with an uncaught exception.
test(
  'a connection the server drops mid-transaction fails that transaction, not the process',
  {
    skip: process.env['CSPI_TEST_PG_URL'] ? false : 'no CSPI_TEST_PG_URL',
  },
  async () => {
    const db = openPostgres(process.env['CSPI_TEST_PG_URL']!);
    const admin = openPostgres(process.env['CSPI_TEST_PG_URL']!);
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown): void => void uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const failed = await db
        .transaction(async (tx) => {
          const me = await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await admin.get('SELECT pg_terminate_backend(?) AS ok', [me!.pid]);
          await new Promise((r) => setTimeout(r, 200)); // the client learns of it while idle in the transaction
          await tx.get('SELECT 1 AS one');
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      assert.ok(failed instanceof Error, 'the transaction fails');
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(uncaught, [], 'no uncaught error');
      // The pool carries on with a fresh connection.
      assert.deepEqual(await db.get('SELECT 1 AS one'), { one: 1 });
    } finally {
      process.off('uncaughtException', onUncaught);
      await db.close();
      await admin.close();
    }
  },
);
