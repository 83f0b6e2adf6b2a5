import type { Context } from 'hono';
import { can, PERMISSIONS, type Permission, ROLE_LABELS } from './auth/permissions.js';
import { accessOf } from './access.js';
import type { AppEnv } from './env.js';
import { render } from './render.js';
import { laName } from './la-names.js';

/** The navigation, each item shown only with its permission. */
const NAV: readonly { href: string; text: string; permission: Permission }[] = [
  { href: '/scorecard', text: 'Scorecard', permission: 'scorecard:view' },
  { href: '/data', text: 'Data', permission: 'data:view' },
  { href: '/targets', text: 'Targets', permission: 'targets:view' },
  { href: '/reports', text: 'Reports', permission: 'reports:view-public' },
  { href: '/audit', text: 'Audit log', permission: 'audit:view' },
];

/** What every page template gets: the user, their permissions, the CSRF token and the navigation. */
export function baseContext(c: Context<AppEnv>): Record<string, unknown> {
  const u = c.var.user;
  const a = accessOf(c);
  // Links and buttons as the routes' guards decide: a link is never shown that the user may not follow.
  const perms: Record<string, boolean> = {};
  for (const p of PERMISSIONS) perms[p] = a ? can(a, p) : false;
  const path = c.req.path;
  return {
    laName: u?.la ? (laName(u.la) ?? `Local authority ${u.la}`) : null,
    csrfToken: c.var.session?.csrfToken ?? '',
    user: u ? { username: u.username, role: u.role, roleLabel: ROLE_LABELS[u.role], la: u.la } : null,
    can: perms,
    nav: u
      ? NAV.filter((n) => perms[n.permission]).map((n) => ({
          href: n.href,
          text: n.text,
          active:
            path === n.href ||
            path.startsWith(`${n.href}/`) ||
            (n.href === '/scorecard' && path.startsWith('/indicators')),
        }))
      : [],
  };
}

/** Renders a page with the base context. */
export function page(c: Context<AppEnv>, template: string, ctx: Record<string, unknown>): string {
  return render(template, { ...baseContext(c), ...ctx });
}

/** Stands in for the session's CSRF token in a cached page (the only per-session part of a page). */
const CSRF_SLOT = 'csrf-slot-5b0e7d21';

/**
 * A page rendered once per `key` and user (username, role, LA or, without one, whether the store holds more
 * than one LA, path) and served from the cache after:
 * `key` must name everything the page shows (e.g. the figures version and view). Only the CSRF token of
 * the sign-out form differs between sessions, and it is put in on each request.
 * @example return cachedPage(c, `scorecard|${figuresKey}`, 'scorecard.njk', () => ({ title, body }))
 */
export function cachedPage(
  c: Context<AppEnv>,
  key: string,
  template: string,
  build: () => Record<string, unknown>,
): Response {
  const u = c.var.user;
  // Without an LA, the user's rights change when a second LA is loaded (`can`): so does the page.
  const la = u?.la ?? (c.var.storeLas > 1 ? '*many' : '');
  const k = `page|${template}|${u?.username ?? ''}|${u?.role ?? ''}|${la}|${c.req.path}|${key}`;
  const { views } = c.var.deps;
  let parts = views.get(k) as Buffer[] | undefined;
  if (!parts) {
    // Kept as UTF-8 bytes: each request then copies bytes instead of encoding the page again.
    parts = render(template, { ...baseContext(c), csrfToken: CSRF_SLOT, ...build() })
      .split(CSRF_SLOT)
      .map((p) => Buffer.from(p));
    views.set(k, parts);
  }
  const token = Buffer.from(c.var.session?.csrfToken ?? '');
  const body = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [token, p])));
  return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), 200, {
    'Content-Type': 'text/html; charset=UTF-8',
  });
}

/** The GOV.UK-pattern error page (403, 404, 500). */
export function errorPage(c: Context<AppEnv>, status: number, title: string, message: string): string {
  return page(c, 'error.njk', { status, title, message });
}
