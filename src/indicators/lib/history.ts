import type { IsoDate } from '../../calendar/iso-date.js';
import { addMonths } from '../../calendar/add-months.js';
import type { Note } from '../types.js';

/**
 * The note `historyIncomplete` for a look-back indicator (indicators.md §1.3) when the loaded history
 * begins later than `months` before the first day the figure reads, else null. An unknown start
 * (null) is not flagged.
 * @example historyIncomplete('2021-04-01', '2021-10-01', 12) //=> { code: 'historyIncomplete', detail: 'data begin 2021-04-01; needs from 2020-10-01' }
 */
export function historyIncomplete(
  historyStart: IsoDate | null,
  windowStart: IsoDate,
  months: number,
): Note | null {
  if (historyStart === null) return null;
  const needed = addMonths(windowStart, -months);
  if (historyStart <= needed) return null;
  return { code: 'historyIncomplete', detail: `data begin ${historyStart}; needs from ${needed}` };
}
