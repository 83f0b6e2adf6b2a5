import { type IsoDate, parseIsoDate } from './iso-date.js';

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  era: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const DATETIME_RE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reduces a local-extract `datetime` to its Europe/London calendar date (indicators.md §1.2,
 * inputs.md §5): a plain date stays as it is; a time without an offset is already London time;
 * a time with `Z` or `±hh:mm` is converted to London time first. Returns null if unreadable.
 * @example londonDate('2021-06-30T23:30:00Z') //=> '2021-07-01' (BST)
 * @example londonDate('2021-12-31T23:30:00Z') //=> '2021-12-31' (GMT)
 */
export function londonDate(text: string): IsoDate | null {
  const m = DATETIME_RE.exec(text.trim());
  if (!m) return null;
  const date = parseIsoDate(m[1]!);
  if (!date) return null;
  if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59)) return null;
  if (m[5] === undefined) return date;
  const instant = instantOf(m);
  if (Number.isNaN(instant)) return null;
  return londonDay(instant);
}

/** The instant a {@link DATETIME_RE} match with a time and an offset names (NaN if none). */
function instantOf(m: RegExpExecArray): number {
  const offset = m[5]!;
  return Date.parse(
    `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
  );
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A local-extract `datetime` as it reads in London (inputs.md §5), for messages: its {@link londonDate}, its
 * London time `hh:mm` (null for a plain date), and whether the text had an offset (`Z`, `±hh:mm`), i.e. whether
 * it was converted. Null if unreadable.
 * @example londonDateTime('2021-06-30T23:30:00Z') //=> { date: '2021-07-01', time: '00:30', converted: true }
 */
export function londonDateTime(
  text: string,
): { date: IsoDate; time: string | null; converted: boolean } | null {
  const date = londonDate(text);
  const m = DATETIME_RE.exec(text.trim());
  if (date === null || !m) return null;
  if (m[2] === undefined) return { date, time: null, converted: false };
  if (m[5] === undefined) return { date, time: `${m[2]}:${m[3]}`, converted: false };
  const instant = instantOf(m);
  return { date, time: LONDON_TIME.format(instant), converted: true };
}

/**
 * The London calendar date of an instant as `YYYY-MM-DD`, or null before year 1 or after 9999 (which ISO
 * dates here cannot write). Built from the formatter's parts: its text has no zero-padded year (`999-06-01`)
 * and shows a date before year 1 with an era (`2-12-31 BC` for `0000-01-01T00:00+01:00`).
 */
function londonDay(instant: number): IsoDate | null {
  let year = '';
  let month = '';
  let day = '';
  let era = '';
  for (const p of LONDON.formatToParts(instant)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
    else if (p.type === 'era') era = p.value;
  }
  if (era !== 'AD' || year.length > 4) return null;
  return parseIsoDate(`${year.padStart(4, '0')}-${month}-${day}`);
}

/** Today's date in England (Europe/London), the default `today` of an import or a check of `--year`. */
export function londonToday(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now) as IsoDate;
}
