/**
 * `npm run bench`: prints throughput and latency figures on stated dataset sizes, to compare run to run.
 * `npm run bench -- calendar synth` runs only the named sections.
 */
import { peakRssMb, print } from './measure.js';
import { benchCalendar } from './calendar.js';
import { benchSynth } from './synth.js';
import { benchIngest } from './ingest.js';
import { benchStore } from './store.js';
import { benchChains } from './chains.js';
import { benchIndicators } from './indicators.js';
import { benchReport } from './report.js';
import { benchWeb } from './web.js';
import { benchHub } from './hub.js';

const sections: Record<string, () => Promise<void>> = {
  calendar: benchCalendar,
  synth: benchSynth,
  ingest: benchIngest,
  store: benchStore,
  chains: benchChains,
  indicators: benchIndicators,
  report: benchReport,
  web: benchWeb,
  hub: benchHub,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await run();
}
print({ name: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' });
