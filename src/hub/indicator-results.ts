import type { Database } from '../store/database.js';
import type { IndicatorReport, IndicatorResult } from '../indicators/types.js';

/** A stored headline figure of one LA (what benchmarks between LAs read). */
export interface StoredFigure {
  readonly la: string;
  readonly indicatorId: string;
  readonly datasetId: string;
  readonly status: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * Stores one LA's computed report for a period, replacing any earlier rows for the same LA, period and
 * dataset version in the same transaction: a job retried after a worker died never leaves duplicates or a
 * half-written set.
 */
export async function saveIndicatorReport(
  db: Database,
  report: IndicatorReport,
  computedAt: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM indicator_results WHERE la = ? AND period = ? AND dataset_id = ?', [
      report.la,
      report.period.id,
      report.dataset.id,
    ]);
    await tx.insertMany(
      'indicator_results',
      [
        'la',
        'period',
        'dataset_id',
        'indicator_id',
        'status',
        'value',
        'numerator',
        'denominator',
        'result_json',
        'computed_at',
      ],
      report.indicators.map((r) => [
        report.la,
        report.period.id,
        report.dataset.id,
        r.id,
        r.status,
        r.value,
        r.numerator,
        r.denominator,
        JSON.stringify(r),
        computedAt,
      ]),
    );
  });
}

/**
 * The headline figures of every LA for a period, each from the LA's current dataset version (the newest
 * version of the LA that has results for the period).
 */
export async function currentFigures(db: Database, period: string): Promise<StoredFigure[]> {
  const rows = await db.all<{
    la: string;
    indicator_id: string;
    dataset_id: string;
    status: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }>(
    `SELECT r.la, r.indicator_id, r.dataset_id, r.status, r.value, r.numerator, r.denominator
       FROM indicator_results r
       JOIN dataset_versions v ON v.id = r.dataset_id
      WHERE r.period = ?
        AND v.seq = (SELECT max(v2.seq) FROM dataset_versions v2
                      JOIN indicator_results r2 ON r2.dataset_id = v2.id AND r2.period = r.period
                     WHERE v2.la = r.la)
      ORDER BY r.la, r.indicator_id`,
    [period],
  );
  return rows.map((r) => ({
    la: r.la,
    indicatorId: r.indicator_id,
    datasetId: r.dataset_id,
    status: r.status,
    value: r.value === null ? null : Number(r.value),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
  }));
}

/** One LA's stored result for an indicator and period (its current dataset version), or undefined. */
export async function storedResult(
  db: Database,
  la: string,
  period: string,
  indicatorId: string,
): Promise<IndicatorResult | undefined> {
  const row = await db.get<{ result_json: string }>(
    `SELECT r.result_json FROM indicator_results r JOIN dataset_versions v ON v.id = r.dataset_id
      WHERE r.la = ? AND r.period = ? AND r.indicator_id = ? ORDER BY v.seq DESC LIMIT 1`,
    [la, period, indicatorId],
  );
  return row ? (JSON.parse(row.result_json) as IndicatorResult) : undefined;
}
