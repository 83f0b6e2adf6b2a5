/**
 * The Wilson score interval for x of n at 95% (report.md §4), in percentage points; null when n is 0.
 * @example wilson(160, 200) //=> [73.9, 85.0] (rounded)
 */
export function wilson(x: number, n: number, z = 1.96): [number, number] | null {
  if (n <= 0) return null;
  const p = x / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}
