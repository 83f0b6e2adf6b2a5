import type { Context, MiddlewareHandler } from 'hono';
import { type Access, can, type Permission } from './auth/permissions.js';
import type { AppEnv } from './env.js';

/**
 * Counts the LAs the store holds (those with data, as the LA list of every page gives them) for a signed-in
 * request, so {@link can} can weigh the user's LA against it (`auth/permissions.ts`). The count is the
 * services' cached current versions: no query of its own on most requests.
 */
export function countStoreLas(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('storeLas', c.var.user ? (await c.var.deps.services.las()).length : 0);
    await next();
  };
}

/** The signed-in user's {@link Access} (role, LA and the store's LA count), or null when signed out. */
export function accessOf(c: Context<AppEnv>): Access | null {
  const u = c.var.user;
  // A request the count did not run for (none in the app) counts as a hub's: no LA-scoped right without an LA.
  return u ? { role: u.role, la: u.la, storeLas: c.var.storeLas ?? Number.POSITIVE_INFINITY } : null;
}

/** {@link can} for the request's user; false when signed out. */
export function userCan(c: Context<AppEnv>, permission: Permission): boolean {
  const a = accessOf(c);
  return a !== null && can(a, permission);
}

/** The 403 message for a user whose role allows a permission that their account, with no LA, may not use here. */
export const NO_LA_MESSAGE =
  'Your account is not limited to one local authority, so on this service it shows figures and comparisons between local authorities only: no lists of children, Data pages, full figures or drafts. Those need an account limited to your local authority.';
