import type { TargetOverride, TargetSet } from '../indicators/targets.js';
import type { Database } from './database.js';

interface Row {
  indicator_id: string;
  target: number | string | null;
  tolerance: number | string | null;
  tolerance_unit: 'points' | 'percent-of-target';
  kind: 'national' | 'local';
  scheme: 'target-tolerance' | 'thresholds' | 'improvement-aware' | 'none';
  amber: number | string | null;
  red: number | string | null;
  in_line_band: number | string | null;
}

/**
 * The targets an LA set on the dashboard for one financial year (the `targets` table, report.md §4 and §9),
 * as the engine's {@link TargetSet}: one override per indicator that has a row; null when the LA set none
 * (the catalogue's targets then apply). `cspi indicators` and `cspi report` use it when no `--targets` file
 * is given, so the CLI and the dashboard rate against the same targets.
 * @example await storedTargets(db, '841', '2021-22') //=> { la: '841', year: '2021-22', overrides: [{ indicator: 'assessments-45wd', target: 85, … }] }
 */
export async function storedTargets(
  db: Database,
  la: string,
  financialYear: string,
): Promise<TargetSet | null> {
  const rows = await db.all<Row>(
    'SELECT indicator_id, target, tolerance, tolerance_unit, kind, scheme, amber, red, in_line_band FROM targets WHERE la = ? AND financial_year = ? ORDER BY indicator_id',
    [la, financialYear],
  );
  if (rows.length === 0) return null;
  const overrides: TargetOverride[] = rows.map((r) => ({
    indicator: r.indicator_id,
    target: r.scheme === 'none' || r.target === null ? null : Number(r.target),
    tolerance: r.tolerance === null ? null : Number(r.tolerance),
    toleranceUnit: r.tolerance_unit === 'points' ? 'points' : 'percent',
    kind: r.kind,
    scheme: r.scheme,
    rating: null,
    bounds:
      r.scheme === 'thresholds' && r.amber !== null && r.red !== null
        ? { amber: Number(r.amber), red: Number(r.red) }
        : null,
    inLineBand: r.in_line_band === null ? null : Number(r.in_line_band),
  }));
  return { la, year: financialYear, overrides };
}
