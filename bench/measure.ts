/** Small helpers for `npm run bench`: timings, peak memory and a uniform printed line per figure. */

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Optional threshold the issue sets, e.g. "< 5 s". */
  readonly goal?: string;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);
sampler.unref();

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return peakRss / 1024 / 1024;
}

/** Runs fn and returns [result, seconds]. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [r, Number(process.hrtime.bigint() - t0) / 1e9];
}

/** Prints one figure as an aligned line: `  name ........ value unit   (goal)`. */
export function print(f: Figure): void {
  const v =
    f.value >= 100 || Number.isInteger(f.value)
      ? Math.round(f.value).toLocaleString('en-GB')
      : f.value.toFixed(f.value >= 10 ? 1 : 3);
  console.log(
    `  ${f.name.padEnd(58, ' ')} ${v.padStart(14)} ${f.unit}${f.goal ? `   (goal ${f.goal})` : ''}`,
  );
}

/** Prints a section heading. */
export function heading(title: string): void {
  console.log(`\n== ${title}`);
}
