import { type IsoDate, parseIsoDate } from '../calendar/iso-date.js';
import { londonDate } from '../calendar/london-date.js';

/** Dates read from datetimes so far, by their `YYYY-MM-DD` text (null: not a real date). */
const dates = new Map<string, IsoDate | null>();

/**
 * {@link londonDate} for a local-extract `datetime` cell, with one shared string per date. A time written
 * without an offset (`2021-04-01T09:30`, `2021-04-01 09:30:00`: the usual cell) is already London time, so
 * its date is its first ten characters, checked once per distinct date rather than by a regular expression
 * per cell; anything else goes to londonDate. An extract repeats the same few thousand dates, and a record
 * that shares its date string leaves the garbage collector nothing to copy for it.
 * @example datetimeDate('2021-04-01T09:30') //=> '2021-04-01'
 * @example datetimeDate('2021-06-30T23:30:00Z') //=> '2021-07-01' (BST, via londonDate)
 */
export function datetimeDate(raw: string): IsoDate | null {
  const n = raw.length;
  if (n === 10 || ((n === 16 || n === 19) && isLocalTime(raw, n))) return sharedDate(raw.slice(0, 10));
  const d = londonDate(raw);
  return d === null ? null : sharedDate(d);
}

/** The one string kept for a date's text, or null when it is not a real `YYYY-MM-DD` date. */
function sharedDate(text: string): IsoDate | null {
  let d = dates.get(text);
  if (d === undefined) {
    if (dates.size >= 100_000) dates.clear();
    d = parseIsoDate(text);
    dates.set(text, d);
  }
  return d;
}

/** `YYYY-MM-DD[T ]hh:mm` (n 16) or `…:ss` (n 19) with a real time of day (what londonDate accepts). */
function isLocalTime(s: string, n: number): boolean {
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return false; // 'T' or ' '
  if (s.charCodeAt(13) !== 58 || (n === 19 && s.charCodeAt(16) !== 58)) return false; // ':'
  const h = twoDigits(s, 11);
  const m = twoDigits(s, 14);
  const sec = n === 19 ? twoDigits(s, 17) : 0;
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && sec >= 0 && sec <= 59;
}

/** The number written by two digits at i, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
