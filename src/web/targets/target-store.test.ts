import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedTargets } from '../../store/targets.js';
import { testStores } from '../../store/test-stores.js';
import { setTarget, targetsFor } from './target-store.js';

for (const store of testStores()) {
  test(
    `the improvement-aware scheme is stored and read back for the engine (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const t = {
          la: '841',
          indicatorId: 'assessments-45wd',
          financialYear: '2021-22',
          target: 90,
          tolerance: 5,
          toleranceUnit: 'points',
          kind: 'local',
          scheme: 'improvement-aware',
          bounds: null,
          inLineBand: null,
          rationale: 'As Havering rates',
          setBy: 'admin',
          setAt: '2022-01-10T10:00:00.000Z',
        } as const;
        await setTarget(db, t, null);
        assert.equal((await targetsFor(db, '841', '2021-22'))[0]?.scheme, 'improvement-aware');
        const engine = await storedTargets(db, '841', '2021-22');
        assert.equal(
          engine?.overrides.find((o) => o.indicator === 'assessments-45wd')?.scheme,
          'improvement-aware',
        );
        await assert.rejects(
          db.run("UPDATE targets SET scheme = 'thresholds-of-my-own' WHERE la = '841'"),
          'an unknown scheme is refused by the table',
        );
      } finally {
        await cleanup();
      }
    },
  );

  test(
    `the thresholds scheme's bounds and an in-line band are stored, audited and read back for the engine (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const t = {
          la: '841',
          indicatorId: 'icpc-15wd',
          financialYear: '2021-22',
          target: 95,
          tolerance: null,
          toleranceUnit: 'points',
          kind: 'local',
          scheme: 'thresholds',
          bounds: { amber: 90, red: 80 },
          inLineBand: 1,
          rationale: 'Green from 90 as the committee agreed',
          setBy: 'admin',
          setAt: '2022-01-10T10:00:00.000Z',
        } as const;
        await setTarget(db, t, null);
        const [stored] = await targetsFor(db, '841', '2021-22');
        assert.deepEqual(
          [stored?.scheme, stored?.bounds, stored?.inLineBand],
          ['thresholds', { amber: 90, red: 80 }, 1],
        );
        const engine = (await storedTargets(db, '841', '2021-22'))?.overrides[0];
        assert.deepEqual(
          [engine?.scheme, engine?.bounds, engine?.inLineBand],
          ['thresholds', { amber: 90, red: 80 }, 1],
        );
        const audit = await db.get<{ detail: string }>(
          "SELECT detail FROM audit_log WHERE action = 'target-change'",
        );
        assert.match(audit?.detail ?? '', /"amber":90,"red":80,"oldInLineBand":null,"inLineBand":1/);
        // The table keeps the bounds and the scheme together.
        await assert.rejects(
          db.run("UPDATE targets SET amber = NULL WHERE la = '841'"),
          'thresholds without bounds',
        );
        await assert.rejects(
          db.run("UPDATE targets SET scheme = 'target-tolerance' WHERE la = '841'"),
          'bounds without the thresholds scheme',
        );
      } finally {
        await cleanup();
      }
    },
  );
}
