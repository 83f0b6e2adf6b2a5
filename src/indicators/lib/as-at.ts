import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { TableName } from '../../model/source.js';

export const CIN_TABLES: ReadonlySet<TableName> = new Set([
  'cin-child',
  'cin-details',
  'assessments',
  'cin-plans',
  'section47',
  'cp-plans',
  'cp-reviews',
]);
export const SSDA903_TABLES: ReadonlySet<TableName> = new Set([
  'header',
  'episodes',
  'reviews',
  'uasc',
  'oc2',
  'oc3',
  'ad1',
  'placed-adoption',
  'prev-perm',
  'missing',
  'sw-episodes',
  'dolo',
]);

/**
 * The as-at date for figures drawn from `tables` (indicators.md §1.8): the earliest of the as-at dates
 * of their sources (CIN, SSDA903, each local event file). Reference files have none. Null when none is known.
 * @example asAtFor(data, ['cp-plans', 'cp-visits']) //=> the earlier of the CIN and cp_visits as-at dates
 */
export function asAtFor(data: LaDataset, tables: readonly TableName[]): IsoDate | null {
  let out: IsoDate | null = null;
  const take = (d: IsoDate | null | undefined): void => {
    if (d && (out === null || d < out)) out = d;
  };
  for (const t of tables) {
    if (CIN_TABLES.has(t)) take(data.asAt.cin);
    else if (SSDA903_TABLES.has(t)) take(data.asAt.ssda903);
    else take(data.asAt.local[t]);
  }
  return out;
}
