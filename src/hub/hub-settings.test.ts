import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testStores } from '../store/test-stores.js';
import { readAudit } from '../web/audit/audit-log.js';
import { hubSettings, setMinOtherLas } from './hub-settings.js';

const CLI = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));

for (const store of testStores()) {
  test(
    `the hub's sharing rule: 3 by default, set and audited, whole numbers 1–200 only (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        assert.deepEqual(await hubSettings(db), { minOtherLas: 3 });
        await setMinOtherLas(db, 5, 'hub-admin', new Date('2022-02-01T10:00:00Z'));
        assert.deepEqual(await hubSettings(db), { minOtherLas: 5 });
        await setMinOtherLas(db, 1, 'hub-admin', new Date('2022-02-02T10:00:00Z'));
        assert.deepEqual(await hubSettings(db), { minOtherLas: 1 });
        const entries = (await readAudit(db, { action: 'hub-setting-change' })).entries;
        assert.deepEqual(
          entries.map((e) => [e.actor, e.detail['old'], e.detail['new']]),
          [
            ['hub-admin', 5, 1],
            ['hub-admin', 3, 5],
          ],
        );
        for (const bad of [0, 2.5, 201, Number.NaN])
          await assert.rejects(setMinOtherLas(db, bad, 'hub-admin', new Date()), RangeError, String(bad));
        assert.deepEqual(await hubSettings(db), { minOtherLas: 1 }, 'a refused value changes nothing');
      } finally {
        await cleanup();
      }
    },
  );
}

const pg = testStores().find((s) => s.name === 'postgres')!;

test(
  'cspi hub settings shows and sets the sharing rule; a bad value is a clear error',
  { skip: pg.skip },
  async () => {
    const { db, url, cleanup } = await pg.open();
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [CLI, 'hub', 'settings', '--db', url!, ...args], { encoding: 'utf8' });
      const shown = run();
      assert.equal(shown.status, 0, shown.stderr);
      assert.match(shown.stdout, /only when made of at least 3 other LAs\./);
      const set = run('--min-other-las', '5', '--by', 'hub-admin', '--json');
      assert.equal(set.status, 0, set.stderr);
      assert.deepEqual(JSON.parse(set.stdout), { minOtherLas: 5 });
      assert.deepEqual(await hubSettings(db), { minOtherLas: 5 });
      const loose = run('--min-other-las', '2');
      assert.match(
        loose.stdout,
        /at least 2 other LAs \(warning: from a mean of two other LAs and its own figure, each's figure can be worked out\)/,
      );
      const bad = run('--min-other-las', 'three');
      assert.equal(bad.status, 2, bad.stderr);
      assert.match(
        bad.stderr,
        /--min-other-las three: the fewest other LAs must be a whole number from 1 to 200/,
      );
      assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
      assert.deepEqual(await hubSettings(db), { minOtherLas: 2 });
    } finally {
      await cleanup();
    }
  },
);
