import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, peakRssMb, print, timed } from './measure.js';
import { runSynth } from '../src/synth/run-synth.js';
import { day } from '../src/synth/day-calendar.js';

/**
 * `cspi synth` throughput: one LA (Darlington, 5 years) always; the national run (all 153 LAs, 5 years)
 * only with CSPI_BENCH_NATIONAL=1 (it writes several GB to the temporary folder and takes minutes).
 * Peak RSS is this process's (worker threads share it).
 */
export async function benchSynth(): Promise<void> {
  const cases: [string, number, string?][] = [['--las 1 --years 5 (Darlington)', 1]];
  if (process.env['CSPI_BENCH_NATIONAL'] === '1')
    cases.push(['--las 153 --years 5 (national)', 153, '< 300 s, < 4 GB']);
  for (const [label, las, goal] of cases) {
    heading(`synth: ${label}`);
    const out = mkdtempSync(join(tmpdir(), 'cspi-bench-synth-'));
    try {
      const [summary, secs] = await timed(() =>
        runSynth({ out, las, years: 5, extract: day('2022-03-31'), seed: 'bench', faults: [], scale: 1 }),
      );
      print({ name: 'elapsed', value: secs, unit: 's', ...(goal ? { goal: goal.split(',')[0]! } : {}) });
      print({ name: 'rows written', value: summary.rows, unit: 'rows' });
      print({ name: 'throughput', value: summary.rows / secs, unit: 'rows/s' });
      print({ name: 'written', value: summary.bytes / 1e6, unit: 'MB' });
      print({
        name: 'peak RSS so far',
        value: peakRssMb(),
        unit: 'MB',
        ...(goal ? { goal: '< 4096 MB' } : {}),
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
}
