import type { CpPlan } from '../../model/cin.js';

/**
 * Whether a CP plan ends before it starts: invalid dates under indicators.md §1.2 "End before start" (the
 * record leaves numerator and denominator, note `invalidDates`). Loading rejects such a plan (CIN-CPP-ORDER,
 * DfE 8925), so the measures meet it only in data that bypassed validation.
 * @example endsBeforeStart(cpPlan('p', 'A', '2022-01-10', '2021-12-01')) //=> true
 * @example endsBeforeStart(cpPlan('p', 'A', '2022-01-10', null)) //=> false
 */
export function endsBeforeStart(plan: CpPlan): boolean {
  return plan.endDate !== null && plan.endDate < plan.startDate;
}
