import { type IsoDate, addDays, dateParts, makeDate } from './iso-date.js';
import { addMonths } from './add-months.js';

/**
 * A reporting period: a financial year `2021-22` (1 April–31 March) or a quarter `2021-22-Q3`
 * (Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar). indicators.md §1.1.
 */
export interface Period {
  readonly id: string;
  readonly kind: 'quarter' | 'year';
  /** Financial year id, `2021-22`. */
  readonly financialYear: string;
  /** 1–4 for a quarter, null for a year. */
  readonly quarter: 1 | 2 | 3 | 4 | null;
  /** First day `s`. */
  readonly start: IsoDate;
  /** Last day `e`. */
  readonly end: IsoDate;
  /** 1 April of the financial year (`fy`). */
  readonly yearStart: IsoDate;
}

/** The period bases of indicators.md §1.1. */
export type Basis = 'in-period' | 'ytd' | 'snapshot' | 'rolling-12m' | 'annual';

/** A date window [start, end], both ends included. */
export interface DateWindow {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const PERIOD_RE = /^(\d{4})-(\d{2})(?:-Q([1-4]))?$/;

/** Why a period id was not understood, for CLI and web messages. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

/**
 * Parses `2021-22` or `2021-22-Q3`.
 * @example parsePeriod('2021-22-Q3') //=> { start: '2021-10-01', end: '2021-12-31', … }
 */
export function parsePeriod(id: string): Period {
  const m = PERIOD_RE.exec(id.trim());
  if (!m) {
    throw new PeriodError(
      `"${id}" is not a period: write a financial year as 2021-22 or a quarter as 2021-22-Q3`,
    );
  }
  const y = Number(m[1]);
  if ((y + 1) % 100 !== Number(m[2])) {
    throw new PeriodError(
      `"${id}" is not a financial year: ${y} is followed by ${String((y + 1) % 100).padStart(2, '0')}`,
    );
  }
  const fy = financialYearId(y);
  if (m[3] === undefined) return financialYear(y);
  return quarterOf(fy, Number(m[3]) as 1 | 2 | 3 | 4);
}

/** `2021-22` for the financial year starting 1 April 2021. */
export function financialYearId(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial year starting 1 April of `startYear`. */
export function financialYear(startYear: number): Period {
  return {
    id: financialYearId(startYear),
    kind: 'year',
    financialYear: financialYearId(startYear),
    quarter: null,
    start: makeDate(startYear, 4, 1),
    end: makeDate(startYear + 1, 3, 31),
    yearStart: makeDate(startYear, 4, 1),
  };
}

function quarterOf(fy: string, q: 1 | 2 | 3 | 4): Period {
  const y = Number(fy.slice(0, 4));
  const yearStart = makeDate(y, 4, 1);
  const start = addMonths(yearStart, (q - 1) * 3);
  const end = addDays(addMonths(start, 3), -1);
  return { id: `${fy}-Q${q}`, kind: 'quarter', financialYear: fy, quarter: q, start, end, yearStart };
}

/** The start year of the financial year containing d (April–March). */
export function financialYearStartOf(d: IsoDate): number {
  const [y, m] = dateParts(d);
  return m >= 4 ? y : y - 1;
}

/** The quarter containing d. */
export function quarterContaining(d: IsoDate): Period {
  const y = financialYearStartOf(d);
  const [, m] = dateParts(d);
  const q = (Math.floor(((m + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return quarterOf(financialYearId(y), q);
}

/** The financial year containing d. */
export function financialYearContaining(d: IsoDate): Period {
  return financialYear(financialYearStartOf(d));
}

/** The period of the same kind just before p (Q1 → previous year's Q4). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return financialYear(Number(p.financialYear.slice(0, 4)) - 1);
  return quarterContaining(addDays(p.start, -1));
}

/** The same quarter (or year) one year earlier. */
export function samePeriodLastYear(p: Period): Period {
  return parsePeriod(
    p.kind === 'year'
      ? financialYearId(Number(p.id.slice(0, 4)) - 1)
      : `${financialYearId(Number(p.id.slice(0, 4)) - 1)}-Q${p.quarter}`,
  );
}

/** The last n quarters ending with the quarter of p (oldest first); for a year, its Q4 and those before. */
export function trailingQuarters(p: Period, n: number): Period[] {
  let q = quarterContaining(p.end);
  const out: Period[] = [q];
  while (out.length < n) {
    q = previousPeriod(q);
    out.unshift(q);
  }
  return out;
}

/**
 * The window a basis reads (indicators.md §1.1), or null for `annual` outside a year end
 * (the indicator is then "reported annually"). `snapshot` is the single day e.
 * @example basisWindow(parsePeriod('2021-22-Q3'), 'rolling-12m') //=> { start: '2021-01-01', end: '2021-12-31' }
 */
export function basisWindow(p: Period, basis: Basis): DateWindow | null {
  switch (basis) {
    case 'in-period':
      return { start: p.start, end: p.end };
    case 'ytd':
      return { start: p.yearStart, end: p.end };
    case 'snapshot':
      return { start: p.end, end: p.end };
    case 'rolling-12m':
      return { start: addDays(addMonths(p.end, -12), 1), end: p.end };
    case 'annual':
      return isYearEnd(p) ? { start: p.yearStart, end: p.end } : null;
  }
}

/** True when the period ends on 31 March (a year or Q4). */
export function isYearEnd(p: Period): boolean {
  return p.end.endsWith('-03-31');
}

/** True when d lies in [w.start, w.end]. */
export function inWindow(d: IsoDate, w: DateWindow): boolean {
  return d >= w.start && d <= w.end;
}

/** "Quarter 3 2021/22" or "2021/22". */
export function periodLabel(p: Period): string {
  const fy = p.financialYear.replace('-', '/');
  return p.quarter ? `Quarter ${p.quarter} ${fy}` : fy;
}

/** "Q3 2021/22" or "2021/22". */
export function periodShortLabel(p: Period): string {
  const fy = p.financialYear.replace('-', '/');
  return p.quarter ? `Q${p.quarter} ${fy}` : fy;
}
