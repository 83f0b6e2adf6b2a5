import type { IsoDate } from '../../calendar/iso-date.js';
import { makeDate } from '../../calendar/iso-date.js';
import { financialYearId } from '../../calendar/period.js';

/**
 * First day of a collection year (April–March).
 * @example collectionYearStart('2021-22') //=> '2021-04-01'
 */
export function collectionYearStart(year: string): IsoDate {
  return makeDate(Number(year.slice(0, 4)), 4, 1);
}

/**
 * Last day (31 March) of a collection year.
 * @example collectionYearEnd('2021-22') //=> '2022-03-31'
 */
export function collectionYearEnd(year: string): IsoDate {
  return makeDate(Number(year.slice(0, 4)) + 1, 3, 31);
}

/**
 * The collection year after `year`.
 * @example nextCollectionYear('2021-22') //=> '2022-23'
 */
export function nextCollectionYear(year: string): string {
  return financialYearId(Number(year.slice(0, 4)) + 1);
}
