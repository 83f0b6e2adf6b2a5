import type { Database } from '../store/database.js';

/** One LA's current dataset version, as every dashboard page needs it. */
export interface CurrentVersion {
  readonly la: string;
  readonly name: string | null;
  readonly id: string;
  readonly extractDate: string | null;
}

/**
 * How long the dashboard trusts its last reading of the current versions (ms). A version imported by another
 * process (`cspi import`, a hub worker) shows within this time; imports through the dashboard show at once.
 * Every page asks for the LA list, its periods and its current version: on a PostgreSQL hub under load, one
 * query per second instead of three per request.
 */
export const CURRENT_FRESH_MS = 1000;

/**
 * The current (latest) dataset version of every LA with data, read in one query and kept for `freshMs`;
 * concurrent callers share one read. `clear()` forgets it (after an import by this process).
 * @example const current = currentVersionsCache(db, 1000); (await current.get()).get('841')?.id
 */
export function currentVersionsCache(
  db: Database,
  freshMs: number,
  clock: () => number = () => performance.now(),
): { get(): Promise<ReadonlyMap<string, CurrentVersion>>; clear(): void } {
  let cached: { at: number; value: Promise<ReadonlyMap<string, CurrentVersion>> } | null = null;
  return {
    get() {
      const t = clock();
      if (cached && t - cached.at < freshMs) return cached.value;
      const value = readCurrentVersions(db);
      const entry = { at: t, value };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = null;
      });
      return value;
    },
    clear() {
      cached = null;
    },
  };
}

/** Every LA's latest dataset version (highest seq), by LA code, in code order. */
export async function readCurrentVersions(db: Database): Promise<ReadonlyMap<string, CurrentVersion>> {
  const rows = await db.all<{ la: string; name: string | null; id: string; extract_date: string | null }>(
    `SELECT v.la, l.name, v.id, v.extract_date
       FROM dataset_versions v
       JOIN (SELECT la, MAX(seq) AS seq FROM dataset_versions GROUP BY la) m ON m.la = v.la AND m.seq = v.seq
       JOIN las l ON l.code = v.la
      ORDER BY v.la`,
  );
  return new Map(
    rows.map((r) => [
      r.la,
      {
        la: r.la,
        name: r.name,
        id: r.id,
        // DATE: a 'YYYY-MM-DD' string from both adapters (store/postgres.ts keeps dates as text).
        extractDate: r.extract_date === null ? null : String(r.extract_date).slice(0, 10),
      },
    ]),
  );
}
