import type { IsoDate } from '../../calendar/iso-date.js';
import { workingDaysBetween } from '../../calendar/working-days.js';
import type { IndicatorSettings } from '../types.js';

/**
 * wd(a, b) under the LA's `workingDays.count` setting (indicators.md §1.2): elapsed by default
 * (a < d ≤ b), or inclusive (a ≤ d ≤ b). "Within N" is always wd ≤ N.
 * @example wd(DEFAULT_SETTINGS, '2022-05-25', '2022-06-17') //=> 15
 */
export function wd(settings: IndicatorSettings, a: IsoDate, b: IsoDate): number {
  return workingDaysBetween(a, b, settings.workingDays);
}

/** "working days" phrase for member reasons: "16 working days" / "1 working day". */
export function workingDaysText(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}
