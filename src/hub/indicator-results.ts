import type { Database } from '../store/database.js';
import { lockLa } from '../store/dataset-versions.js';
import type { IndicatorReport, IndicatorResult } from '../indicators/types.js';
import { type AuditEntry, appendAudit } from '../web/audit/audit-log.js';

/** A stored headline figure of one LA (what benchmarks between LAs read). */
export interface StoredFigure {
  readonly la: string;
  readonly indicatorId: string;
  readonly datasetId: string;
  readonly status: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /**
   * The figure is from an earlier dataset version than the LA's current (newest) one: a version imported
   * since has no results for the period yet (not recomputed). Absent or false: from the current version.
   */
  readonly fromEarlierVersion?: boolean;
}

/**
 * Stores one LA's computed report for a period, replacing any earlier rows for the same LA, period and
 * dataset version in the same transaction: a job retried after a worker died never leaves duplicates or a
 * half-written set, and two saves of one LA at once run one after the other (the LA's lock, `lockLa`).
 * With `audit`, that entry is appended in the same transaction (at `computedAt`): the figures are never
 * stored without it, nor it written for figures that were not stored.
 */
export async function saveIndicatorReport(
  db: Database,
  report: IndicatorReport,
  computedAt: string,
  audit?: Omit<AuditEntry, 'id' | 'at'>,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Two saves of one LA at once (two runs' jobs, or a compute beside an import --compute) each deleted
    // nothing and inserted, and the second failed on the primary key (retried, its work lost): the LA's
    // lock makes them replace one after the other.
    await lockLa(tx, report.la);
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
    if (audit) await appendAudit(tx, audit, new Date(computedAt));
  });
}

/**
 * The headline figures of every LA for a period, each from the newest version of the LA that has results
 * for the period; `fromEarlierVersion` marks those of an LA whose current (newest) dataset version has
 * none yet (imported since, not recomputed): they are still used, and said to be ({@link earlierVersionsNote}).
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
    seq: number | string;
    current_seq: number | string;
  }>(
    `SELECT r.la, r.indicator_id, r.dataset_id, r.status, r.value, r.numerator, r.denominator, v.seq,
            (SELECT max(v3.seq) FROM dataset_versions v3 WHERE v3.la = r.la) AS current_seq
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
    fromEarlierVersion: Number(r.seq) < Number(r.current_seq),
  }));
}

/** How many of the LAs whose stored figures are used have them from an earlier dataset version. */
export interface EarlierVersions {
  /** The LAs whose figures are from an earlier dataset version than their current one. */
  readonly las: number;
  /** The LAs with stored figures for the period (the viewing LA left out where its own figure is used). */
  readonly of: number;
  readonly period: string;
}

/**
 * The LAs, other than `except` (the LA viewing, whose own live figure replaces its stored one), whose stored
 * figures for the period are from an earlier dataset version than their current one, sorted, and how many
 * LAs have stored figures. The names are for the hub operator only: an LA's users are told the count.
 * @example earlierVersionLas([{ la: '805', fromEarlierVersion: true, … }, { la: '840', … }]) //=> { las: ['805'], of: 2 }
 */
export function earlierVersionLas(
  figures: readonly Pick<StoredFigure, 'la' | 'fromEarlierVersion'>[],
  except?: string,
): { readonly las: readonly string[]; readonly of: number } {
  const used = figures.filter((f) => f.la !== except);
  const las = new Set(used.filter((f) => f.fromEarlierVersion === true).map((f) => f.la));
  return { las: [...las].sort(), of: new Set(used.map((f) => f.la)).size };
}

/** {@link earlierVersionLas} as a count for one LA's users (no LA named); null when none is earlier. */
export function earlierVersionsOf(
  figures: readonly Pick<StoredFigure, 'la' | 'fromEarlierVersion'>[],
  period: string,
  except?: string,
): EarlierVersions | null {
  const { las, of } = earlierVersionLas(figures, except);
  return las.length === 0 ? null : { las: las.length, of, period };
}

/**
 * The line the report's hub footnote, the dashboard's "Compared with other local authorities" and
 * `cspi hub benchmarks` give when some LAs' figures are from an earlier dataset version.
 * @example earlierVersionsNote({ las: 1, of: 4, period: '2021-22-Q3' }) //=> "1 of the 4 LAs' figures are from an earlier dataset version than their current one (recompute with cspi hub compute --period 2021-22-Q3)"
 */
export function earlierVersionsNote(e: EarlierVersions): string {
  return `${e.las} of the ${e.of} LAs' figures are from an earlier dataset version than their current one (recompute with cspi hub compute --period ${e.period})`;
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
