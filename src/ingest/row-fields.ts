import type { IsoDate } from '../calendar/iso-date.js';
import { datetimeDate } from './datetime-date.js';
import { ownString } from './own-string.js';
import type { FileSink } from './file-sink.js';
import { type DateRead, type DateStyle, dateHint, dateStyleHint, parseDate } from './parse-date.js';

/** How {@link RowFields.date} checks a date cell. */
export interface DateOptions {
  /** Blank is GEN-REQUIRED (or `code`), an error. */
  readonly required?: boolean;
  /** Of an invalid date (default error). */
  readonly severity?: 'error' | 'warning';
  /** The issue code of an invalid or missing date (default GEN-DATE, GEN-REQUIRED). */
  readonly code?: string;
  readonly dfeRule?: string;
}

/** The default {@link DateOptions}, one object (a `= {}` default would be a new one per call). */
const NO_DATE_OPTIONS: DateOptions = {};

/**
 * Reads the fields of one row (or XML element) for a mapper: blank → null, dates and flags checked. Problems
 * become issues naming the file, position, field and value; an `error` marks the row rejected.
 */
export class RowFields {
  rejected = false;

  /**
   * @param where How messages name the row; null for `<file> <position>` (`episodes.csv line 90`), a function
   * for text only worth building when there is an issue.
   */
  constructor(
    private readonly sink: FileSink,
    /** Table label for counts and issues (`Episodes`, `CINdetails`). */
    readonly label: string,
    /** The row's position (`line 90`); {@link nextRow} moves it on. */
    public position: string,
    public childId: string | null,
    /** `episodes.csv line 90` or `cin.xml /Message/…/CINdetails[2] (line 881)`. */
    private readonly whereText: string | null | (() => string),
    /** What is not loaded on an error: `this row`, `this CINdetails and everything in it`. */
    readonly unit: string = 'this row',
  ) {}

  /**
   * Starts the next row, at `position`, with no child id and nothing rejected: a reader whose rows are named
   * as `<file> <position>` can give one RowFields every row of a file instead of a new object per row.
   */
  nextRow(position: string): this {
    this.position = position;
    this.childId = null;
    this.rejected = false;
    return this;
  }

  /** How messages name the row: `episodes.csv line 90`, `cin.xml /Message/…/CINdetails[2] (line 881)`. */
  get where(): string {
    const w = this.whereText;
    return w === null ? `${this.sink.file} ${this.position}` : typeof w === 'string' ? w : w();
  }

  /** The position an issue names: the row's (a reader that writes it only when there is an issue overrides this). */
  protected get issuePosition(): string {
    return this.position;
  }

  /** Records an issue; errors reject the row. */
  issue(
    code: string,
    severity: 'error' | 'warning' | 'query',
    field: string | null,
    value: string | null,
    message: string,
    dfeRule: string | null = null,
  ): void {
    if (severity === 'error') this.rejected = true;
    const tail = severity === 'error' ? `; ${this.unit} was not loaded.` : '.';
    this.sink.issue({
      code,
      severity,
      table: this.label,
      position: this.issuePosition,
      childId: this.childId,
      field,
      value,
      dfeRule,
      message: `${this.where}: ${message}${tail}`,
    });
  }

  /** A required value: blank is GEN-REQUIRED (error). */
  required(
    field: string,
    raw: string | null,
    code = 'GEN-REQUIRED',
    dfeRule: string | null = null,
  ): string | null {
    if (raw === null) this.issue(code, 'error', field, null, `${field} is blank but required`, dfeRule);
    return raw;
  }

  /** A date in the source's style; invalid is GEN-DATE (error unless `severity` says otherwise). */
  date(
    field: string,
    raw: string | null,
    style: DateStyle,
    opts: DateOptions = NO_DATE_OPTIONS,
  ): IsoDate | null {
    if (raw === null) {
      if (opts.required) this.required(field, raw, opts.code ?? 'GEN-REQUIRED', opts.dfeRule ?? null);
      return null;
    }
    const r = cachedDate(raw, style);
    if (r.ok) return r.date;
    const what = `${
      r.reason === 'unreal' ? 'is not a real date' : `is not a date written ${dateStyleHint(style)}`
    }${dateHint(raw, style, r.reason)}`;
    const severity = opts.severity ?? 'error';
    this.issue(
      opts.code ?? 'GEN-DATE',
      severity,
      field,
      raw,
      `${field} '${raw}' ${what}${severity === 'warning' ? ' (ignored)' : ''}`,
      opts.dfeRule ?? null,
    );
    return null;
  }

  /** A local `datetime` reduced to its Europe/London date (inputs.md §5). */
  datetime(field: string, raw: string | null, required: boolean): IsoDate | null {
    if (raw === null) {
      if (required) this.required(field, raw);
      return null;
    }
    const d = datetimeDate(raw);
    if (d === null) {
      this.issue(
        'GEN-DATE',
        'error',
        field,
        raw,
        `${field} '${raw}' is not a date or date-time (write YYYY-MM-DD or YYYY-MM-DDThh:mm)`,
      );
    }
    return d;
  }

  /** A yes/no flag: `1/0`, `Y/N`, `yes/no`, `true/false`; anything else is GEN-CODE (warning, read as blank). */
  bool(field: string, raw: string | null, required = false): boolean | null {
    if (raw === null) {
      if (required) this.required(field, raw);
      return null;
    }
    const v = raw.toLowerCase();
    if (v === '1' || v === 'y' || v === 'yes' || v === 'true') return true;
    if (v === '0' || v === 'n' || v === 'no' || v === 'false') return false;
    this.issue(
      'GEN-CODE',
      required ? 'error' : 'warning',
      field,
      raw,
      `${field} '${raw}' is not yes/no (1/0, Y/N, true/false)${required ? '' : '; read as blank'}`,
    );
    return null;
  }

  /** A whole number in a range; anything else is GEN-CODE (warning, read as blank). */
  int(field: string, raw: string | null, min: number, max: number): number | null {
    if (raw === null) return null;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.issue(
        'GEN-CODE',
        'warning',
        field,
        raw,
        `${field} '${raw}' is not a whole number from ${min} to ${max}; read as blank`,
      );
      return null;
    }
    return Number(raw);
  }
}

/** A trimmed cell, blank = null, as a string of its own ({@link ownString}). */
export function cell(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const n = raw.length;
  if (n === 0) return null;
  // Printable ASCII at both ends: nothing to trim (the usual cell), so no trim call.
  const a = raw.charCodeAt(0);
  const b = raw.charCodeAt(n - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return ownString(raw);
  const t = raw.trim();
  return t === '' ? null : ownString(t);
}

/** Dates read so far, by style: a return repeats the same few thousand dates, so each is parsed once. */
const dateCache: Record<DateStyle, Map<string, DateRead>> = {
  dmy: new Map(),
  iso: new Map(),
  'dmy-or-iso': new Map(),
};

function cachedDate(raw: string, style: DateStyle): DateRead {
  const cache = dateCache[style];
  let r = cache.get(raw);
  if (r === undefined) {
    if (cache.size >= 100_000) cache.clear();
    r = parseDate(raw, style);
    cache.set(raw, r);
  }
  return r;
}
