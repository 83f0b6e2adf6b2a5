import { performance } from 'node:perf_hooks';
import type { Database } from '../../store/database.js';
import type { Session } from './sessions.js';
import type { User } from './users.js';

/** How long a session lookup may be reused in this process (changes made by another process show within it). */
export const SESSION_CACHE_MS = 1000;
/** Entries kept at most (the oldest go first). */
const MAX_ENTRIES = 10_000;

/** A session lookup as {@link findSessionAndUser} returns it. */
export interface SessionLookup {
  readonly session: Session;
  readonly user: User | null;
}

interface Entry {
  readonly found: SessionLookup;
  /** `performance.now()` when read from the store: the cache's age is real time, not the request's clock. */
  readonly at: number;
}

/**
 * A short-lived (≤ {@link SESSION_CACHE_MS}) in-process cache of session lookups, keyed by session id hash,
 * one per store. It saves the one query left per dashboard request (a round trip on a PostgreSQL hub).
 * This process's own sign-out, session replacement and account changes forget entries at once; the caller
 * still checks the session's expiry and idle time on every hit, so an expired session is never served.
 * Only found sessions are cached (a new session is visible at once).
 * @example const c = sessionCache(db); const g = c.generation(); c.get(h) ?? c.set(h, await lookUp(), g)
 */
export interface SessionCache {
  /** The lookup read less than {@link SESSION_CACHE_MS} ago, or undefined. */
  get(idHash: string): SessionLookup | undefined;
  /** A stamp to take before reading the store; {@link set} with it. */
  generation(): number;
  /**
   * Keeps a lookup read from the store, unless something was forgotten since `generation` was taken (the
   * read may predate a sign-out or account change, so it is not kept).
   */
  set(idHash: string, found: SessionLookup, generation: number): void;
  /** Forgets one session (signed out, replaced, expired). */
  forget(idHash: string): void;
  /** Forgets every session of an account (disabled, role or password changed). */
  forgetUser(username: string): void;
}

const caches = new WeakMap<Database, SessionCache>();

/**
 * The session cache of a store (created on first use).
 * @example sessionCache(db).forget(idHash)
 */
export function sessionCache(db: Database, ttlMs: number = SESSION_CACHE_MS): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createSessionCache(ttlMs)));
  return cache;
}

/**
 * A session cache on its own (tests); {@link sessionCache} gives the store's.
 * @example createSessionCache(1000).get('x') //=> undefined
 */
export function createSessionCache(
  ttlMs: number,
  clock: () => number = () => performance.now(),
): SessionCache {
  const entries = new Map<string, Entry>();
  let gen = 0;
  return {
    get(idHash) {
      const e = entries.get(idHash);
      if (!e) return undefined;
      const age = clock() - e.at;
      if (age < 0 || age >= ttlMs) {
        entries.delete(idHash);
        return undefined;
      }
      return e.found;
    },
    generation: () => gen,
    set(idHash, found, generation) {
      if (generation !== gen) return;
      entries.delete(idHash);
      entries.set(idHash, { found, at: clock() });
      if (entries.size > MAX_ENTRIES) {
        // Stale entries first; then the oldest.
        const now = clock();
        for (const [k, e] of entries) if (now - e.at >= ttlMs) entries.delete(k);
        while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      }
    },
    forget(idHash) {
      gen++;
      entries.delete(idHash);
    },
    forgetUser(username) {
      gen++;
      for (const [k, e] of entries) if (e.found.session.username === username) entries.delete(k);
    },
  };
}
