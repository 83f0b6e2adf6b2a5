/** CPU-time measurement for bench figures: the machine is shared, so wall time alone is noise. */
import { peakRssMb, print } from './measure.js';

/** Wall and CPU (user + system, whole process) seconds of one run. */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Runs fn and returns its result with wall and CPU seconds (`process.cpuUsage()`).
 * @example const [r, t] = await timedCpu(() => readInputs([dir])); t.cpu //=> 0.41
 */
export async function timedCpu<T>(fn: () => T | Promise<T>): Promise<[T, Timing]> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [r, { wall, cpu: (c.user + c.system) / 1e6 }];
}

/**
 * Prints a run's figures: seconds (wall and CPU), MB/s and rows/s per CPU-second (and per wall second), and
 * peak RSS so far. Goals apply to the CPU-based figure.
 */
export function printTimings(
  name: string,
  t: Timing,
  o: { mb?: number; rows?: number; mbGoal?: string; secsGoal?: string } = {},
): void {
  print({ name: `${name}: wall time`, value: t.wall, unit: 's' });
  print({ name: `${name}: CPU time`, value: t.cpu, unit: 's', ...(o.secsGoal ? { goal: o.secsGoal } : {}) });
  if (o.mb !== undefined) {
    print({
      name: `${name}: MB/s per CPU-second`,
      value: o.mb / t.cpu,
      unit: 'MB/s',
      ...(o.mbGoal ? { goal: o.mbGoal } : {}),
    });
    print({ name: `${name}: MB/s wall`, value: o.mb / t.wall, unit: 'MB/s' });
  }
  if (o.rows !== undefined) {
    print({ name: `${name}: rows/s per CPU-second`, value: o.rows / t.cpu, unit: 'rows/s' });
    print({ name: `${name}: rows/s wall`, value: o.rows / t.wall, unit: 'rows/s' });
  }
  print({ name: 'peak RSS so far', value: peakRssMb(), unit: 'MB' });
}
