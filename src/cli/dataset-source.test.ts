import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { testStores } from '../store/test-stores.js';
import { storeDatasetSource } from './dataset-source.js';
import { UserError } from './user-error.js';

for (const store of testStores()) {
  test(
    `an LA the database does not hold is refused naming the LAs it does hold (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      try {
        const source = await storeDatasetSource(url, undefined);
        try {
          await assert.rejects(
            source.load('999'),
            (e: unknown) => e instanceof UserError && /holds none yet \(cspi import\)$/.test(e.message),
          );
          await importSmallLa(db, '841', 3);
          await importSmallLa(db, '805', 3);
          await assert.rejects(
            source.load('999'),
            (e: unknown) =>
              e instanceof UserError && / has no dataset in .* \(it holds LA 805, 841\)$/.test(e.message),
          );
          assert.equal((await source.load('841')).data.la, '841');
        } finally {
          await source.close();
        }
      } finally {
        await cleanup();
      }
    },
  );
}
