/**
 * `npm run bench`: prints throughput and latency figures on stated dataset sizes, to compare run to run.
 * `npm run bench -- calendar synth` runs only the named sections.
 */
import { peakRssMb, print } from './measure.js';
import { benchCalendar } from './calendar.js';
import { benchStore } from './store.js';
import { benchChains } from './chains.js';
import { benchIndicators } from './indicators.js';
import { benchReport } from './report.js';

const sections: Record<string, () => Promise<void>> = {
  report: benchReport,
  calendar: benchCalendar,
  store: benchStore,
  chains: benchChains,
  indicators: benchIndicators,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await run();
}
print({ name: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' });
