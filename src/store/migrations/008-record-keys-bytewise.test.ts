import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testStores } from '../test-stores.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from '../migrations.js';
import { RECORD_TABLES } from '../records/record-tables.js';
import { enableLaIsolation } from '../../hub/la-isolation.js';

for (const store of testStores().filter((s) => s.name === 'postgres')) {
  test(
    '008 on PostgreSQL: record keys compare bytewise, and a hub keeps its isolation policies',
    {
      skip: store.skip,
    },
    async () => {
      const { db, cleanup } = await store.open({ migrate: false });
      try {
        // A hub set up before this migration: its record tables already carry row-level security policies.
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.id !== '008-record-keys-bytewise'),
        );
        await enableLaIsolation(db);
        const policies = (): Promise<unknown[]> =>
          db.all(
            `SELECT tablename, policyname, cmd, roles::text AS roles, qual FROM pg_policies
           WHERE tablename LIKE 'rec\\_%' ORDER BY tablename`,
          );
        const before = await policies();
        assert.equal(before.length, RECORD_TABLES.length);

        assert.deepEqual((await migrate(db, MIGRATIONS)).applied, ['008-record-keys-bytewise']);

        assert.deepEqual(await policies(), before);
        const keys = await db.all<{ table_name: string; collation_name: string | null }>(
          `SELECT table_name, collation_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'submission_id' AND table_name LIKE 'rec\\_%'`,
        );
        assert.deepEqual(keys.map((k) => k.table_name).sort(), RECORD_TABLES.map((t) => t.table).sort());
        for (const k of keys) assert.equal(k.collation_name, 'C', k.table_name);
      } finally {
        await cleanup();
      }
    },
  );
}
