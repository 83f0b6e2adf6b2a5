import type { IsoDate } from '../calendar/iso-date.js';
import { financialYearContaining } from '../calendar/period.js';

/**
 * The collection year a message gives as its example of `--year`: the year a malformed `--year` plainly meant
 * (`2021/22`, `2021-2022`, `202122` → `2021-22`), else the collection year containing today (the one an
 * analyst is most likely at work on; never a fixed year that fits nothing).
 * @example collectionYearExample('2021/22', '2024-06-01') //=> '2021-22'
 * @example collectionYearExample(null, '2024-06-01') //=> '2024-25'
 */
export function collectionYearExample(given: string | null, today: IsoDate): string {
  const m = given?.trim().match(/^(\d{4})\s*[-/_–—]?\s*(\d{4}|\d{2})$/);
  if (m) {
    const start = Number(m[1]);
    const next = m[2]!.length === 4 ? Number(m[2]) : (start + 1) % 100 === Number(m[2]) ? start + 1 : 0;
    if (next === start + 1) return `${start}-${String(next).slice(2)}`;
  }
  return financialYearContaining(today).financialYear;
}

/**
 * Why `--year` is not a collection year (April to March, written `2021-22`: a year and the last two digits of
 * the next), or null when it is one. `2021-23` spans two years, so it is none.
 * @example collectionYearProblem('2021/22', '2024-06-01') //=> '--year 2021/22 is not a collection year: write it like 2021-22.'
 * @example collectionYearProblem('2021-22', '2024-06-01') //=> null
 */
export function collectionYearProblem(given: string, today: IsoDate): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(given);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return null;
  return `--year ${given} is not a collection year: write it like ${collectionYearExample(given, today)}.`;
}
