import { Hono } from 'hono';
import { appendAudit } from '../audit/audit-log.js';
import { dummyPasswordHash, verifyPassword } from '../auth/password.js';
import { findUserForSignIn } from '../auth/users.js';
import type { AppEnv } from '../env.js';
import { endSession, ensureSession, startUserSession } from '../middleware/session.js';
import { page } from '../pages.js';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/scorecard';
}

const GENERIC = 'Enter a correct user name and password';

/** Sign in and sign out. */
export function signInRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sign-in', async (c) => {
    if (c.var.user) return c.redirect(safeNext(c.req.query('next')), 303);
    await ensureSession(c);
    return c.html(page(c, 'sign-in.njk', { title: 'Sign in', next: safeNext(c.req.query('next')) }));
  });

  app.post('/sign-in', async (c) => {
    const { db, now, userLimiter, ipLimiter, scryptParams } = c.var.deps;
    const body = await c.req.parseBody();
    const username = String(body['username'] ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 64);
    const password = String(body['password'] ?? '').slice(0, 1024);
    const next = safeNext(body['next']);
    const t = now().getTime();
    const ipKey = `ip:${c.var.ip}`;
    const userKey = `user:${username}`;
    const wait = Math.max(userLimiter.retryAfter(userKey, t), ipLimiter.retryAfter(ipKey, t));
    /** The form again with its errors, each on its field (WCAG 3.3.1); by default the user name's. */
    const again = (status: 200 | 401 | 429, errors: { field: 'username' | 'password'; text: string }[]) => {
      c.status(status);
      const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, e.text]));
      const errorList = errors.map((e) => ({ text: e.text, href: `#${e.field}` }));
      return c.html(
        page(c, 'sign-in.njk', {
          title: 'Sign in',
          errorTitlePrefix: true,
          errorList,
          fieldErrors,
          username,
          next,
        }),
      );
    };
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      const text = `Too many attempts to sign in. Wait ${Math.ceil(wait / 60)} minutes and try again`;
      return again(429, [{ field: 'username', text }]);
    }
    if (!username || !password) {
      // Each missing field named on itself, so the summary's link lands on the one to fill in.
      const missing: { field: 'username' | 'password'; text: string }[] = [];
      if (!username) missing.push({ field: 'username', text: 'Enter your user name' });
      if (!password) missing.push({ field: 'password', text: 'Enter your password' });
      return again(401, missing);
    }
    // Counted as a failure before the password is checked (in the same tick as the check above), so
    // attempts sent at once cannot all pass the limit while the first are still hashing; taken back below
    // when the password is right.
    userLimiter.fail(userKey, t);
    ipLimiter.fail(ipKey, t);
    const found = await findUserForSignIn(db, username);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash(scryptParams)));
    if (!found || !ok || found.user.disabled) {
      await appendAudit(db, {
        actor: null,
        ip: c.var.ip,
        action: 'sign-in-failed',
        // The account's LA, so that LA's admin sees attempts on its accounts (routes/audit.ts).
        la: found?.user.la ?? null,
        // An account's name is kept; what was typed for no account is not: it is often a password typed
        // into the wrong box, and the audit log is read by admins (OWASP logging guidance).
        detail: found
          ? { username: found.user.username, reason: found.user.disabled ? 'disabled' : 'wrong password' }
          : { username: null, reason: 'unknown user' },
      });
      return again(401, [{ field: 'username', text: GENERIC }]);
    }
    userLimiter.reset(userKey);
    ipLimiter.forgive(ipKey, t);
    await startUserSession(c, found.user.username);
    await appendAudit(db, {
      actor: found.user.username,
      ip: c.var.ip,
      action: 'sign-in',
      la: found.user.la,
      detail: {},
    });
    return c.redirect(next, 303);
  });

  app.post('/sign-out', async (c) => {
    const u = c.var.user;
    if (u) {
      await appendAudit(c.var.deps.db, {
        actor: u.username,
        ip: c.var.ip,
        action: 'sign-out',
        la: u.la,
        detail: {},
      });
    }
    await endSession(c);
    return c.redirect('/sign-in', 303);
  });

  return app;
}
