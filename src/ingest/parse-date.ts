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

/**
 * What a date that could not be read most likely is, and how to write it, for its message (a spreadsheet
 * rewrites dates: year first, dashes, Excel's day numbers, month first, two-digit years); '' when that is not
 * clear. `container` is where the text was read: an Excel day number in a CSV is fixed before saving it, in
 * a workbook's text cell by formatting the cell as a date.
 * @example dateHint('2010-10-20', 'dmy', 'form') //=> ' (it is year first: write 20/10/2010)'
 */
export function dateHint(
  raw: string,
  style: DateStyle,
  reason: 'form' | 'unreal',
  container: 'csv' | 'workbook' = 'csv',
): string {
  const t = raw.trim();
  const real = (y: string, m: string, d: string): IsoDate | null => {
    const r = parseDate(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, 'iso');
    return r.ok ? r.date : null;
  };
  const write = (d: IsoDate): string => (style === 'iso' ? d : ukDate(d));
  if (reason === 'form') {
    const timed = /^(\S+)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.exec(t);
    const dateAlone = timed ? parseDate(timed[1]!, style) : null;
    if (dateAlone?.ok) return ` (it has a time of day: write the date alone, ${write(dateAlone.date)})`;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    const isoDate = iso ? real(iso[1]!, iso[2]!, iso[3]!) : null;
    if (isoDate && style === 'dmy') return ` (it is year first: write ${write(isoDate)})`;
    const dmy = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(t);
    const dmyDate = dmy ? real(dmy[4]!, dmy[3]!, dmy[1]!) : null;
    if (dmyDate && style === 'iso') return ` (it is day first: write ${write(dmyDate)})`;
    if (dmyDate && style !== 'iso') return ` (write it with slashes: ${write(dmyDate)})`;
    if (/^\d{5}$/.test(t) && Number(t) >= 10000 && Number(t) < 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86400000).toISOString().slice(0, 10) as IsoDate;
      return container === 'csv'
        ? ` (it is an Excel date number, ${write(d)}: format the column as a date before saving the CSV)`
        : ` (it is an Excel date number, ${write(d)}, kept as text: format the cell as a date and enter the date again)`;
    }
    if (/^\d{1,2}([-/.])\d{1,2}\1\d{2}$/.test(t))
      return ` (write the year in full: ${style === 'iso' ? 'YYYY-MM-DD' : 'dd/mm/yyyy'})`;
    return '';
  }
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (dmy && style !== 'iso' && Number(dmy[2]) > 12) {
    const swapped = real(dmy[3]!, dmy[1]!, dmy[2]!);
    if (swapped)
      return ` (there is no month ${Number(dmy[2])}: dates are day first, so it may be ${write(swapped)})`;
  }
  return '';
}

/** How a date style is written in messages. */
export function dateStyleHint(style: DateStyle): string {
  return style === 'iso' ? 'YYYY-MM-DD' : style === 'dmy' ? 'dd/mm/yyyy' : 'dd/mm/yyyy or YYYY-MM-DD';
}

/** `2021-05-04` → `04/05/2021`, the way SSDA903 users read dates in messages. */
export function ukDate(d: IsoDate | string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
