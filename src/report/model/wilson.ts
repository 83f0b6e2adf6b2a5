/** Wilson score interval and Newcombe's interval for a difference of proportions (report.md §4). */

const Z = 1.96;

/**
 * Wilson score interval for x of n, as proportions in [0, 1].
 * @example wilsonInterval(16, 20) //=> [0.584, 0.919] (approximately)
 */
export function wilsonInterval(x: number, n: number, z = Z): readonly [number, number] {
  if (n <= 0) throw new RangeError('wilsonInterval needs n > 0');
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  // At 0/n and n/n the formula's ends are exactly 0 and 1; clamp rounding noise elsewhere.
  return [
    x === 0 ? 0 : Math.max(0, (centre - half) / denom),
    x === n ? 1 : Math.min(1, (centre + half) / denom),
  ];
}

/**
 * Newcombe's hybrid interval for d = p2 − p1 (later minus earlier), in proportion units.
 * @example newcombeDifference(16, 20, 14, 20) //=> [-0.349, 0.166] (approximately)
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): readonly [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1);
  const [l2, u2] = wilsonInterval(x2, n2);
  const d = p2 - p1;
  return [d - Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + Math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)];
}

/** True when Newcombe's interval for the change excludes 0. */
export function significantChange(x1: number, n1: number, x2: number, n2: number): boolean {
  const [lo, hi] = newcombeDifference(x1, n1, x2, n2);
  return lo > 0 || hi < 0;
}
