import type { Database } from '../../store/database.js';
import type { RatingBounds } from '../../indicators/targets.js';
import { appendAudit } from '../audit/audit-log.js';

/** A target an LA set for one indicator and financial year (report.md §4, §9). */
export interface TargetSetting {
  readonly la: string;
  readonly indicatorId: string;
  readonly financialYear: string;
  /** null = no target (not rated). */
  readonly target: number | null;
  /** null = the default, 10% of the target. */
  readonly tolerance: number | null;
  readonly toleranceUnit: 'points' | 'percent-of-target';
  readonly kind: 'national' | 'local';
  /**
   * report.md §4: `improvement-aware` rates Amber, not Red, beyond tolerance but significantly better than
   * last year; `thresholds` rates against the explicit `bounds` instead of a tolerance.
   */
  readonly scheme: 'target-tolerance' | 'thresholds' | 'improvement-aware' | 'none';
  /** The thresholds scheme's amber and red bounds (indicators/targets.ts `RatingBounds`); null otherwise. */
  readonly bounds: RatingBounds | null;
  /** The indicator's own "in line with" band in points; null = the report's. */
  readonly inLineBand: number | null;
  readonly rationale: string;
  readonly setBy: string;
  readonly setAt: string;
}

interface Row {
  la: string;
  indicator_id: string;
  financial_year: string;
  target: number | null;
  tolerance: number | null;
  tolerance_unit: TargetSetting['toleranceUnit'];
  kind: TargetSetting['kind'];
  scheme: TargetSetting['scheme'];
  rationale: string;
  set_by: string;
  set_at: string;
  amber: number | null;
  red: number | null;
  in_line_band: number | null;
}

const toSetting = (r: Row): TargetSetting => ({
  la: r.la,
  indicatorId: r.indicator_id,
  financialYear: r.financial_year,
  target: r.target === null ? null : Number(r.target),
  tolerance: r.tolerance === null ? null : Number(r.tolerance),
  toleranceUnit: r.tolerance_unit,
  kind: r.kind,
  scheme: r.scheme,
  bounds: r.amber !== null && r.red !== null ? { amber: Number(r.amber), red: Number(r.red) } : null,
  inLineBand: r.in_line_band === null ? null : Number(r.in_line_band),
  rationale: r.rationale,
  setBy: r.set_by,
  setAt: r.set_at,
});

/** The targets an LA set for a financial year (indicators without one use the catalogue's). */
export async function targetsFor(db: Database, la: string, financialYear: string): Promise<TargetSetting[]> {
  return (
    await db.all<Row>('SELECT * FROM targets WHERE la = ? AND financial_year = ? ORDER BY indicator_id', [
      la,
      financialYear,
    ])
  ).map(toSetting);
}

/**
 * Sets (or replaces) a target and writes the change, old and new, to the audit log in one transaction.
 * @example await setTarget(db, { la: '841', indicatorId: 'assessments-45wd', financialYear: '2021-22', target: 85, … }, '10.0.0.1')
 */
export async function setTarget(db: Database, t: TargetSetting, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const old = await tx.get<Row>(
      'SELECT * FROM targets WHERE la = ? AND indicator_id = ? AND financial_year = ?',
      [t.la, t.indicatorId, t.financialYear],
    );
    await tx.run('DELETE FROM targets WHERE la = ? AND indicator_id = ? AND financial_year = ?', [
      t.la,
      t.indicatorId,
      t.financialYear,
    ]);
    await tx.run(
      'INSERT INTO targets (la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at, amber, red, in_line_band) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        t.la,
        t.indicatorId,
        t.financialYear,
        t.target,
        t.tolerance,
        t.toleranceUnit,
        t.kind,
        t.scheme,
        t.rationale,
        t.setBy,
        t.setAt,
        t.bounds?.amber ?? null,
        t.bounds?.red ?? null,
        t.inLineBand,
      ],
    );
    await appendAudit(
      tx,
      {
        actor: t.setBy,
        ip,
        action: 'target-change',
        la: t.la,
        detail: {
          indicator: t.indicatorId,
          financialYear: t.financialYear,
          oldTarget: old ? old.target : null,
          newTarget: t.target,
          oldTolerance: old ? old.tolerance : null,
          newTolerance: t.tolerance,
          toleranceUnit: t.toleranceUnit,
          kind: t.kind,
          oldScheme: old ? old.scheme : null,
          scheme: t.scheme,
          oldAmber: old ? old.amber : null,
          oldRed: old ? old.red : null,
          amber: t.bounds?.amber ?? null,
          red: t.bounds?.red ?? null,
          oldInLineBand: old ? old.in_line_band : null,
          inLineBand: t.inLineBand,
          rationale: t.rationale,
        },
      },
      new Date(t.setAt),
    );
  });
}
