import { type IsoDate, dateParts } from './iso-date.js';

/**
 * Age in completed years at date `at` (indicators.md §1.2). A 29 February birthday falls on 1 March in
 * non-leap years, so the birthday has not yet come on 28 February.
 * @example ageAt('2006-01-01', '2021-12-31') //=> 15
 * @example ageAt('2005-12-31', '2021-12-31') //=> 16
 * @example ageAt('2004-02-29', '2021-02-28') //=> 16
 */
export function ageAt(dob: IsoDate, at: IsoDate): number {
  const [by, bm, bd] = dateParts(dob);
  const [ay, am, ad] = dateParts(at);
  let age = ay - by;
  // Comparing (month, day) directly treats 29 Feb as later than 28 Feb, so a leap-day birthday is
  // reached on 1 March in common years, as the spec says.
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}

/** The date of the n-th birthday (29 February → 1 March in common years). */
export function birthday(dob: IsoDate, n: number): IsoDate {
  const [by, bm, bd] = dateParts(dob);
  const y = by + n;
  if (bm === 2 && bd === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) {
    return `${String(y).padStart(4, '0')}-03-01` as IsoDate;
  }
  return `${String(y).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}` as IsoDate;
}
