import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildIndicatorInput } from '../input.js';
import { INDICATORS } from '../registry.js';
import { datasetFingerprint, figuresSnapshot, type FiguresSnapshot } from './figures-snapshot.js';
import { SNAPSHOT_DATASETS, snapshotFile } from './snapshot-datasets.js';
import { checkVariant } from '../variant-catalogue.js';

// Every figure (headline, previous, last year, 8-quarter trend), every other part of each result and every
// headline member list, for 4 cases on each of 3 datasets, as computed before the engine's speed-ups
// (write-figures-snapshot.ts on main at 8561f83). Any behavioural drift fails here.
for (const d of SNAPSHOT_DATASETS) {
  test(`${d.name}: every figure equals the stored snapshot`, () => {
    const stored = JSON.parse(readFileSync(snapshotFile(d.name), 'utf8')) as FiguresSnapshot;
    const data = d.data();
    assert.equal(
      datasetFingerprint(data),
      stored.dataset,
      `the ${d.name} dataset itself changed: rewrite the snapshot from the code before your change`,
    );
    const now = figuresSnapshot(buildIndicatorInput(data), d.cases, INDICATORS);
    for (const [name, byId] of Object.entries(stored.cases)) {
      for (const [id, want] of Object.entries(byId)) {
        assert.deepEqual(now.cases[name]?.[id], want, `${d.name} ${name} ${id}`);
      }
    }
    assert.deepEqual(Object.keys(now.cases), Object.keys(stored.cases));
  });
}

// A pinned case under a value no setting can take ('exclusive' was once here) pins the default instead.
test('every pinned case is under settings an LA could give', () => {
  for (const c of SNAPSHOT_DATASETS.flatMap((d) => d.cases)) {
    for (const [name, value] of Object.entries(c.settings.variants)) {
      assert.deepEqual(checkVariant(name, value), { ok: true, value }, `${c.name}: ${name}`);
    }
  }
});
