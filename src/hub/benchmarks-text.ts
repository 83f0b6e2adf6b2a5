import type { GroupSummary } from './benchmarks.js';
import type { HubIndicatorBenchmark } from './hub-benchmarks.js';

const fmt = (v: number | null): string => (v === null ? '–' : String(v));

/** `n=  3 mean    22.9 quartiles 20.7 / 23.3 / 25.4`: one group's size, mean and quartile cut points. */
function summaryText(s: GroupSummary): string {
  return `n=${String(s.n).padStart(3)} mean ${fmt(s.mean).padStart(7)} quartiles ${fmt(s.q1)} / ${fmt(s.median)} / ${fmt(s.q3)}`;
}

/**
 * The lines `cspi hub benchmarks` prints for one indicator (the hub operator's view): all LAs loaded beside
 * the published England figure and, with `la`, that LA's position; then one indented line per group (region,
 * statistical neighbours from `--groups`) that holds at least one LA with a figure, so every group is shown
 * (a region with no LA loaded is left out rather than printed empty).
 */
export function benchmarkLines(b: HubIndicatorBenchmark, la?: string): string[] {
  const pos = la ? b.positions.find((p) => p.la === la) : undefined;
  const england = b.england
    ? // A percentage for a counted indicator says so (children missing from care: England 11%).
      `${b.england.value}${b.england.unit === 'percent' ? '%' : ''}${b.england.likeForLike ? '' : ' †'} (${b.england.publisher} ${b.england.year})`
    : '–';
  const head =
    `${b.indicatorId.padEnd(40)} ${summaryText(b.all)}   England ${england}` +
    (pos ? `   ${la}: ${pos.value}, rank ${pos.rank} of ${pos.of}, quartile ${pos.quartile ?? '–'}` : '');
  const groups = Object.entries(b.groups)
    .filter(([, s]) => s.n > 0)
    .map(([name, s]) => `  ${name.padEnd(38)} ${summaryText(s)}`);
  return [head, ...groups];
}
