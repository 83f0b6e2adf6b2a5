import type { Basis, Period } from '../../calendar/period.js';
import { periodShortLabel } from '../../calendar/period.js';
import { monthYear } from '../model/format.js';

/**
 * The {when} phrase of report.md §5 by basis: "during Q3" (in-period), "by the end of Q3" (ytd),
 * "as of December 2021" (snapshot), "in the 12 months to December 2021" (rolling-12m).
 * `embedded` is the form used where a catalogue phrase places {when} inside its own words
 * ("of the children referred {when} had been…" → "during this quarter"); a year-to-date one reads "so far this
 * year" in Q1 to Q3 and "during 2021/22" in Q4, when the year to date is the year (decided reading).
 * @example whenPhrase('ytd', parsePeriod('2021-22-Q3')) //=> 'by the end of Q3'
 */
export function whenPhrase(basis: Basis, period: Period, embedded = false): string {
  const q = period.quarter ? `Q${period.quarter}` : periodShortLabel(period);
  switch (basis) {
    case 'in-period':
      if (embedded) return period.quarter ? 'during this quarter' : 'during the year';
      return `during ${q}`;
    case 'ytd':
      // At the year end the year to date is the year's outturn: "during 2021/22", not "so far this year".
      if (embedded) {
        if (period.quarter === 4) return `during ${period.financialYear.replace('-', '/')}`;
        return period.quarter ? 'so far this year' : 'during the year';
      }
      return period.quarter ? `by the end of ${q}` : `during ${q}`;
    case 'snapshot':
      return `as of ${monthYear(period.end)}`;
    case 'rolling-12m':
      return `in the 12 months to ${monthYear(period.end)}`;
    case 'annual':
      return `during ${periodShortLabel(period)}`;
  }
}
