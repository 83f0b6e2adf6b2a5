import type { Database } from '../../store/database.js';
import { sortableId } from '../../store/sortable-id.js';

/** What was done, by stable code. */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'child-level-view'
  | 'child-level-export'
  | 'data-upload'
  | 'target-change'
  | 'commentary-edit'
  | 'commentary-confirm'
  | 'report-publish'
  | 'report-publish-refused'
  | 'report-draft-refused'
  | 'report-edition-refused'
  | 'user-add'
  | 'user-disable'
  | 'user-enable'
  | 'user-password-reset'
  | 'user-change'
  | 'hub-setting-change'
  | 'hub-init'
  | 'hub-compute'
  | 'hub-compute-la';

/** One entry of the append-only audit log (report.md §9). `detail` never holds child ids. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string | null;
  readonly ip: string | null;
  readonly action: AuditAction;
  readonly la: string | null;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * Appends an entry (the table refuses UPDATE and DELETE by trigger).
 * @example await appendAudit(db, { actor: 'jo', ip: '127.0.0.1', action: 'sign-in', la: '841', detail: {} })
 */
export async function appendAudit(
  db: Database,
  e: Omit<AuditEntry, 'id' | 'at'>,
  now: Date = new Date(),
): Promise<AuditEntry> {
  const entry: AuditEntry = { ...e, id: sortableId(now), at: now.toISOString() };
  await db.run('INSERT INTO audit_log (id, at, actor, ip, action, la, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    entry.id,
    entry.at,
    entry.actor,
    entry.ip,
    entry.action,
    entry.la,
    JSON.stringify(entry.detail),
  ]);
  return entry;
}

interface AuditRow {
  id: string;
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  la: string | null;
  detail: string;
}

/** Filters for reading the log. */
export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  /** Only entries about this LA (an LA-limited reader); absent = every LA. */
  readonly la?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Entries newest first, with the total matching. */
export async function readAudit(
  db: Database,
  q: AuditQuery = {},
): Promise<{ entries: AuditEntry[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.action) {
    where.push('action = ?');
    params.push(q.action);
  }
  if (q.actor) {
    where.push('actor = ?');
    params.push(q.actor);
  }
  if (q.la !== undefined) {
    where.push('la = ?');
    params.push(q.la);
  }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM audit_log${w}`, params);
  const rows = await db.all<AuditRow>(`SELECT * FROM audit_log${w} ORDER BY id DESC LIMIT ? OFFSET ?`, [
    ...params,
    q.limit ?? 50,
    q.offset ?? 0,
  ]);
  return {
    total: Number(total?.n ?? 0),
    entries: rows.map((r) => ({ ...r, action: r.action as AuditAction, detail: JSON.parse(r.detail) })),
  };
}
