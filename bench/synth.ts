import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, print, timed } from './measure.js';
import { runSynth } from '../src/synth/run-synth.js';
import { day } from '../src/synth/day-calendar.js';
import { loadLaTable } from '../src/synth/la-table.js';
import { laProfile } from '../src/synth/la-profile.js';

/**
 * `cspi synth` throughput: one LA (Darlington, 5 years) always; the first N LAs with
 * CSPI_BENCH_SYNTH_LAS=N (e.g. 20), with the national time extrapolated from it; the national run (all
 * 153 LAs, 5 years) with CSPI_BENCH_NATIONAL=1 (several GB to the temporary folder, minutes).
 *
 * The machine is shared, so wall time is noisy: CPU seconds (process.cpuUsage, which counts every thread,
 * the two worker threads included) are reported too. Peak memory is the process's maximum resident set
 * (getrusage), workers included.
 */
export async function benchSynth(): Promise<void> {
  const table = loadLaTable();
  const cases: { label: string; las: number; goal?: boolean }[] = [
    { label: '--las 1 --years 5 (Darlington)', las: 1 },
  ];
  const n = Number(process.env['CSPI_BENCH_SYNTH_LAS'] ?? '0');
  if (Number.isInteger(n) && n > 1 && n < table.length)
    cases.push({ label: `--las ${n} --years 5 (extrapolated to national)`, las: n });
  if (process.env['CSPI_BENCH_NATIONAL'] === '1')
    cases.push({ label: `--las ${table.length} --years 5 (national)`, las: table.length, goal: true });
  for (const c of cases) {
    heading(`synth: ${c.label}`);
    const out = mkdtempSync(join(tmpdir(), 'cspi-bench-synth-'));
    try {
      const cpu0 = process.cpuUsage();
      const [summary, secs] = await timed(() =>
        runSynth({
          out,
          las: c.las,
          years: 5,
          extract: day('2022-03-31'),
          seed: 'bench',
          faults: [],
          scale: 1,
        }),
      );
      const cpu = process.cpuUsage(cpu0);
      const cpuSecs = (cpu.user + cpu.system) / 1e6;
      print({ name: 'elapsed (wall)', value: secs, unit: 's', ...(c.goal ? { goal: '< 300 s' } : {}) });
      print({ name: 'CPU (all threads)', value: cpuSecs, unit: 's' });
      print({ name: 'rows written', value: summary.rows, unit: 'rows' });
      print({ name: 'throughput (CPU)', value: summary.rows / cpuSecs, unit: 'rows/CPU-s' });
      print({ name: 'written', value: summary.bytes / 1e6, unit: 'MB' });
      print({
        name: 'peak RSS so far (process, workers included)',
        value: process.resourceUsage().maxRSS / 1024,
        unit: 'MB',
        ...(c.goal ? { goal: '< 4096 MB' } : {}),
      });
      if (c.las > 1 && c.las < table.length) {
        // Work grows with the children simulated, i.e. with each LA's referral volume as drawn for this
        // seed (the first LAs, in the North East, refer more children per head than England).
        const volume = (las: typeof table): number =>
          las.reduce((s, la) => s + laProfile(la, 'bench', 1).referralsPerYear, 0);
        const share = volume(table.slice(0, c.las)) / volume(table);
        print({ name: 'national estimate: CPU', value: cpuSecs / share, unit: 's' });
        print({
          name: 'national estimate: wall on 2 idle cores',
          value: cpuSecs / share / 2,
          unit: 's',
          goal: '< 300 s',
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
}
