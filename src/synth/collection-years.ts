import { type Day, day, iso } from './day-calendar.js';

/** One collection (financial) year, 1 April to 31 March. */
export interface CollectionYear {
  /** `2021-22`. */
  readonly label: string;
  /** The year the collection ends, e.g. 2022 (the CIN census `Year`). */
  readonly endYear: number;
  readonly start: Day;
  /** 31 March. */
  readonly end: Day;
  /** min(31 March, extract date): nothing later appears in this year's statutory files. */
  readonly refDate: Day;
}

/** The collection year with the given end year (2022 → 2021-22), cut at the extract date. */
export function collectionYear(endYear: number, extract: Day): CollectionYear {
  const start = day(`${endYear - 1}-04-01`);
  const end = day(`${endYear}-03-31`);
  return {
    label: `${endYear - 1}-${String(endYear % 100).padStart(2, '0')}`,
    endYear,
    start,
    end,
    refDate: Math.min(end, extract),
  };
}

/**
 * The `count` collection years ending with the one containing the extract date, oldest first.
 * @example collectionYears(day('2022-03-31'), 2).map((y) => y.label) //=> ['2020-21', '2021-22']
 */
export function collectionYears(extract: Day, count: number): CollectionYear[] {
  const s = iso(extract);
  const y = Number(s.slice(0, 4));
  const lastEnd = Number(s.slice(5, 7)) >= 4 ? y + 1 : y;
  const out: CollectionYear[] = [];
  for (let e = lastEnd - count + 1; e <= lastEnd; e++) out.push(collectionYear(e, extract));
  return out;
}

/** End year of the collection year containing d (2021-06-01 → 2022). */
export function endYearOf(d: Day): number {
  const s = iso(d);
  const y = Number(s.slice(0, 4));
  return Number(s.slice(5, 7)) >= 4 ? y + 1 : y;
}
