/**
 * `npm run bench`: prints throughput and latency figures on stated dataset sizes, to compare run to run.
 * `npm run bench -- calendar synth` runs only the named sections. It runs node with the flag bin/cspi.js runs
 * with (`--max-semi-space-size=64`), so each figure is of the process users run. (For the readers' steady state
 * it made no difference on 29 Nov: CIN 32–35 MB/s per CPU-second with node's default 16 MB or with 64.)
 */
import { peakRssMb, print } from './measure.js';

/**
 * The sections, in the order they run, each loading its modules only when it runs: a section must be
 * measured with the modules its command loads, and no more. The dashboard's template engine (nunjucks)
 * builds an object on `String.prototype` when it loads, and V8 then keeps `String.prototype` as a slow
 * dictionary: every string method call (`slice`, `charCodeAt`, …) in the process gets about three times
 * slower, and saxes reads at half speed. `cspi import` never loads it (the CLI loads only the command that
 * runs), so the ingest figures were half what users get while bench/web.ts was imported up front.
 */
const sections: Record<string, () => Promise<void>> = {
  calendar: async () => (await import('./calendar.js')).benchCalendar(),
  synth: async () => (await import('./synth.js')).benchSynth(),
  ingest: async () => (await import('./ingest.js')).benchIngest(),
  store: async () => (await import('./store.js')).benchStore(),
  chains: async () => (await import('./chains.js')).benchChains(),
  indicators: async () => (await import('./indicators.js')).benchIndicators(),
  report: async () => (await import('./report.js')).benchReport(),
  web: async () => (await import('./web.js')).benchWeb(),
  hub: async () => (await import('./hub.js')).benchHub(),
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await run();
}
print({ name: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' });
