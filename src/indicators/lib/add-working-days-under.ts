import type { IsoDate } from '../../calendar/iso-date.js';
import { type WorkingDayCount, addWorkingDays, isWorkingDay } from '../../calendar/working-days.js';

/**
 * The last date "within N working days" of a under the `workingDays.count` setting (indicators.md §1.2):
 * elapsed (default) gives addwd(a, N); inclusive counts a itself when it is a working day, so the
 * N-th counted day is addwd(a, N − 1) then, and addwd(a, N) otherwise.
 * @example addWorkingDaysUnder('2022-12-15', 10, 'elapsed') //=> '2023-01-03'
 * @example addWorkingDaysUnder('2022-12-15', 10, 'inclusive') //=> '2022-12-30'
 */
export function addWorkingDaysUnder(a: IsoDate, n: number, count: WorkingDayCount): IsoDate {
  if (count === 'inclusive' && isWorkingDay(a)) return addWorkingDays(a, n - 1);
  return addWorkingDays(a, n);
}
