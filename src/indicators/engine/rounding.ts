/**
 * Display rounding of indicators.md §1.7 and report.md §4, in integer arithmetic so that a value and its
 * rating never disagree through floating-point error.
 */

/** floor(a / b) for non-negative safe integers a and positive b, without floating-point division error. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * A percentage in tenths of a point, rounded half up: tenths = floor((2000·num + den) / (2·den)).
 * Returns null when the denominator is 0 (no eligible cases). indicators.md §1.7 says "half up" and report.md §4
 * "half away from zero": the same rule, as a percentage is never negative.
 * @example percentTenths(1, 8) //=> 125 (12.5%)
 * @example percentTenths(2, 3) //=> 667 (66.7%)
 */
export function percentTenths(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`a percentage needs whole non-negative counts: ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  return floorDiv(2000 * numerator + denominator, 2 * denominator);
}

/**
 * 100 × num/den rounded half up to one decimal place (indicators.md §1.7); null for a zero denominator.
 * @example roundedPercent(2, 4) //=> 50
 * @example roundedPercent(164, 205) //=> 80
 * @example roundedPercent(1, 0) //=> null
 */
export function roundedPercent(numerator: number, denominator: number): number | null {
  const t = percentTenths(numerator, denominator);
  return t === null ? null : t / 10;
}

/**
 * A rate per 10,000 rounded half up to a whole number; null without a population.
 * @example ratePer10000(271, 22435) //=> 121
 */
export function ratePer10000(count: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  if (!Number.isInteger(count) || !Number.isInteger(population) || count < 0) {
    throw new RangeError(`a rate needs whole non-negative counts: ${count}/${population}`);
  }
  return floorDiv(20000 * count + population, 2 * population);
}

/**
 * A decimal rounded to one place, half away from zero, for figures already known as decimals (means of
 * other LAs' values, interval ends). Works on the decimal text so 0.05 and 1.45 round up.
 * @example roundTenth(1.45) //=> 1.5
 * @example roundTenth(-34.94) //=> -34.9
 */
export function roundTenth(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const sign = x < 0 ? -1 : 1;
  const scaled = Math.abs(x) * 10;
  // Guard against 1.45 * 10 = 14.499999999999998 by nudging by a tiny relative epsilon.
  const r = Math.floor(scaled + 0.5 + scaled * 1e-12);
  const v = (sign * r) / 10;
  return v === 0 ? 0 : v;
}
