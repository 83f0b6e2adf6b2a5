import type { IndicatorReport } from '../indicators/types.js';

/**
 * Computed scorecards kept per (LA, period, dataset version): a new import changes the version, so a
 * cached figure is never stale; old versions fall out least-recently-used.
 */
export interface ScorecardCache {
  get(la: string, period: string, datasetId: string): IndicatorReport | undefined;
  set(la: string, period: string, datasetId: string, report: IndicatorReport): void;
  readonly size: number;
}

/**
 * An LRU cache of at most `max` scorecards.
 * @example const cache = createScorecardCache(64)
 */
export function createScorecardCache(max = 64): ScorecardCache {
  const map = new Map<string, IndicatorReport>();
  const key = (la: string, period: string, ds: string) => `${la}\u0000${period}\u0000${ds}`;
  return {
    get(la, period, ds) {
      const k = key(la, period, ds);
      const v = map.get(k);
      if (v) {
        map.delete(k);
        map.set(k, v);
      }
      return v;
    },
    set(la, period, ds, report) {
      const k = key(la, period, ds);
      map.delete(k);
      map.set(k, report);
      while (map.size > max) map.delete(map.keys().next().value as string);
    },
    get size() {
      return map.size;
    },
  };
}

/** A small least-recently-used map, for rendered fragments and API bodies keyed by figures version. */
export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * An LRU of at most `max` entries.
 * @example const views = createLru<string>(256); views.set('k', '<table>…'); views.get('k')
 */
export function createLru<V>(max: number): Lru<V> {
  const map = new Map<string, V>();
  return {
    get(key) {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > max) map.delete(map.keys().next().value as string);
    },
  };
}
