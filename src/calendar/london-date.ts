import { type IsoDate, parseIsoDate } from './iso-date.js';

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
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
  const instant = Date.parse(
    `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] === 'Z' ? 'Z' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
  );
  if (Number.isNaN(instant)) return null;
  return LONDON.format(instant) as IsoDate;
}
