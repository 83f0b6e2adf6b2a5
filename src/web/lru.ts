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
