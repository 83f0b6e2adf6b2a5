import { ageAt } from '../../calendar/age.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { Child } from '../../model/child.js';
import { breakdownRow } from './breakdown.js';
import type { BreakdownRow, Member } from '../types.js';

/** One breakdown cell's key and label. */
export interface Cell {
  readonly key: string;
  readonly label: string;
}

/**
 * Groups members into breakdown rows by a cell function. For a percentage each row has the cell's
 * numerator (members in the numerator), denominator (all its members) and rounded %; for a count
 * (`unit = count`) the value is the count and the denominator null. Rows follow `order` (cells not in
 * it come after, sorted by key); empty cells in `order` are kept so the table has every row.
 * @example breakdownBy(members, (m) => ({ key: 'F', label: 'Female' }), 'percent')
 */
export function breakdownBy(
  members: readonly Member[],
  cellOf: (m: Member) => Cell,
  unit: 'percent' | 'count',
  order: readonly Cell[] = [],
): BreakdownRow[] {
  const tally = new Map<string, { label: string; num: number; den: number }>();
  for (const c of order) tally.set(c.key, { label: c.label, num: 0, den: 0 });
  for (const m of members) {
    const c = cellOf(m);
    const t = tally.get(c.key) ?? { label: c.label, num: 0, den: 0 };
    t.den += 1;
    if (m.inNumerator) t.num += 1;
    tally.set(c.key, t);
  }
  const known = new Set(order.map((c) => c.key));
  const keys = [...order.map((c) => c.key), ...[...tally.keys()].filter((k) => !known.has(k)).sort()];
  return keys.map((key) => {
    const t = tally.get(key)!;
    return unit === 'count'
      ? { key, label: t.label, numerator: t.num, denominator: null, value: t.num }
      : breakdownRow(key, t.label, t.num, t.den);
  });
}

/** The DfE CLA age bands at a date. */
export const AGE_BANDS: readonly Cell[] = [
  { key: 'under-1', label: 'Under 1' },
  { key: '1-4', label: '1 to 4' },
  { key: '5-9', label: '5 to 9' },
  { key: '10-15', label: '10 to 15' },
  { key: '16-plus', label: '16 and over' },
  { key: 'unknown', label: 'Age not known' },
];

/**
 * The DfE CLA age band of a child on d.
 * @example ageBand('2006-01-01', '2021-12-31') //=> { key: '10-15', label: '10 to 15' }
 */
export function ageBand(dob: IsoDate | null, d: IsoDate): Cell {
  if (dob === null) return AGE_BANDS[5];
  const age = ageAt(dob, d);
  if (age < 1) return AGE_BANDS[0];
  if (age < 5) return AGE_BANDS[1];
  if (age < 10) return AGE_BANDS[2];
  if (age < 16) return AGE_BANDS[3];
  return AGE_BANDS[4];
}

const SEX_CELLS: readonly Cell[] = [
  { key: 'M', label: 'Male' },
  { key: 'F', label: 'Female' },
  { key: 'U', label: 'Not known' },
];

/** Sex cell; a missing child or blank sex is "Not known". */
export function sexCell(child: Child | undefined): Cell {
  if (child === undefined || child.sex === null) return SEX_CELLS[2];
  return SEX_CELLS.find((c) => c.key === child.sex) ?? SEX_CELLS[2];
}

/** Ethnicity cell by code (WBRI …); blank is "Not recorded". */
export function ethnicityCell(child: Child | undefined): Cell {
  const code = child?.ethnicity ?? null;
  return code === null ? { key: 'not-recorded', label: 'Not recorded' } : { key: code, label: code };
}

/**
 * The standard child breakdowns of a snapshot figure: age band (at d), sex and ethnicity.
 * @example childBreakdowns(members, input.childrenById, e, 'percent').sex[0] //=> { key: 'M', … }
 */
export function childBreakdowns(
  members: readonly Member[],
  childrenById: ReadonlyMap<string, Child>,
  d: IsoDate,
  unit: 'percent' | 'count',
  ageCell: (dob: IsoDate | null, d: IsoDate) => Cell = ageBand,
  ageOrder: readonly Cell[] = AGE_BANDS,
): Record<'ageBand' | 'sex' | 'ethnicity', BreakdownRow[]> {
  return {
    ageBand: breakdownBy(
      members,
      (m) => ageCell(childrenById.get(m.childId)?.dob ?? null, d),
      unit,
      ageOrder,
    ),
    sex: breakdownBy(members, (m) => sexCell(childrenById.get(m.childId)), unit, SEX_CELLS),
    ethnicity: breakdownBy(members, (m) => ethnicityCell(childrenById.get(m.childId)), unit),
  };
}
