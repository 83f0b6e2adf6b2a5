import type { GroupSummary, LaPosition } from './benchmarks.js';
import type { HubIndicatorBenchmark } from './hub-benchmarks.js';

const fmt = (v: number | null): string => (v === null ? '–' : String(v));

/** `n=  3 mean    22.9 quartiles 20.7 / 23.3 / 25.4`: one group's size, mean and quartile cut points. */
function summaryText(s: GroupSummary): string {
  return `n=${String(s.n).padStart(3)} mean ${fmt(s.mean).padStart(7)} quartiles ${fmt(s.q1)} / ${fmt(s.median)} / ${fmt(s.q3)}`;
}

/**
 * An LA's rank and quartile, or "not ranked (no polarity)" for an indicator without one (a count of children
 * in care is neither better nor worse for being higher), as the dashboard's indicator page and the report's
 * scorecard say.
 * @example positionWords({ la: '841', value: 3, rank: null, of: 3, quartile: null }) //=> 'not ranked (no polarity)'
 */
function positionWords(pos: LaPosition): string {
  if (pos.rank === null) return 'not ranked (no polarity)';
  return `rank ${pos.rank} of ${pos.of}, quartile ${pos.quartile ?? '–'}`;
}

/**
 * The lines `cspi hub benchmarks` prints for one indicator (the hub operator's view): all LAs loaded beside
 * the published England figure and, with `la`, that LA's position (none for a count: not ranked); then one indented line per group (region,
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
    (pos ? `   ${la}: ${pos.value}, ${positionWords(pos)}` : '');
  const groups = Object.entries(b.groups)
    .filter(([, s]) => s.n > 0)
    .map(([name, s]) => `  ${name.padEnd(38)} ${summaryText(s)}`);
  return [head, ...groups];
}
