import type { IsoDate } from '../../calendar/iso-date.js';

/**
 * A date as members' reasons write it: `dd/mm/YYYY`.
 * @example ukDate('2021-08-02') //=> '02/08/2021'
 */
export function ukDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
