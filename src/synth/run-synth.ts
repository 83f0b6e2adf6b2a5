import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLaTable, selectLas } from './la-table.js';
import { collectionYears } from './collection-years.js';
import { type Day, iso } from './day-calendar.js';
import { type FaultKind, type FaultRecord } from './faults.js';
import { type LaResult, type LaWriteOptions, type WrittenFile, writeLa } from './write-la.js';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

/** Options of `cspi synth`. */
export interface SynthOptions {
  readonly out: string;
  /** Number of LAs, in the fixed order of data/las.csv (1 = Darlington). */
  readonly las: number;
  readonly years: number;
  readonly extract: Day;
  readonly seed: string;
  readonly faults: readonly FaultKind[];
  /** Population multiplier (1 = real scale; smaller for fast tests). */
  readonly scale: number;
  /** Worker threads (default: up to 2; 1 = all in this thread). */
  readonly threads?: number;
  /** Called after each LA is written. */
  readonly onLa?: (done: number, total: number, la: string) => void;
}

/** Totals of a run (what the CLI prints). */
export interface SynthSummary {
  readonly las: string[];
  readonly years: string[];
  readonly files: number;
  readonly rows: number;
  readonly bytes: number;
  readonly faults: number;
}

/**
 * Generates the synthetic LAs one at a time per thread (each simulated, written and released before the
 * next; up to two worker threads when there are several LAs), then writes `manifest.json` and, with
 * faults, `faults.json`. Same options → byte-identical output, whatever the thread timing.
 */
export async function runSynth(opts: SynthOptions): Promise<SynthSummary> {
  const table = loadLaTable();
  const las = selectLas(opts.las, table);
  const years = collectionYears(opts.extract, opts.years);
  mkdirSync(opts.out, { recursive: true });
  const laOpts: LaWriteOptions = {
    out: opts.out,
    seed: opts.seed,
    extract: opts.extract,
    years,
    scale: opts.scale,
    faults: opts.faults,
  };
  const results: LaResult[] = new Array<LaResult>(las.length);
  const threads = Math.min(opts.threads ?? Math.min(2, availableParallelism()), las.length);
  let done = 0;
  if (threads <= 1) {
    las.forEach((la, i) => {
      results[i] = writeLa(la, table, laOpts);
      opts.onLa?.(++done, las.length, la.code);
    });
  } else {
    // Largest LAs first, so no thread is left with a big one at the end (output does not depend on order).
    const order = las.map((la, i) => ({ i, size: la.children })).sort((a, b) => b.size - a.size || a.i - b.i);
    await runInWorkers(
      threads,
      order.map((o) => o.i),
      laOpts,
      (i, r) => {
        results[i] = r;
        opts.onLa?.(++done, las.length, las[i]!.code);
      },
    );
  }
  const files: WrittenFile[] = results.flatMap((r) => r.files);
  const faults: FaultRecord[] = results.flatMap((r) => r.faults);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = {
    generator: 'cspi synth',
    seed: opts.seed,
    extract: iso(opts.extract),
    scale: opts.scale,
    years: years.map((y) => y.label),
    las: las.map((la, i) => ({
      code: la.code,
      ons: la.ons,
      name: la.name,
      region: la.region,
      children_0_17: Math.round(la.children * opts.scale),
      children_simulated: results[i]!.children,
    })),
    faults: opts.faults.length > 0 ? { kinds: opts.faults, count: faults.length, file: 'faults.json' } : null,
    files: files.map((f) => ({ path: f.path, rows: f.rows, bytes: f.bytes })),
  };
  writeFileSync(join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (opts.faults.length > 0)
    writeFileSync(join(opts.out, 'faults.json'), `${JSON.stringify(faults, null, 2)}\n`);
  return {
    las: las.map((l) => l.code),
    years: years.map((y) => y.label),
    files: files.length,
    rows: files.reduce((n, f) => n + f.rows, 0),
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    faults: faults.length,
  };
}

/** Runs the LAs at these indices on `threads` worker threads, taking them from a shared queue in order. */
function runInWorkers(
  threads: number,
  queue: readonly number[],
  opts: LaWriteOptions,
  onResult: (index: number, result: LaResult) => void,
): Promise<void> {
  // Under tsx (no build step) a worker must register the TypeScript loader before importing the module.
  const script = new URL(
    import.meta.url.endsWith('.ts') ? './synth-worker.ts' : './synth-worker.js',
    import.meta.url,
  );
  const boot = import.meta.url.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`
    : `import(${JSON.stringify(script.href)});`;
  const count = queue.length;
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const stopAll = (err: unknown): void => {
      for (const w of workers) void w.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(boot, {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: 1700, maxYoungGenerationSizeMb: 64 },
      });
      workers.push(w);
      const feed = (): void => {
        if (next < count) w.postMessage({ index: queue[next++], opts });
        else void w.terminate();
      };
      w.on('message', (m: { index: number; result: LaResult }) => {
        onResult(m.index, m.result);
        finished++;
        if (finished === count) {
          for (const x of workers) void x.terminate();
          resolve();
        } else feed();
      });
      w.on('error', stopAll);
      feed();
    }
  });
}
