import type { Basis } from '../../calendar/period.js';
import { parsePeriod, periodShortLabel } from '../../calendar/period.js';
import type { ComparisonFigure } from '../../indicators/types.js';
import { formatCount, monthYear, perCent } from '../model/format.js';
import type { NarrativeInput } from './narrative-input.js';
import { comparatorFigure } from './narrative-input.js';
import type { NarrativePlace } from './select-section.js';

/** "for the same period last year", "at the end of Q2 2021/22" or "in Q2 2021/22" (in-period figures). */
function comparatorWhen(input: NarrativeInput, cmp: ComparisonFigure, as: boolean): string {
  if (input.entry.directionComparator === 'last-year') return 'for the same period last year';
  const label = periodShortLabel(parsePeriod(cmp.period));
  if (input.result.basis === 'in-period') return `in ${label}`;
  return `${as ? 'as at' : 'at'} the end of ${label}`;
}

/** "the end of December 2020" for period-end counts, "Q3 2020/21" for counts within a period. */
function countReference(basis: Basis, cmp: ComparisonFigure): { ref: string; prep: string } {
  const p = parsePeriod(cmp.period);
  if (basis === 'in-period') return { ref: periodShortLabel(p), prep: 'in' };
  return { ref: `the end of ${monthYear(p.end)}`, prep: 'at' };
}

/**
 * The {trend} clause of report.md §5, with its own leading punctuation, or ''.
 *
 * Shown: always for counts ("a reduction when compared with the end of December 2020 (284)"), always for a
 * significant change (improved, worsened, up, down), and for "no significant change" only in areas for focus,
 * where members want the context (example 6); never in grouped sentences (example 7). Nothing when the
 * comparator is missing or suppressed.
 * @example trendClause(assessments, 'areas-for-focus') //=> ' and is similar to the 85.4 per cent for the same period last year'
 */
export function trendClause(
  input: NarrativeInput,
  place: NarrativePlace,
  positiveTarget: boolean,
  afterTarget = true,
): string {
  const clause = trendWords(input, place, positiveTarget);
  // "… which falls below the target and is lower than …" needs the target clause; without one the
  // comparison follows the opening directly: "… were made by schools, lower than the 22.6 per cent …".
  return afterTarget ? clause : clause.replace(/^ and is /, ', ');
}

/**
 * Whether a change that is not significant may read "similar to" (report.md §5 {trend}, example 6): only while
 * it is no more than a tenth of the figure compared with (the 10% of §4's default tolerance, taken of the earlier
 * figure): example 6's 85.4% to 80.0% (5.4 points, a tenth is 8.5) is "similar". A larger change that
 * Newcombe's interval cannot tell from noise (6.4% to 13.6% on 44 children) is not "similar": the clause says
 * which way it moved and that the change is "within normal variation", the scorecard key's words. Decided
 * reading (the spec calls every non-significant change "similar"; members read "similar" as "did not move").
 * Compared in thousandths of a point, as the rating is.
 * @example similarChange(80.0, 85.4) //=> true
 * @example similarChange(13.6, 6.4) //=> false
 */
export function similarChange(value: number, comparator: number): boolean {
  return Math.round(Math.abs(value - comparator) * 1000) <= Math.round(Math.abs(comparator) * 100);
}

function trendWords(input: NarrativeInput, place: NarrativePlace, positiveTarget: boolean): string {
  const r = input.result;
  const cmp = comparatorFigure(input);
  if (input.comparatorSuppressed || !cmp || cmp.value === null || cmp.status !== 'ok' || r.value === null) {
    return '';
  }
  if (r.unit === 'count') {
    const { ref, prep } = countReference(r.basis, cmp);
    const c = formatCount(cmp.value);
    if (r.value === cmp.value) return `, the same as ${prep} ${ref} (${c})`;
    return `, ${r.value < cmp.value ? 'a reduction' : 'an increase'} when compared with ${ref} (${c})`;
  }
  const c = perCent(cmp.value);
  switch (r.direction) {
    case 'no-significant-change':
      if (place !== 'areas-for-focus') return '';
      if (!similarChange(r.value, cmp.value)) {
        const way = r.value < cmp.value ? 'lower' : 'higher';
        return ` and is ${way} than the ${c} ${comparatorWhen(input, cmp, false)}, a change within normal variation`;
      }
      return ` and is similar to the ${c} ${comparatorWhen(input, cmp, false)}`;
    case 'no-change':
      return place === 'areas-for-focus'
        ? ` and is the same as the ${c} ${comparatorWhen(input, cmp, false)}`
        : '';
    case 'improved':
      if (positiveTarget) return `, an improvement on ${c} ${comparatorWhen(input, cmp, false)}`;
      return `; however, this was ${r.value < cmp.value ? 'a reduction' : 'an increase'} from ${c} ${comparatorWhen(input, cmp, true)}`;
    case 'worsened':
    case 'up':
    case 'down':
      return ` and is ${r.value < cmp.value ? 'lower' : 'higher'} than the ${c} ${comparatorWhen(input, cmp, false)}`;
    default:
      return '';
  }
}
