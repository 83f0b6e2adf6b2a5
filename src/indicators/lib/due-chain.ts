import type { IsoDate } from '../../calendar/iso-date.js';
import { minDate } from '../../calendar/iso-date.js';

/** A qualifying event of a chain (a visit, review or health check) and the record it came from. */
export interface ChainEvent {
  readonly date: IsoDate;
  readonly id: string;
}

/** The parts of a due-event chain (indicators.md §1.6). */
export interface DueChainSpec {
  /** Start anchor a₀ (plan, placement or period-of-care start). */
  readonly start: IsoDate;
  /** `next(a, k)`: the k-th due date from anchor a (k = 1, 2, …); must be later than a. */
  readonly next: (anchor: IsoDate, k: number) => IsoDate;
  /** Qualifying events, in any order. */
  readonly events: readonly ChainEvent[];
  /** The chain closes on this date (plan, placement or period end); null while open. Dues on or after it are not counted. */
  readonly end: IsoDate | null;
  /** Extract date: dues after it are not counted. null = no as-at date (only `horizon` stops the chain). */
  readonly asAt: IsoDate | null;
  /** The last date anyone asks about (usually the period end e): dues after it are not produced. */
  readonly horizon: IsoDate;
  /** Names the chain in errors (indicators.md §1.2: a chain outside the holiday table names the child). */
  readonly subject?: string;
}

/** A chain whose timetable could not be computed (a date outside the bank holiday table). */
export class DueChainError extends Error {
  override readonly name = 'DueChainError';
}

/** One due of a chain, with what decided it. */
export interface Due {
  /** 1 for the first due after a₀. */
  readonly k: number;
  /** Due date D = next(anchor, k). */
  readonly due: IsoDate;
  /** The anchor a the due was measured from. */
  readonly anchor: IsoDate;
  readonly met: boolean;
  /**
   * Met: the latest event in (anchor, due], which becomes the next anchor. Missed: the earliest event in
   * (due, next(due, k + 1)] that restarts the clock, or null (the next anchor is then the due date).
   */
  readonly event: ChainEvent | null;
  /** The anchor of the next due. */
  readonly nextAnchor: IsoDate;
}

/**
 * Runs a due-event chain (indicators.md §1.6): from a = a₀ and k = 1, D = next(a, k); stop when the
 * chain is closed on D (end ≤ D) or D is after asAt (or the horizon); a due is met when an event falls
 * in (a, D], and a becomes the latest such event; otherwise it is missed and a becomes the earliest
 * event in (D, next(D, k + 1)], or D itself when there is none. An event on the anchor day does not
 * meet the next due; a late event restarts the clock but never meets a due.
 * @example
 * // indicators.md E6: CP plan 2022-12-15 to 2023-01-25, N = 10, visits on 4 and 18 January 2023.
 * runDueChain({ start: '2022-12-15', next: (a) => addWorkingDays(a, 10), events: [{ date: '2023-01-04', id: 'v1' }, { date: '2023-01-18', id: 'v2' }], end: '2023-01-25', asAt: null, horizon: '2023-03-31' })
 * //=> [{ k: 1, due: '2023-01-03', met: false, event: v1, … }, { k: 2, due: '2023-01-18', met: true, event: v2, … }]
 */
export function runDueChain(spec: DueChainSpec): Due[] {
  // Same-day events are ordered by id so the chosen event never depends on record order.
  const events = [...spec.events].sort((x, y) =>
    x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
  const stop = spec.asAt === null ? spec.horizon : minDate(spec.asAt, spec.horizon);
  const dues: Due[] = [];
  const next = (anchor: IsoDate, k: number): IsoDate => {
    try {
      return spec.next(anchor, k);
    } catch (err) {
      const what = spec.subject ?? 'a due-event chain';
      throw new DueChainError(`${what} anchored ${anchor}: ${(err as Error).message}`, { cause: err });
    }
  };
  let a = spec.start;
  // Events are sorted and the anchor only moves forward, so `i` is the first event later than a.
  let i = 0;
  for (let k = 1; ; k++) {
    const due = next(a, k);
    if (due <= a) throw new RangeError(`due-chain next() must move forward: ${a} → ${due}`);
    if ((spec.end !== null && spec.end <= due) || due > stop) break;
    while (i < events.length && events[i]!.date <= a) i++;
    let j = i;
    while (j < events.length && events[j]!.date <= due) j++;
    if (j > i) {
      const latest = events[j - 1]!;
      dues.push({ k, due, anchor: a, met: true, event: latest, nextAnchor: latest.date });
      a = latest.date;
      continue;
    }
    const restartBy = next(due, k + 1);
    const candidate = events[i];
    const restart = candidate !== undefined && candidate.date <= restartBy ? candidate : null;
    const nextAnchor = restart === null ? due : restart.date;
    dues.push({ k, due, anchor: a, met: false, event: restart, nextAnchor });
    a = nextAnchor;
  }
  return dues;
}
