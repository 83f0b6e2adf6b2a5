import { percentPoints, wilson } from '../../indicators/engine/wilson.js';

/**
 * The engine's 95% Wilson interval for x of n (report.md §4), in percentage points rounded to one decimal
 * place as the page shows it (a breakdown row's interval, a trend point's bar); null when n is 0.
 * @example wilsonPercent(160, 200) //=> [73.9, 85]
 */
export function wilsonPercent(x: number, n: number): [number, number] | null {
  const ci = wilson(x, n);
  return ci === null ? null : percentPoints(ci);
}
