import type { Context } from 'hono';
import { can, PERMISSIONS, type Permission, ROLE_LABELS } from './auth/permissions.js';
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

/** What every page template gets: the user, their permissions, the CSRF token, the nonce and the navigation. */
export function baseContext(c: Context<AppEnv>): Record<string, unknown> {
  const u = c.var.user;
  const perms: Record<string, boolean> = {};
  for (const p of PERMISSIONS) perms[p] = u ? can(u.role, p) : false;
  const path = c.req.path;
  return {
    laName: u?.la ? (laName(u.la) ?? `Local authority ${u.la}`) : null,
    nonce: c.var.nonce,
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

/** The GOV.UK-pattern error page (403, 404, 500). */
export function errorPage(c: Context<AppEnv>, status: number, title: string, message: string): string {
  return page(c, 'error.njk', { status, title, message });
}
