import type { IsoDate } from '../../calendar/iso-date.js';
import { financialYear, financialYearId, financialYearStartOf } from '../../calendar/period.js';

/** How many times each date occurs. */
export type DateCounts = ReadonlyMap<IsoDate, number>;

/**
 * The dates of an SSDA903 set that tell its collection year (rows rejected as GEN-FUTURE or GEN-PAST left
 * out), each with how often it occurs: a set of 100,000 episodes has a few thousand distinct dates, so the year
 * is found from those, not from every row's.
 */
export interface Ssda903SetDates {
  /** Episode start dates (DECOM): an episode open at the year's start began in an earlier year. */
  readonly starts: DateCounts;
  /** Episode end dates (DEC) and review dates (REVIEW): in a year's return, all in that year. */
  readonly inYear: DateCounts;
}

/** Adds one to a date's count. */
export function countDate(counts: Map<IsoDate, number>, d: IsoDate): void {
  counts.set(d, (counts.get(d) ?? 0) + 1);
}

/** A set's collection year and as-at date. */
export interface Ssda903SetYear {
  /** `2021-22`. */
  readonly year: string;
  /**
   * The latest DECOM, DEC or REVIEW up to the year's end: a date after it (`903-YEAR-END`) does not extend what
   * the set covers. Null for a set without dates (its year given).
   */
  readonly asAt: IsoDate | null;
}

/**
 * The collection year of an SSDA903 set (inputs.md §1.1) and its as-at date: `given` (`--year`) if set, else
 * the year its dates fit best; null when neither tells it.
 *
 * Reading taken (§1.1 says "the financial year containing the latest DECOM, DEC or REVIEW date in the set"):
 * the year the set's dates fit best. A year's return holds the episodes open during the year, so its DEC and
 * REVIEW dates lie in the year and no date lies after its end; a DECOM may lie years before. Each year that
 * holds a date scores its DEC and REVIEW dates inside it less every date after its end; the highest score wins,
 * the later year on a tie. Without late dates that is the year of the latest date, as §1.1 says; but one late
 * or typo DEC (or a few April dates in a return extracted after its year end) no longer moves a whole 2021-22
 * return to 2022-23, replacing a stored 2022-23 return whole: the set stays 2021-22 and those dates are
 * flagged `903-YEAR-END` ("after collection year end", §6). An in-year extract (only the current year's ends and
 * reviews) still takes its own year, however few its dates.
 * @example ssda903CollectionYear({ starts: new Map([['2021-05-01', 1]]), inYear: new Map([['2021-12-01', 2], ['2022-05-01', 1]]) }) //=> { year: '2021-22', asAt: '2021-12-01' }
 */
export function ssda903CollectionYear(
  dates: Ssda903SetDates,
  given: string | null = null,
): Ssda903SetYear | null {
  const startYear = given !== null ? Number(given.slice(0, 4)) : bestFitYear(dates);
  if (startYear === null || !Number.isInteger(startYear))
    return given !== null ? { year: given, asAt: null } : null;
  const end = financialYear(startYear).end;
  let within: IsoDate | null = null;
  let latest: IsoDate | null = null;
  for (const counts of [dates.starts, dates.inYear])
    for (const d of counts.keys()) {
      if (latest === null || d > latest) latest = d;
      if (d <= end && (within === null || d > within)) within = d;
    }
  // A given year may hold none of the dates: the set's latest date then.
  return { year: given ?? financialYearId(startYear), asAt: within ?? latest };
}

/** The start year of the financial year a set's dates fit best (see {@link ssda903CollectionYear}); null without dates. */
function bestFitYear(dates: Ssda903SetDates): number | null {
  // Counts per financial year (by its start year): every date, and the DEC and REVIEW dates.
  const all = new Map<number, number>();
  const inYear = new Map<number, number>();
  for (const [d, n] of dates.starts) addTo(all, financialYearStartOf(d), n);
  for (const [d, n] of dates.inYear) {
    const y = financialYearStartOf(d);
    addTo(all, y, n);
    addTo(inYear, y, n);
  }
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const y of [...all.keys()].sort((a, b) => a - b)) {
    let after = 0;
    for (const [z, n] of all) if (z > y) after += n;
    const score = (inYear.get(y) ?? 0) - after;
    if (score >= bestScore) {
      best = y;
      bestScore = score;
    }
  }
  return best;
}

function addTo(m: Map<number, number>, y: number, n: number): void {
  m.set(y, (m.get(y) ?? 0) + n);
}
