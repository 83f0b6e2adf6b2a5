import type { IndicatorInput, Computation } from '../types.js';
import type { TableName } from '../../model/source.js';

/** Tables of `needed` that the dataset does not hold. */
export function missingTables(input: IndicatorInput, needed: readonly TableName[]): TableName[] {
  return needed.filter((t) => !input.data.tables.has(t));
}

/** The file a user must supply for a missing table, for "not available: needs cla_visits.csv". */
export function fileFor(table: TableName): string {
  switch (table) {
    case 'contacts':
    case 'cp-visits':
    case 'cla-visits':
    case 'allocations':
    case 'workers':
    case 'cla-health':
    case 'care-leavers':
    case 'placements-long-term':
    case 'postcodes':
    case 'strategy-discussions':
    case 'population':
      return `${table.replace(/-/g, '_')}.csv`;
    case 'cin-child':
    case 'cin-details':
    case 'assessments':
    case 'cin-plans':
    case 'section47':
    case 'cp-plans':
    case 'cp-reviews':
      return 'the CIN census';
    default:
      return `the SSDA903 ${table} table`;
  }
}

/** A "not available" computation naming what is needed. */
export function notAvailable(missing: readonly TableName[]): Computation {
  return {
    status: 'not-available',
    numerator: 0,
    denominator: null,
    members: [],
    notes: [{ code: 'notAvailable', detail: `needs ${[...new Set(missing.map(fileFor))].join(', ')}` }],
    missing: missing.map(fileFor),
  };
}
