import type { Lru } from './lru.js';
import { CURRENT_FRESH_MS } from './current-versions.js';

interface Held {
  readonly at: number;
  readonly value: Promise<unknown>;
}

/**
 * A store read shared by the requests of the next `CURRENT_FRESH_MS` (kept in the view cache): what every
 * page reads (the LA's targets, the stamp of other LAs' figures) costs one query a second instead of one a
 * request, which on a PostgreSQL hub under load is the difference between p95 under 100 ms and not.
 * A change made by this process calls {@link forgetFresh}, so its own writes show at once; another
 * process's show within the freshness time.
 * @example const targets = await freshRead(views, `targets|${la}|${fy}`, () => storedTargets(db, la, fy))
 */
export function freshRead<T>(
  views: Lru<unknown>,
  key: string,
  load: () => Promise<T>,
  now: number = performance.now(),
): Promise<T> {
  const k = `fresh|${key}`;
  const held = views.get(k) as Held | null | undefined;
  if (held && now - held.at < CURRENT_FRESH_MS) return held.value as Promise<T>;
  const value = load();
  const entry: Held = { at: now, value };
  views.set(k, entry);
  value.catch(() => {
    if (views.get(k) === entry) views.set(k, null);
  });
  return value;
}

/** Forgets a {@link freshRead} value, so the next read goes to the store. */
export function forgetFresh(views: Lru<unknown>, key: string): void {
  views.set(`fresh|${key}`, null);
}
