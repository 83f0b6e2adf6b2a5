import type { IsoDate } from '../../calendar/iso-date.js';
import { type WorkingDayCount, addWorkingDays, isWorkingDay } from '../../calendar/working-days.js';

/** Answers already computed, by count convention and N, then by date (due chains ask the same dates again and again). */
const memo = new Map<string, Map<IsoDate, IsoDate>>();

/**
 * The last date "within N working days" of a under the `workingDays.count` setting (indicators.md §1.2):
 * elapsed (default) gives addwd(a, N); inclusive counts a itself when it is a working day, so the
 * N-th counted day is addwd(a, N − 1) then, and addwd(a, N) otherwise. Memoised (the bank holiday table
 * is fixed for the life of the process).
 * @example addWorkingDaysUnder('2022-12-15', 10, 'elapsed') //=> '2023-01-03'
 * @example addWorkingDaysUnder('2022-12-15', 10, 'inclusive') //=> '2022-12-30'
 */
export function addWorkingDaysUnder(a: IsoDate, n: number, count: WorkingDayCount): IsoDate {
  const key = `${count}|${n}`;
  let byDate = memo.get(key);
  if (!byDate) {
    byDate = new Map();
    memo.set(key, byDate);
  }
  let d = byDate.get(a);
  if (d === undefined) {
    d = count === 'inclusive' && isWorkingDay(a) ? addWorkingDays(a, n - 1) : addWorkingDays(a, n);
    byDate.set(a, d);
  }
  return d;
}
