import type { BreakdownRow } from '../types.js';

/**
 * Breakdowns by a child's characteristics (age, sex, ethnicity, team, legal status): each row is the
 * indicator's own figure for the children with that characteristic.
 */
export const CHARACTERISTIC_BREAKDOWNS: ReadonlySet<string> = new Set([
  'ageBand',
  'age',
  'sex',
  'ethnicity',
  'team',
  'legalStatus',
]);

/**
 * What a breakdown's rows are, which decides how a table shows them:
 * - `counts`: the number in each group, no denominators (cic-count by legal status).
 * - `rate`: the indicator's figure within each group (numerator of the group's own denominator), which can
 *   be compared with the LA's figure (the age, sex, ethnicity and team breakdowns; care leavers by age).
 * - `share`: the cohort divided into groups, every row out of the same denominator (ICPCs by time to
 *   conference, children in care by number of placements, referrals by source): each row's percentage is the
 *   group's share of the whole, not the indicator's figure for a group, so it is never compared with the LA.
 * - `composition`: groups each wholly in or out of the numerator, whose own denominators add up to the
 *   headline's (care leavers by activity, NEET being one activity): what the table shows is each group's size
 *   and share of the cohort; a row's "rate" is 0% or 100% by definition.
 * The characteristics are always `rate` (or `counts`), even when a small cohort happens to fall into groups
 * wholly in or out of the numerator.
 * @example breakdownShape('timing', [{ numerator: 52, denominator: 62 }, { numerator: 10, denominator: 62 }], 62) //=> 'share'
 */
export function breakdownShape(
  key: string,
  rows: readonly Pick<BreakdownRow, 'numerator' | 'denominator'>[],
  headlineDenominator: number | null,
): 'counts' | 'rate' | 'share' | 'composition' {
  if (rows.every((r) => r.denominator === null)) return 'counts';
  if (CHARACTERISTIC_BREAKDOWNS.has(key) || rows.some((r) => r.denominator === null)) return 'rate';
  const composition =
    headlineDenominator !== null &&
    headlineDenominator > 0 &&
    rows.reduce((a, r) => a + r.denominator!, 0) === headlineDenominator &&
    rows.every((r) => r.numerator === 0 || r.numerator === r.denominator);
  if (composition) return 'composition';
  return rows.every((r) => r.denominator === rows[0]!.denominator) ? 'share' : 'rate';
}
