import { readFileSync } from 'node:fs';
import type { LaDataset } from '../../model/la-dataset.js';
import { generate } from '../../../bench/indicators.js';
import { synthetic } from '../../../bench/chains.js';
import { datasetFromFixture, snapshotCases, type SnapshotCase } from './figures-snapshot.js';

/** A dataset the figures snapshot pins, with its cases. */
export interface SnapshotDataset {
  readonly name: string;
  readonly data: () => LaDataset;
  readonly cases: readonly SnapshotCase[];
}

/**
 * The pinned datasets: `cspi synth --las 1 --years 3 --scale 0.2 --seed 5 --end 2022-12-31` imported and
 * loaded (stored as a fixture, so later changes to synth or the store do not move it), the indicators
 * bench's generated LA (1,500 children) and the chains bench's children in care (300).
 */
export const SNAPSHOT_DATASETS: readonly SnapshotDataset[] = [
  {
    name: 'synth-841',
    data: () =>
      datasetFromFixture(readFileSync(new URL('snapshot/synth-841.dataset.json.gz', import.meta.url))),
    cases: snapshotCases('2022-23-Q3', '2021-22-Q4', '2022-23-Q2'),
  },
  {
    name: 'bench-indicators-1500',
    data: () => generate(1500),
    cases: snapshotCases('2021-22-Q3', '2020-21-Q4', '2021-22-Q2'),
  },
  {
    name: 'bench-chains-300',
    data: () => synthetic(300),
    cases: snapshotCases('2022-23-Q3', '2021-22-Q4', '2022-23-Q2'),
  },
];

/** Where a dataset's stored figures are. */
export function snapshotFile(name: string): URL {
  return new URL(`snapshot/${name}.figures.json`, import.meta.url);
}
