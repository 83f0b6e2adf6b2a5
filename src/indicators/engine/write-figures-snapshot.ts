/**
 * Writes the figures snapshot `figures-snapshot.test.ts` compares against. Run it on the code *before* a
 * change that must not move any figure (a speed-up): `node --import tsx src/indicators/engine/write-figures-snapshot.ts`.
 * With `--fixture STORE.db` it first rewrites the synth fixture dataset from LA 841 of that store.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildIndicatorInput } from '../input.js';
import { INDICATORS } from '../registry.js';
import { datasetToFixture, figuresSnapshot, snapshotText } from './figures-snapshot.js';
import { SNAPSHOT_DATASETS, snapshotFile } from './snapshot-datasets.js';

const at = process.argv.indexOf('--fixture');
if (at > 0) {
  const { openDatabase } = await import('../../store/open.js');
  const { loadDataset } = await import('../../store/load-dataset.js');
  const db = await openDatabase(process.argv[at + 1]!, { env: {} });
  const data = await loadDataset(db, '841');
  await db.close();
  if (!data) throw new Error('no LA 841 in that store');
  writeFileSync(
    new URL('snapshot/synth-841.dataset.json.gz', import.meta.url),
    gzipSync(datasetToFixture(data), { level: 9 }),
  );
}
for (const d of SNAPSHOT_DATASETS) {
  const snap = figuresSnapshot(buildIndicatorInput(d.data()), d.cases, INDICATORS);
  writeFileSync(snapshotFile(d.name), snapshotText(snap));
  console.log(`${d.name}: ${Object.keys(snap.cases).length} cases`);
}
