import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../store/database.js';
import { type User, userFromRow } from './users.js';
import { sessionCache } from './session-cache.js';

/** A signed-in (or anonymous, pre-sign-in) browser session. The raw id lives only in the cookie. */
export interface Session {
  readonly idHash: string;
  readonly username: string | null;
  /** Synchronizer token every form must echo back. */
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

/** Absolute lifetime of a signed-in session, and how long it may sit idle. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** Last-seen is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60 * 1000;

/** SHA-256 of the cookie value, as stored: a stolen database does not give usable session ids. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Starts a session and returns the cookie value (256 random bits) with the stored record.
 * @example const { cookieValue } = await createSession(db, 'jo', new Date())
 */
export async function createSession(
  db: Database,
  username: string | null,
  now: Date,
): Promise<{ cookieValue: string; session: Session }> {
  const cookieValue = randomToken();
  const session: Session = {
    idHash: hashSessionId(cookieValue),
    username,
    csrfToken: randomToken(),
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    lastSeenAt: now.toISOString(),
  };
  await db.run(
    'INSERT INTO web_sessions (id_hash, username, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    [session.idHash, username, session.csrfToken, now.toISOString(), session.lastSeenAt, session.expiresAt],
  );
  return { cookieValue, session };
}

interface SessionRow {
  id_hash: string;
  username: string | null;
  csrf_token: string;
  expires_at: string;
  last_seen_at: string;
}

/** The live session for a cookie value, or null when unknown, expired or idle too long (then deleted). */
export async function findSession(db: Database, cookieValue: string, now: Date): Promise<Session | null> {
  return (await findSessionAndUser(db, cookieValue, now))?.session ?? null;
}

/**
 * The live session for a cookie value with its account (null for an anonymous session or a deleted account),
 * read in one query: this runs on every request, and on a PostgreSQL hub each query is a round trip, so a
 * found session is reused for up to a second (`session-cache.ts`; this process's sign-outs and account
 * changes forget it at once). An unknown, expired or idle session gives null (and is deleted): the expiry
 * and idle time are checked on every call, cached or not.
 * @example const found = await findSessionAndUser(db, cookie, new Date()); found?.user?.role
 */
export async function findSessionAndUser(
  db: Database,
  cookieValue: string,
  now: Date,
): Promise<{ session: Session; user: User | null } | null> {
  const idHash = hashSessionId(cookieValue);
  const t = now.getTime();
  const cache = sessionCache(db);
  const hit = cache.get(idHash);
  if (hit) {
    const seen = Date.parse(hit.session.lastSeenAt);
    // Reused only while live and not due a last-seen write; otherwise read (and expire or touch) below.
    if (Date.parse(hit.session.expiresAt) > t && seen + SESSION_IDLE_MS > t && seen + TOUCH_EVERY_MS > t)
      return hit;
    cache.forget(idHash);
  }
  const generation = cache.generation();
  const r = await db.get<SessionRow & AccountColumns>(
    `SELECT s.*, u.username AS u_username, u.role AS u_role, u.la AS u_la, u.disabled AS u_disabled,
            u.created_at AS u_created_at
       FROM web_sessions s LEFT JOIN web_users u ON u.username = s.username
      WHERE s.id_hash = ?`,
    [idHash],
  );
  if (!r) return null;
  if (Date.parse(r.expires_at) <= t || Date.parse(r.last_seen_at) + SESSION_IDLE_MS <= t) {
    await db.run('DELETE FROM web_sessions WHERE id_hash = ?', [idHash]);
    return null;
  }
  let lastSeenAt = r.last_seen_at;
  if (Date.parse(r.last_seen_at) + TOUCH_EVERY_MS <= t) {
    lastSeenAt = now.toISOString();
    await db.run('UPDATE web_sessions SET last_seen_at = ? WHERE id_hash = ?', [lastSeenAt, idHash]);
  }
  const session = {
    idHash,
    username: r.username,
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    lastSeenAt,
  };
  const user =
    r.u_username === null
      ? null
      : userFromRow({
          username: r.u_username,
          role: r.u_role!,
          la: r.u_la,
          disabled: r.u_disabled!,
          created_at: r.u_created_at!,
        });
  const found = { session, user };
  cache.set(idHash, found, generation);
  return found;
}

/** The account's columns as {@link findSessionAndUser} reads them beside the session (null: no account). */
interface AccountColumns {
  u_username: string | null;
  u_role: string | null;
  u_la: string | null;
  u_disabled: number | boolean | null;
  u_created_at: string | null;
}

/** Ends a session. */
export async function deleteSession(db: Database, idHash: string): Promise<void> {
  sessionCache(db).forget(idHash);
  await db.run('DELETE FROM web_sessions WHERE id_hash = ?', [idHash]);
  // Again after the write: a lookup that read the row before it is not kept (session-cache.ts).
  sessionCache(db).forget(idHash);
}

/** Removes expired sessions (run at start-up and now and then). */
export async function purgeExpiredSessions(db: Database, now: Date): Promise<number> {
  return (await db.run('DELETE FROM web_sessions WHERE expires_at <= ?', [now.toISOString()])).changes;
}
