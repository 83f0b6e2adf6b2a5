import type { IsoDate } from '../../calendar/iso-date.js';
import { addMonths } from '../../calendar/add-months.js';
import type { LaDataset } from '../../model/la-dataset.js';
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

/**
 * Where the loaded referral history begins (indicators.md §1.3): the start of the earliest CIN census
 * year, or, when Ofsted Annex A List 3 supplies the referrals because no CIN census is loaded (inputs.md
 * §4), the earliest referral date it holds (the list covers a recent window only). Null when unknown.
 * @example referralHistoryStart(data) //=> '2019-04-01'
 */
export function referralHistoryStart(data: LaDataset): IsoDate | null {
  if (data.historyStart.cin !== null || !data.annexASupplied.has('cin-details')) return data.historyStart.cin;
  let first: IsoDate | null = null;
  for (const r of data.referrals) if (first === null || r.referralDate < first) first = r.referralDate;
  return first;
}
