/**
 * Worker thread of `cspi synth` for several LAs: receives one LA at a time, writes its files and
 * replies with the file list and faults (see run-synth.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadLaTable } from './la-table.js';
import { type LaWriteOptions, writeLa } from './write-la.js';

/** A job for the worker: the LA's index in data/las.csv and the shared options. */
export interface WorkerJob {
  readonly index: number;
  readonly opts: LaWriteOptions;
}

const port = parentPort;
if (port) {
  const table = loadLaTable();
  port.on('message', (job: WorkerJob) => {
    const result = writeLa(table[job.index]!, table, job.opts);
    port.postMessage({ index: job.index, result });
  });
}
