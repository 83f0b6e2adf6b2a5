/**
 * Failed sign-in limiter: a fixed number of failures per key in a sliding window, kept in memory
 * (one server process). Keys are `user:<name>` and `ip:<address>`, so guessing one account from many
 * addresses and many accounts from one address are both slowed.
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number;
  /** Records a failure. */
  fail(key: string, now: number): void;
  /** Forgets a key's failures (after a successful sign-in). */
  reset(key: string): void;
  /** Takes back the one failure recorded at `at` (an attempt counted in advance that succeeded). */
  forgive(key: string, at: number): void;
}

/**
 * A limiter allowing `max` failures per `windowMs` for each key.
 * @example const rl = createRateLimiter(5, 15 * 60_000); rl.fail('user:jo', Date.now())
 */
export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>();
  const live = (key: string, now: number): number[] => {
    const list = (failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfter(key, now) {
      const list = live(key, now);
      if (list.length < max) return 0;
      return Math.ceil((list[list.length - max] + windowMs - now) / 1000);
    },
    fail(key, now) {
      const list = live(key, now);
      list.push(now);
      failures.set(key, list);
      if (failures.size > 100_000) failures.delete(failures.keys().next().value as string);
    },
    reset(key) {
      failures.delete(key);
    },
    forgive(key, at) {
      const list = failures.get(key);
      const i = list?.indexOf(at) ?? -1;
      if (i < 0) return;
      list!.splice(i, 1);
      if (list!.length === 0) failures.delete(key);
    },
  };
}
