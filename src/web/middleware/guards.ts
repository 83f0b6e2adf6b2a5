import type { Context, MiddlewareHandler } from 'hono';
import { can, deniedForNoLa, type Permission } from '../auth/permissions.js';
import { accessOf, NO_LA_MESSAGE } from '../access.js';
import type { AppEnv } from '../env.js';
import { errorPage } from '../pages.js';

const isApi = (c: Context<AppEnv>) => c.req.path.startsWith('/api/');

/** Requires a signed-in user: pages redirect to sign in, the API answers 401. */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.user) return next();
    if (isApi(c)) return c.json({ error: 'unauthenticated', message: 'Sign in first.' }, 401);
    const back = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
    return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
  };
}

/**
 * Requires a permission of the user ({@link can}: their role, and their LA on a multi-LA store): 403 page or
 * JSON otherwise (checked on the server for pages and API alike). A user refused only for having no LA on a
 * multi-LA store is told so ({@link NO_LA_MESSAGE}). Refusals are not audited (none are).
 */
export function requirePermission(p: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const a = accessOf(c);
    if (!a) return requireUser()(c, next);
    if (can(a, p)) return next();
    return forbidden(c, deniedForNoLa(a, p) ? NO_LA_MESSAGE : undefined);
  };
}

/** A 403 answer in the right shape for the route. */
export function forbidden(c: Context<AppEnv>, message = 'Your account does not have access to this page.') {
  if (isApi(c)) return c.json({ error: 'forbidden', message }, 403);
  return c.html(errorPage(c, 403, 'You do not have permission to see this page', message), 403);
}

/** A 404 answer in the right shape for the route. */
export function notFound(c: Context<AppEnv>, message = 'If you typed the web address, check it is correct.') {
  if (isApi(c)) return c.json({ error: 'not-found', message }, 404);
  return c.html(errorPage(c, 404, 'Page not found', message), 404);
}
