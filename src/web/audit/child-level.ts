import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { type AuditEntry, appendAudit } from './audit-log.js';

/**
 * Records a child-level view or export (report.md §9: "every view and export goes to an append-only audit
 * log"): the signed-in user, their address, the LA and `detail` (indicator, period, dataset version, list,
 * rows; never a child id). A HEAD request is not recorded: it is answered with the GET's status and headers
 * and no body (Hono runs the GET handler for it), so no child is viewed and an entry would record a view of
 * rows nobody saw (a link checker's or a browser's prefetch). Permissions and LA limits still apply to it.
 * @example await auditChildLevel(c, 'child-level-view', '841', { indicator: 'icpc-15wd', rows: 9, … })
 */
export async function auditChildLevel(
  c: Context<AppEnv>,
  action: 'child-level-view' | 'child-level-export',
  la: string,
  detail: AuditEntry['detail'],
): Promise<void> {
  if (c.req.method === 'HEAD') return;
  await appendAudit(c.var.deps.db, { actor: c.var.user!.username, ip: c.var.ip, action, la, detail });
}
