import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  createSession,
  deleteSession,
  findSessionAndUser,
  SESSION_LIFETIME_MS,
  type Session,
} from '../auth/sessions.js';
import type { AppEnv } from '../env.js';

/** The session cookie's name: `__Host-` prefixed behind https (Secure, Path=/, no Domain). */
export function cookieName(secure: boolean): string {
  return secure ? '__Host-cspi-session' : 'cspi-session';
}

function setSessionCookie(c: Context<AppEnv>, value: string): void {
  const secure = c.var.deps.secureCookies;
  setCookie(c, cookieName(secure), value, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

/**
 * The client's address from X-Forwarded-For behind one trusted proxy: the last entry, the one the proxy
 * appended. Earlier entries are whatever the client sent, so taking the first would let a client choose the
 * address the sign-in limiter counts and the audit log records.
 * @example clientAddress('10.0.0.1, 203.0.113.7') //=> '203.0.113.7'
 */
export function clientAddress(forwardedFor: string | undefined): string | undefined {
  return forwardedFor?.split(',').at(-1)?.trim() || undefined;
}

/** Loads the session and its (enabled) user from the cookie. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, secureCookies, now, trustProxy } = c.var.deps;
    const fwd = trustProxy ? clientAddress(c.req.header('x-forwarded-for')) : undefined;
    const remote = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
      ?.socket?.remoteAddress;
    c.set('ip', fwd || remote || 'unknown');
    c.set('session', null);
    c.set('user', null);
    c.set('newSessionCookie', null);
    const raw = getCookie(c, cookieName(secureCookies));
    if (raw && raw.length <= 100) {
      const found = await findSessionAndUser(db, raw, now());
      if (found) {
        const { session: s, user: u } = found;
        c.set('session', s);
        if (s.username) {
          if (u && !u.disabled) c.set('user', u);
          else {
            await deleteSession(db, s.idHash);
            c.set('session', null);
          }
        }
      }
    }
    await next();
  };
}

/** The request's session, creating an anonymous one (for the sign-in form's CSRF token) if needed. */
export async function ensureSession(c: Context<AppEnv>): Promise<Session> {
  const existing = c.var.session;
  if (existing) return existing;
  const { cookieValue, session } = await createSession(c.var.deps.db, null, c.var.deps.now());
  setSessionCookie(c, cookieValue);
  c.set('session', session);
  return session;
}

/** Replaces any session with a new signed-in one (a fresh id, so a planted id cannot be reused). */
export async function startUserSession(c: Context<AppEnv>, username: string): Promise<Session> {
  const { db, now } = c.var.deps;
  if (c.var.session) await deleteSession(db, c.var.session.idHash);
  const { cookieValue, session } = await createSession(db, username, now());
  setSessionCookie(c, cookieValue);
  c.set('session', session);
  return session;
}

/** Ends the session and clears the cookie. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  if (c.var.session) await deleteSession(c.var.deps.db, c.var.session.idHash);
  const secure = c.var.deps.secureCookies;
  deleteCookie(c, cookieName(secure), { path: '/', secure });
  c.set('session', null);
  c.set('user', null);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF protection for every state-changing request: the form's `_csrf` field must equal the session's
 * synchronizer token, and a present Origin header must be this site's.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin && host && origin !== 'null' && new URL(origin).host !== host) return refuse(c);
    const session = c.var.session;
    if (!session) return refuse(c);
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
      return refuse(c);
    }
    const body = await c.req.parseBody();
    const token = typeof body['_csrf'] === 'string' ? body['_csrf'] : '';
    if (!sameToken(token, session.csrfToken)) return refuse(c);
    return next();
  };
}

function refuse(c: Context<AppEnv>) {
  return c.text(
    'This form has expired or did not come from this site. Go back, reload the page and try again.',
    403,
  );
}
