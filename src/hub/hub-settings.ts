import type { Database } from '../store/database.js';
import { appendAudit } from '../web/audit/audit-log.js';
import { MIN_OTHER_LAS } from './aggregate-sharing.js';

/** The hub's settings (migration 121): how aggregates across LAs are shared. */
export interface HubSettings {
  /**
   * The fewest LAs other than the viewing LA whose figures a mean or quartile shown to it may be made of
   * (aggregate-sharing.ts); default {@link MIN_OTHER_LAS}.
   */
  readonly minOtherLas: number;
}

const MIN_OTHER_LAS_KEY = 'sharing.minOtherLas';

/** The lowest and highest values the sharing rule takes (1: every aggregate of another LA is shown). */
export const MIN_OTHER_LAS_RANGE = { low: 1, high: 200 } as const;

/**
 * The hub's settings as stored, the defaults where none is set (a single-LA store has none).
 * @example await hubSettings(db) //=> { minOtherLas: 3 }
 */
export async function hubSettings(db: Database): Promise<HubSettings> {
  const row = await db.get<{ value: string }>('SELECT value FROM hub_settings WHERE name = ?', [
    MIN_OTHER_LAS_KEY,
  ]);
  const n = row ? Number(row.value) : NaN;
  return { minOtherLas: Number.isInteger(n) ? n : MIN_OTHER_LAS };
}

/**
 * Sets the sharing rule (an integer in {@link MIN_OTHER_LAS_RANGE}) and writes the change, old and new, to the
 * audit log, in one transaction. Throws RangeError for any other value. `by` is who the setting names as
 * having set it, and the entry's actor; given an `actor` (`cspi hub settings`: `command line (OS user)`,
 * whatever `--by` says), the entry's actor is that, and its detail names `by`.
 * @example await setMinOtherLas(db, 5, 'hub-admin', new Date())
 */
export async function setMinOtherLas(
  db: Database,
  n: number,
  by: string,
  at: Date,
  actor?: string,
): Promise<void> {
  if (!Number.isInteger(n) || n < MIN_OTHER_LAS_RANGE.low || n > MIN_OTHER_LAS_RANGE.high)
    throw new RangeError(
      `the fewest other LAs must be a whole number from ${MIN_OTHER_LAS_RANGE.low} to ${MIN_OTHER_LAS_RANGE.high}`,
    );
  await db.transaction(async (tx) => {
    const old = await hubSettings(tx);
    await tx.run('DELETE FROM hub_settings WHERE name = ?', [MIN_OTHER_LAS_KEY]);
    await tx.run('INSERT INTO hub_settings (name, value, set_by, set_at) VALUES (?, ?, ?, ?)', [
      MIN_OTHER_LAS_KEY,
      String(n),
      by,
      at.toISOString(),
    ]);
    await appendAudit(
      tx,
      {
        actor: actor ?? by,
        ip: null,
        action: 'hub-setting-change',
        la: null,
        detail: {
          setting: MIN_OTHER_LAS_KEY,
          old: old.minOtherLas,
          new: n,
          ...(actor === undefined ? {} : { by }),
        },
      },
      at,
    );
  });
}
