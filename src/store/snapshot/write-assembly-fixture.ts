/**
 * Writes `fixture/synth-841.submissions.json.gz`, the submissions `assembly-fingerprint.test.ts` assembles:
 * `cspi synth --las 1 --years 3 --scale 0.1 --seed 7` with every fault kind, imported into a fresh SQLite
 * store and read back (the stored form of every record, as loading a version reads them). Stored as a
 * fixture, so later changes to synth or the readers do not move the fingerprint; rerun only to widen it.
 * Run: `node --import tsx src/store/snapshot/write-assembly-fixture.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../../ingest/read-inputs.js';
import { day } from '../../synth/day-calendar.js';
import { FAULT_KINDS } from '../../synth/faults.js';
import { runSynth } from '../../synth/run-synth.js';
import { importDataset } from '../import-dataset.js';
import { openDatabase } from '../open.js';
import { versionRecords } from '../load-dataset.js';

const dir = mkdtempSync(join(tmpdir(), 'cspi-assembly-fixture-'));
try {
  await runSynth({
    out: dir,
    las: 1,
    years: 3,
    extract: day('2022-03-31'),
    seed: '7',
    faults: FAULT_KINDS,
    scale: 0.1,
    threads: 1,
  });
  const db = await openDatabase(join(dir, 'fixture.db'), { env: {} });
  const read = await readInputs([join(dir, '841')], { la: '841', today: '2022-04-01' as never });
  const r = await importDataset(db, read, { la: '841' });
  if (r.kind !== 'imported') throw new Error(`fixture import: ${r.kind}`);
  const submissions = await versionRecords(db, r.datasetId);
  await db.close();
  const out = new URL('fixture/synth-841.submissions.json.gz', import.meta.url);
  writeFileSync(out, gzipSync(JSON.stringify(submissions), { level: 9 }));
  console.log(`wrote ${out.pathname}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
