import type { Database } from '../../store/database.js';

/** A published edition as the reports page lists it (the `editions` table, without its frozen figures). */
export interface EditionSummary {
  readonly id: string;
  readonly la: string;
  readonly period: string;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
  readonly datasetId: string;
}

/**
 * The published editions of an LA, newest first, whether published from the dashboard or by `cspi publish`
 * (both write the report module's `editions` table).
 * @example await listEditions(db, '841') //=> [{ id: '841-2021-22-Q3-20220114093000', period: '2021-22-Q3', … }]
 */
export async function listEditions(db: Database, la: string): Promise<EditionSummary[]> {
  const rows = await db.all<{
    id: string;
    la: string;
    period: string;
    published_at: string;
    published_by: string | null;
    dataset_id: string;
  }>(
    'SELECT id, la, period, published_at, published_by, dataset_id FROM editions WHERE la = ? ORDER BY published_at DESC, id DESC',
    [la],
  );
  return rows.map((r) => ({
    id: r.id,
    la: r.la,
    period: r.period,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    datasetId: r.dataset_id,
  }));
}
