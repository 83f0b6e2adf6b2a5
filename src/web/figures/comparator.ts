import { directionOfTravel } from '../../indicators/engine/direction.js';
import type { IndicatorResult } from '../../indicators/types.js';

/** A comparator the scorecard can be asked for (report.md §9); absent = each indicator's own. */
export type ChosenComparator = 'previous' | 'last-year';

export const COMPARATOR_LABELS: Readonly<Record<ChosenComparator, string>> = {
  previous: 'previous quarter',
  'last-year': 'same period last year',
};

/**
 * The comparator a request asks for (`?comparator=`), or null for each indicator's catalogue comparator.
 * @example chosenComparator('last-year') //=> 'last-year'
 */
export function chosenComparator(q: string | undefined): ChosenComparator | null {
  return q === 'previous' || q === 'last-year' ? q : null;
}

/**
 * A result with its direction of travel taken against the chosen comparator (report.md §9: "choose the
 * period, the comparator"), by the engine's own rule (`directionOfTravel`, §4) and its conditions: none for
 * an annual figure or when either figure is not an ordinary one. The catalogue's comparator gives the
 * result unchanged.
 * @example withComparator(result, 'last-year').direction //=> 'improved'
 */
export function withComparator(r: IndicatorResult, comparator: ChosenComparator): IndicatorResult {
  const against = comparator === 'last-year' ? r.lastYear : r.previous;
  const direction =
    r.basis === 'annual' || r.status !== 'ok' || !against || against.status !== 'ok'
      ? null
      : directionOfTravel(r.unit, r.polarity, against, r);
  return { ...r, direction };
}
