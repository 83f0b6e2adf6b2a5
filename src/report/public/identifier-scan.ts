import { type IsoDate, makeDate, parseIsoDate } from '../../calendar/iso-date.js';
import type { RenderModel } from '../model/render-model.js';
import { type DatasetIdentifiers, TOKEN } from './dataset-identifiers.js';

/** A child-level identifier found in a public output: its rule and where, never the value itself. */
export interface IdentifierHit {
  readonly code: 'PUB-CHILD-ID' | 'PUB-DOB' | 'PUB-POSTCODE' | 'PUB-WORKER';
  /** 1-based line of the output's text. */
  readonly line: number;
  /** What was found, in words that never hold the value: "a child identifier of the dataset". */
  readonly what: string;
}

/** What the report prints of its own that could read as an identifier: its figures and its dates. */
export interface ReportOwn {
  /** Every number of the model's data rows, as written in the CSV and JSON ("1234", "92.1"). */
  readonly figures: ReadonlySet<string>;
  /** Dates the report prints legitimately beyond quarter boundaries (see {@link reportOwnDates}). */
  readonly dates: ReadonlySet<IsoDate>;
}

interface Token {
  /** Upper-cased. */
  readonly w: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    'JANUARY',
    'FEBRUARY',
    'MARCH',
    'APRIL',
    'MAY',
    'JUNE',
    'JULY',
    'AUGUST',
    'SEPTEMBER',
    'OCTOBER',
    'NOVEMBER',
    'DECEMBER',
  ].flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1], ...(m === 'SEPTEMBER' ? [['SEPT', 9]] : [])]),
);

/** The first and last days of the quarters: every period start and end a report prints (1 April, 31 March, …). */
const QUARTER_BOUNDARIES = new Set(['04-01', '06-30', '07-01', '09-30', '10-01', '12-31', '01-01', '03-31']);

const NUMERIC = /^\d+$/;

function tokensOf(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(TOKEN)) {
    out.push({ w: m[0].toUpperCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const SPACE_OR_APOSTROPHE = /^(?:[ \t\u00a0]+|['\u2019])$/;

/** Two tokens read as one phrase: only spaces (or an apostrophe, "O'Brien") between them, no comma, cell or line. */
function joined(line: string, a: Token, b: Token): boolean {
  if (b.start - a.end === 1) {
    const c = line.charCodeAt(a.end);
    return c === 32 || c === 9 || c === 0xa0 || c === 39 || c === 0x2019;
  }
  return SPACE_OR_APOSTROPHE.test(line.slice(a.end, b.start));
}

function safeDate(y: number, m: number, d: number): IsoDate | null {
  try {
    return makeDate(y, m, d);
  } catch {
    return null;
  }
}

/**
 * A date written at token `i`: "2015-03-04" (exactly, a timestamp such as "2022-01-20T10:00:00Z" is none),
 * "04/03/2015", "4-3-2015", "4.3.2015" (day first, as in England) or "4 March 2015" / "4th Mar 2015".
 */
export function dateAt(line: string, toks: readonly Token[], i: number): IsoDate | null {
  const t = toks[i]!.w;
  const iso = parseIsoDate(t);
  if (iso) return iso;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return safeDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const day = /^(\d{1,2})(?:ST|ND|RD|TH)?$/.exec(t);
  const month = toks[i + 1];
  const year = toks[i + 2];
  if (!day || !month || !year || !joined(line, toks[i]!, month) || !joined(line, month, year)) return null;
  const m = MONTHS[month.w];
  if (!m || !/^\d{4}$/.test(year.w)) return null;
  return safeDate(Number(year.w), m, Number(day[1]));
}

/**
 * Dates a public report prints of its own, which the DOB rule never flags (report.md §6, the reading of
 * "dates of birth"): the meta's generation (publication) and meeting dates; the dataset's extract and import
 * dates as Appendix D's "Data" list prints them; the definitions' dates (catalogue text); and the dataset's
 * as-at dates (`DatasetIdentifiers.datasetDates`). Quarter boundaries (every period start and end) are
 * allowed by the rule itself.
 */
export function reportOwnDates(model: RenderModel, ids: DatasetIdentifiers): Set<IsoDate> {
  const out = new Set<IsoDate>(ids.datasetDates);
  const texts: string[] = [
    model.meta.generatedAt.slice(0, 10),
    model.meta.meetingDate ?? '',
    model.meta.title,
    model.meta.periodLabel,
  ];
  for (const s of model.sections) {
    s.blocks.forEach((b, i) => {
      if (b.kind === 'definitions') for (const d of b.items) texts.push(d.term, d.text);
      // Appendix D's "Data" list: the dataset's version, extract and import dates, settings.
      const prev = s.blocks[i - 1];
      if (s.id === 'appendix-d' && b.kind === 'list' && prev?.kind === 'heading' && prev.text === 'Data')
        texts.push(...b.items);
    });
  }
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const toks = tokensOf(line);
      for (let i = 0; i < toks.length; i++) {
        const d = dateAt(line, toks, i);
        if (d) out.add(d);
      }
    }
  }
  return out;
}

/** Every number of the model's data rows as the CSV and JSON write it: figures, never identifiers. */
export function modelFigures(model: RenderModel): Set<string> {
  const out = new Set<string>();
  for (const r of model.rows) for (const v of Object.values(r)) if (typeof v === 'number') out.add(String(v));
  return out;
}

/**
 * A numeric token the report prints as a number of its own: one of its figures, or a year (1900–2099).
 * Such a token is not read as a child or worker id (a child id "2021" cannot be told from the year).
 */
function ownNumber(w: string, own: ReportOwn): boolean {
  if (!NUMERIC.test(w)) return false;
  return own.figures.has(w) || own.figures.has(String(Number(w))) || /^(19|20)\d\d$/.test(w);
}

/**
 * The child-level identifiers of the dataset in one output's text (report.md §6 "Never in the public
 * version: … identifiers, names, dates of birth, postcodes, worker names"), each as a whole token
 * (`TOKEN`) by one Set lookup:
 * - PUB-CHILD-ID: a child id or UPN hash, unless the token is a number the report prints itself (a figure
 *   of its rows, a year);
 * - PUB-DOB: a date (any common English form, `dateAt`) that is some child's date of birth AND is not a
 *   date the report prints itself: a quarter's first or last day (every period start and end) or one of
 *   {@link reportOwnDates} (publication, meeting, extract and import dates). A child born on such a day is
 *   indistinguishable from the report's own date, and is not flagged;
 * - PUB-POSTCODE: a child's full postcode ("DL1 1AA", "DL11AA"), or a child's postcode sector written as
 *   one ("DL1 1" followed by no more of the inward code); another full postcode in the same sector (the
 *   council's address) is not a child's;
 * - PUB-WORKER: a worker's id or registration, or a worker's name of two to four words written as one
 *   phrase (words separated by spaces only).
 * A hit names its rule and line, never the value.
 */
export function identifierHits(text: string, ids: DatasetIdentifiers, own: ReportOwn): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  const any =
    ids.children.size + ids.dobs.size + ids.postcodes.size + ids.sectors.size + ids.workers.size > 0;
  if (!any) return out;
  text.split('\n').forEach((line, n) => {
    const toks = tokensOf(line);
    const hit = (code: IdentifierHit['code'], what: string): void => {
      out.push({ code, line: n + 1, what });
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const next = toks[i + 1];
      if (ids.children.has(t.w) && !ownNumber(t.w, own)) hit('PUB-CHILD-ID', 'a child identifier');
      for (const k of ids.workerWords) {
        if (i + k > toks.length) continue;
        if (k === 1) {
          if (ids.workers.has(t.w) && !ownNumber(t.w, own)) hit('PUB-WORKER', 'a worker identifier or name');
          continue;
        }
        let words = t.w;
        let ok = true;
        for (let j = i + 1; j < i + k && ok; j++) {
          ok = joined(line, toks[j - 1]!, toks[j]!);
          words += ` ${toks[j]!.w}`;
        }
        if (ok && ids.workers.has(words)) hit('PUB-WORKER', 'a worker identifier or name');
      }
      const digitFirst = t.w.charCodeAt(0) <= 57;
      if (ids.postcodes.has(t.w)) hit('PUB-POSTCODE', 'a child’s postcode');
      else if (!digitFirst && next && joined(line, t, next)) {
        if (ids.postcodes.has(t.w + next.w)) hit('PUB-POSTCODE', 'a child’s postcode');
        else if (/^\d$/.test(next.w) && ids.sectors.has(`${t.w} ${next.w}`))
          hit('PUB-POSTCODE', 'a child’s postcode sector');
      }
      if (digitFirst && ids.dobs.size > 0) {
        const d = dateAt(line, toks, i);
        if (d && ids.dobs.has(d) && !QUARTER_BOUNDARIES.has(d.slice(5)) && !own.dates.has(d))
          hit('PUB-DOB', 'a child’s date of birth');
      }
    }
  });
  return out;
}
