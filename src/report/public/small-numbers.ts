/**
 * True when a count is small: 1 to k (zero is shown).
 * @example isSmall(3, 5) //=> true
 * @example isSmall(0, 5) //=> false
 */
export function isSmall(n: number | null | undefined, k: number): boolean {
  return n !== null && n !== undefined && n >= 1 && n <= k;
}

/**
 * Secondary suppression for a breakdown shown with its total (report.md §6): a lone suppressed cell forces
 * the next smallest cell (by `sizes`, non-zero first) to be suppressed too, so it cannot be worked out by
 * subtraction from the total.
 * @example secondarySuppression([20, 3, 40, 9], [false, true, false, false]) //=> [false, true, false, true]
 */
export function secondarySuppression(sizes: readonly number[], primary: readonly boolean[]): boolean[] {
  const out = [...primary];
  if (out.filter(Boolean).length !== 1) return out;
  let best = -1;
  for (let i = 0; i < sizes.length; i++) {
    if (out[i]) continue;
    const c = sizes[i]!;
    const b = best < 0 ? null : sizes[best]!;
    // Prefer non-zero cells: hiding a zero beside a small cell still lets the reader infer the small one.
    if (b === null || (b === 0 && c > 0) || (c > 0 && c < b)) best = i;
  }
  if (best >= 0) out[best] = true;
  return out;
}
