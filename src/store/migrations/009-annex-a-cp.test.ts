import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testStores } from '../test-stores.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from '../migrations.js';
import { laIsolationSql } from '../../hub/la-isolation.js';

for (const store of testStores().filter((s) => s.name === 'postgres')) {
  test(
    '009 on PostgreSQL: a hub set up before it gets the List 7 table bytewise, without a foreign key, isolated',
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open({ migrate: false });
      try {
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.id !== '009-annex-a-cp'),
        );
        // Isolation as a hub set up before 009 has it: every record table but the new one.
        await db.exec(
          laIsolationSql()
            .split('\n')
            .filter((line) => !line.includes('rec_annex_a_cp'))
            .join('\n'),
        );
        const policy = (table: string): Promise<unknown[]> =>
          db.all(
            `SELECT cmd, roles::text AS roles, qual FROM pg_policies
             WHERE tablename = '${table}' AND policyname = 'la_only'`,
          );
        assert.deepEqual((await migrate(db, MIGRATIONS)).applied, ['009-annex-a-cp']);
        assert.equal((await policy('rec_annex_a_cp')).length, 1);
        assert.deepEqual(await policy('rec_annex_a_cp'), await policy('rec_annex_a_cic'));
        const keys = await db.all<{ collation_name: string | null }>(
          `SELECT collation_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = 'rec_annex_a_cp' AND column_name = 'submission_id'`,
        );
        assert.deepEqual(
          keys.map((k) => k.collation_name),
          ['C'],
        );
        const fks = await db.all(
          `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = 'rec_annex_a_cp'::regclass`,
        );
        assert.deepEqual(fks, []);
      } finally {
        await cleanup();
      }
    },
  );
}
