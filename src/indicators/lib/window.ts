import { type DateWindow, basisWindow } from '../../calendar/period.js';
import type { ComputeContext } from '../types.js';

/**
 * The date window the context's basis reads (indicators.md §1.1). The engine never calls a compute
 * function for an `annual` basis outside a year end, so a null window here is a programming error.
 */
export function windowOf(ctx: ComputeContext): DateWindow {
  const w = basisWindow(ctx.period, ctx.basis);
  if (!w) throw new Error(`no window for basis ${ctx.basis} in ${ctx.period.id}`);
  return w;
}
