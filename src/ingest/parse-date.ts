import { type IsoDate, daysInMonth } from '../calendar/iso-date.js';

/** How a source writes dates: SSDA903 CSV `dd/mm/YYYY` (`d/m/YYYY` accepted), CIN and local `YYYY-MM-DD`. */
export type DateStyle = 'dmy' | 'iso' | 'dmy-or-iso';

/** A date cell read: a date, or why it is not one. */
export type DateRead =
  { readonly ok: true; readonly date: IsoDate } | { readonly ok: false; readonly reason: 'form' | 'unreal' };

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a date in the source's style; never month-first.
 * @example parseDate('4/5/2021', 'dmy') //=> { ok: true, date: '2021-05-04' }
 * @example parseDate('31/02/2022', 'dmy') //=> { ok: false, reason: 'unreal' }
 * @example parseDate('2022-02-01', 'dmy') //=> { ok: false, reason: 'form' }
 */
export function parseDate(text: string, style: DateStyle): DateRead {
  let y: number;
  let m: number;
  let d: number;
  const dmy = style !== 'iso' ? DMY.exec(text) : null;
  if (dmy) {
    d = Number(dmy[1]);
    m = Number(dmy[2]);
    y = Number(dmy[3]);
  } else {
    const iso = style !== 'dmy' ? ISO.exec(text) : null;
    if (!iso) return { ok: false, reason: 'form' };
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  }
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return { ok: false, reason: 'unreal' };
  return {
    ok: true,
    date: `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as IsoDate,
  };
}

/** How a date style is written in messages. */
export function dateStyleHint(style: DateStyle): string {
  return style === 'iso' ? 'YYYY-MM-DD' : style === 'dmy' ? 'dd/mm/yyyy' : 'dd/mm/yyyy or YYYY-MM-DD';
}

/** `2021-05-04` → `04/05/2021`, the way SSDA903 users read dates in messages. */
export function ukDate(d: IsoDate | string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
