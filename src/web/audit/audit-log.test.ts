import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testStores } from '../../store/test-stores.js';
import { appendAudit, readAudit } from './audit-log.js';

for (const store of testStores()) {
  test(`audit log is append-only on ${store.name}`, { skip: store.skip }, async () => {
    const { db, cleanup } = await store.open();
    try {
      await appendAudit(db, { actor: 'jo', ip: '127.0.0.1', action: 'sign-in', la: '841', detail: {} });
      await appendAudit(db, {
        actor: 'jo',
        ip: '127.0.0.1',
        action: 'child-level-view',
        la: '841',
        detail: { indicator: 'icpc-15wd', period: '2021-22-Q3', datasetVersion: 'v1', rows: 12 },
      });
      await assert.rejects(db.run("UPDATE audit_log SET actor = 'someone else'"), /append-only/);
      await assert.rejects(db.run('DELETE FROM audit_log'), /append-only/);
      const { entries, total } = await readAudit(db);
      assert.equal(total, 2);
      assert.equal(entries[0].action, 'child-level-view', 'newest first');
      assert.deepEqual(entries[0].detail, {
        indicator: 'icpc-15wd',
        period: '2021-22-Q3',
        datasetVersion: 'v1',
        rows: 12,
      });
      assert.equal((await readAudit(db, { action: 'sign-in' })).total, 1);
      assert.equal((await readAudit(db, { actor: 'nobody' })).total, 0);
    } finally {
      await cleanup();
    }
  });
}
