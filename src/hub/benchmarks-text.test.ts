import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePeriod } from '../calendar/period.js';
import { testStores } from '../store/test-stores.js';
import { benchmarkLines } from './benchmarks-text.js';
import { computeAndStoreLa } from './compute-la.js';
import type { HubIndicatorBenchmark } from './hub-benchmarks.js';
import { importSmallLa } from './hub-fixtures.js';

// `cspi hub benchmarks` is the hub operator's view and shows every group (README, Hub, Benchmarks): the
// groups of `--groups` (and the regions) are printed under each indicator, not only in `--json`.

const empty = { n: 0, mean: null, q1: null, median: null, q3: null };

test('benchmarkLines: all LAs with England and the LA’s position, then each group holding an LA', () => {
  const b: HubIndicatorBenchmark = {
    indicatorId: 'icpc-15wd',
    all: { n: 4, mean: 25, q1: 17.5, median: 25, q3: 32.5 },
    groups: {
      'region:London': empty,
      'region:North East': { n: 3, mean: 20, q1: 15, median: 20, q3: 25 },
      'statistical-neighbours:841': { n: 2, mean: 35, q1: 32.5, median: 35, q3: 37.5 },
    },
    positions: [{ la: '841', value: 40, rank: 1, of: 4, quartile: 1 }],
    england: {
      value: 79.2,
      text: '79.2%',
      year: '2021-22',
      publisher: 'DfE Children in need statistics',
      likeForLike: true,
    },
  };
  assert.deepEqual(benchmarkLines(b, '841'), [
    `${'icpc-15wd'.padEnd(40)} n=  4 mean      25 quartiles 17.5 / 25 / 32.5   England 79.2 (DfE Children in need statistics 2021-22)   841: 40, rank 1 of 4, quartile 1`,
    `  ${'region:North East'.padEnd(38)} n=  3 mean      20 quartiles 15 / 20 / 25`,
    `  ${'statistical-neighbours:841'.padEnd(38)} n=  2 mean      35 quartiles 32.5 / 35 / 37.5`,
  ]);
  assert.equal(benchmarkLines({ ...b, england: null }, undefined)[0]!.endsWith('England –'), true);
  // A counted indicator whose England figure is a percentage says so (children missing from care: 11%).
  const missing = {
    ...b,
    england: { ...b.england!, value: 11, unit: 'percent' as const, likeForLike: false },
  };
  assert.match(benchmarkLines(missing)[0]!, /England 11% † \(DfE/);
});

test('benchmarkLines: a count is not ranked, as on the hub indicator page and the scorecard', () => {
  const b: HubIndicatorBenchmark = {
    indicatorId: 'cic-count',
    all: { n: 3, mean: 4.3, q1: 3.5, median: 4, q3: 5 },
    groups: {},
    positions: [{ la: '841', value: 3, rank: null, of: 3, quartile: null }],
    england: null,
  };
  assert.match(benchmarkLines(b, '841')[0]!, / {3}841: 3, not ranked \(no polarity\)$/);
  assert.doesNotMatch(benchmarkLines(b, '841')[0]!, /rank \d/);
});

const CLI = fileURLToPath(new URL('../../bin/cspi.js', import.meta.url));
const PERIOD = parsePeriod('2021-22-Q3');
const pg = testStores().find((s) => s.name === 'postgres')!;

test('cspi hub benchmarks --groups prints each group’s mean and quartiles', { skip: pg.skip }, async () => {
  const { db, url, cleanup } = await pg.open();
  const dir = mkdtempSync(join(tmpdir(), 'cspi-bench-groups-'));
  try {
    for (const [la, n] of [
      ['841', 3],
      ['805', 4],
      ['806', 6],
    ] as const) {
      await importSmallLa(db, la, n);
      await computeAndStoreLa(db, la, PERIOD);
    }
    const groups = join(dir, 'sn.json');
    writeFileSync(groups, JSON.stringify({ 'statistical-neighbours:841': ['805', '806'] }));
    const run = spawnSync(
      process.execPath,
      [CLI, 'hub', 'benchmarks', '--period', PERIOD.id, '--la', '841', '--groups', groups, '--db', url],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('cic-count '));
    // A count has no polarity: not ranked (it printed "rank 3 of 3", the worst, for the fewest children).
    assert.match(lines[at]!, /n= {2}3 mean .* 841: 3, not ranked \(no polarity\)$/);
    // 805 (4) and 806 (6): mean 5; and the three North East LAs together.
    assert.match(lines[at + 1]!, /^ {2}region:North East +n= {2}3 mean/);
    assert.match(
      lines[at + 2]!,
      /^ {2}statistical-neighbours:841 +n= {2}2 mean {7}5 quartiles 4.5 \/ 5 \/ 5.5$/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  }
});
