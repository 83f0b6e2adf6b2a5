import { Hono } from 'hono';
import { type AuditAction, readAudit } from '../audit/audit-log.js';
import type { AppEnv } from '../env.js';
import { requirePermission } from '../middleware/guards.js';
import { page } from '../pages.js';

/** Each action's words on the audit page and in its filter (every action has some: tsc checks). */
const ACTION_LABELS: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  'child-level-view': 'Viewed child-level list',
  'child-level-export': 'Downloaded child-level list',
  'data-upload': 'Uploaded data',
  'target-change': 'Changed a target',
  'commentary-edit': 'Edited report commentary',
  'commentary-confirm': 'Confirmed report commentary',
  'report-publish': 'Published a report',
  'report-publish-refused': 'Publish refused: nothing published',
  'report-draft-refused': 'Public draft refused by the publication check',
  'report-edition-refused':
    'Published edition not served: its stored document does not match its hash, or a re-render of it failed the publication check',
  'user-add': 'Added a user',
  'user-disable': 'Disabled a user',
  'user-enable': 'Enabled a user',
  'user-password-reset': 'Reset a user’s password',
  'user-change': 'Changed a user’s role or LA',
  'hub-setting-change': 'Changed a hub setting',
  'hub-init': 'Set up the hub (schema and isolation between LAs)',
  'hub-compute': 'Queued the computing of indicators for the hub’s LAs',
  'hub-compute-la': 'Computed and stored an LA’s indicators on the hub',
} satisfies Record<AuditAction, string>;

const PAGE_SIZE = 50;

/**
 * The audit log for admins: newest first, filterable by action and user, 50 to a page. An admin limited to
 * one LA reads only the entries about that LA (its users' sign-ins, child-level views, uploads, targets and
 * editions), never another LA's (report.md §1, §9: one LA's staff do not see another LA's data); a hub
 * admin (no LA) reads every entry. Entries about no LA (a failed sign-in to an unknown account) are the
 * hub's.
 */
export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/audit', requirePermission('audit:view'), async (c) => {
    const action =
      c.req.query('action') && ACTION_LABELS[c.req.query('action')!] ? c.req.query('action') : undefined;
    const actor = c.req.query('actor')?.trim() || undefined;
    const pageNo = Math.max(1, Math.min(100000, Number(c.req.query('page')) || 1));
    const la = c.var.user!.la;
    const { entries, total } = await readAudit(c.var.deps.db, {
      action,
      actor,
      ...(la === null ? {} : { la }),
      limit: PAGE_SIZE,
      offset: (pageNo - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (p: number) =>
      `/audit?${new URLSearchParams({ ...(action ? { action } : {}), ...(actor ? { actor } : {}), page: String(p) })}`;
    return c.html(
      page(c, 'audit.njk', {
        title: 'Audit log',
        total,
        actor: actor ?? '',
        actionItems: [
          { value: '', text: 'All actions' },
          ...Object.entries(ACTION_LABELS).map(([value, text]) => ({
            value,
            text,
            selected: value === action,
          })),
        ],
        entries: entries.map((e) => ({
          ...e,
          actionLabel: ACTION_LABELS[e.action] ?? e.action,
          details: Object.entries(e.detail)
            .filter(([, v]) => v !== null && v !== '')
            .map(([k, v]) => ({ key: k.replace(/([A-Z])/g, ' $1').toLowerCase(), value: String(v) })),
        })),
        pagination: {
          previous: pageNo > 1 ? { href: link(pageNo - 1) } : undefined,
          next: pageNo < pages ? { href: link(pageNo + 1) } : undefined,
          items:
            pages > 1
              ? Array.from({ length: Math.min(pages, 9) }, (_, i) => ({
                  number: i + 1,
                  href: link(i + 1),
                  current: i + 1 === pageNo,
                }))
              : [],
        },
      }),
    );
  });
  return app;
}
