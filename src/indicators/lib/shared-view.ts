import type { IndicatorInput } from '../types.js';

const views = new WeakMap<IndicatorInput, Map<string, unknown>>();

/**
 * A view of an input's data built once and shared by every indicator, period and basis computed from
 * the same `IndicatorInput` (records grouped by child, due chains, cohorts): memoised on the input
 * object under `key`, which must name everything the view depends on besides the input (settings).
 * @example sharedView(input, 'cpVisitsByChild|seen', () => groupByChild(input.data.cpVisits))
 */
export function sharedView<T>(input: IndicatorInput, key: string, build: () => T): T {
  let byKey = views.get(input);
  if (!byKey) {
    byKey = new Map();
    views.set(input, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const v = build();
  byKey.set(key, v);
  return v;
}
