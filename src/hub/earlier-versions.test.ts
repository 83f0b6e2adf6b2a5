import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parsePeriod } from '../calendar/period.js';
import { INDICATORS } from '../indicators/registry.js';
import { testStores } from '../store/test-stores.js';
import { computeAndStoreLa } from './compute-la.js';
import { hubBenchmarksForOperator } from './hub-benchmarks.js';
import { importSmallLa } from './hub-fixtures.js';
import {
  currentFigures,
  earlierVersionLas,
  earlierVersionsNote,
  earlierVersionsOf,
} from './indicator-results.js';

// Reading (docs/spec-readings.md "Hub figures from an earlier dataset version"): an LA imported since its
// figures for the period were computed keeps those figures in the benchmarks (the newest version with
// results), and every place the benchmarks are shown says how many LAs' figures are from an earlier version
// than their current one; the hub operator's `cspi hub benchmarks` names them.

const CLI = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
const PERIOD = parsePeriod('2021-22-Q3');

for (const store of testStores()) {
  test(
    `${store.name}: figures of an LA imported since they were computed are used and marked as from an earlier version`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        for (const la of ['841', '805', '806']) {
          await importSmallLa(db, la, 3);
          await computeAndStoreLa(db, la, PERIOD);
        }
        const before = await currentFigures(db, PERIOD.id);
        assert.ok(before.every((f) => f.fromEarlierVersion === false));
        assert.deepEqual(earlierVersionLas(before), { las: [], of: 3 });
        // 805 imports a new dataset version; nobody recomputes the period.
        await importSmallLa(db, '805', 4);
        const versions = await db.all<{ id: string }>(
          "SELECT id FROM dataset_versions WHERE la = '805' ORDER BY seq",
        );
        assert.equal(versions.length, 2);
        const figures = await currentFigures(db, PERIOD.id);
        const of805 = figures.filter((f) => f.la === '805');
        assert.equal(of805.length, INDICATORS.length, 'still used');
        assert.ok(of805.every((f) => f.datasetId === versions[0]!.id && f.fromEarlierVersion === true));
        assert.ok(figures.filter((f) => f.la !== '805').every((f) => f.fromEarlierVersion === false));
        assert.deepEqual(earlierVersionLas(figures), { las: ['805'], of: 3 });
        // For 841's users: two other LAs' figures are used, one of them from an earlier version; no LA named.
        const e = earlierVersionsOf(figures, PERIOD.id, '841');
        assert.deepEqual(e, { las: 1, of: 2, period: '2021-22-Q3' });
        assert.equal(
          earlierVersionsNote(e!),
          "1 of the 2 LAs' figures are from an earlier dataset version than their current one (recompute with cspi hub compute --period 2021-22-Q3)",
        );
        assert.equal(earlierVersionsOf(figures, PERIOD.id, '805'), null, '805’s own figure is its live one');
        const op = await hubBenchmarksForOperator(db, PERIOD.id, {});
        assert.deepEqual(op.earlierVersions, { las: ['805'], of: 3 });
        assert.equal(op.benchmarks.length, INDICATORS.length);
        // Recomputed: current again.
        await computeAndStoreLa(db, '805', PERIOD);
        const after = await currentFigures(db, PERIOD.id);
        assert.ok(after.filter((f) => f.la === '805').every((f) => f.datasetId === versions[1]!.id));
        assert.deepEqual(earlierVersionLas(after), { las: [], of: 3 });
      } finally {
        await cleanup();
      }
    },
  );
}

const pg = testStores().find((s) => s.name === 'postgres')!;

test(
  'cspi hub benchmarks names the LAs whose figures are from an earlier dataset version',
  { skip: pg.skip },
  async () => {
    const { db, url, cleanup } = await pg.open();
    try {
      for (const la of ['841', '805', '806']) {
        await importSmallLa(db, la, 3);
        await computeAndStoreLa(db, la, PERIOD);
      }
      const run = () =>
        spawnSync(process.execPath, [CLI, 'hub', 'benchmarks', '--period', PERIOD.id, '--db', url], {
          encoding: 'utf8',
        });
      const fresh = run();
      assert.equal(fresh.status, 0, fresh.stderr);
      assert.doesNotMatch(fresh.stdout, /earlier dataset version/);
      await importSmallLa(db, '806', 5);
      await importSmallLa(db, '841', 4);
      const stale = run();
      assert.equal(stale.status, 0, stale.stderr);
      assert.match(
        stale.stdout,
        /^2 of the 3 LAs' figures are from an earlier dataset version than their current one \(recompute with cspi hub compute --period 2021-22-Q3\): 806, 841$/m,
      );
      const json = spawnSync(
        process.execPath,
        [CLI, 'hub', 'benchmarks', '--period', PERIOD.id, '--db', url, '--json'],
        { encoding: 'utf8' },
      );
      assert.deepEqual(JSON.parse(json.stdout).earlierVersions, { las: ['806', '841'], of: 3 });
    } finally {
      await cleanup();
    }
  },
);
