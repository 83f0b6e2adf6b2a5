import { wilson } from './wilson.js';

/** The difference d = p₂ − p₁ of two proportions with its 95% interval, as fractions. */
export interface DifferenceInterval {
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Newcombe's hybrid score interval for the change from x1/n1 (earlier) to x2/n2 (later), from the two
 * Wilson intervals (report.md §4): [d − √((p₂−l₂)² + (u₁−p₁)²), d + √((u₂−p₂)² + (p₁−l₁)²)].
 * Null when either denominator is 0.
 * @example newcombe(16, 20, 14, 20) //=> { difference: -0.1, lower: -0.349…, upper: 0.166… }
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number): DifferenceInterval | null {
  const a = wilson(x1, n1);
  const b = wilson(x2, n2);
  if (!a || !b) return null;
  const d = b.p - a.p;
  return {
    difference: d,
    lower: d - Math.sqrt((b.p - b.lower) ** 2 + (a.upper - a.p) ** 2),
    upper: d + Math.sqrt((b.upper - b.p) ** 2 + (a.p - a.lower) ** 2),
  };
}

/** True when the change is not significant at 95%: the Newcombe interval includes 0. */
export function includesZero(i: DifferenceInterval): boolean {
  return i.lower <= 0 && i.upper >= 0;
}
